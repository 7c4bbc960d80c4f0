/** Emails the notifications a mutation just created, when the portal has an SMTP server. */
import { SMTP_FROM, SMTP_URL } from 'astro:env/server';
import { getDb } from '~/lib/server/db';
import { baseUrl } from '~/lib/server/http/links';
import { sendMail } from '~/lib/server/notify/mail';
import { flushNotificationEmails } from '~/lib/server/notify/notification';

/** Sends pending notification emails; never fails the action that triggered it. */
export async function emailNotifications(requestUrl: URL): Promise<void> {
	if (!SMTP_URL) return;
	try {
		await flushNotificationEmails(await getDb(), async (to, text, link) => {
			await sendMail(SMTP_URL, SMTP_FROM, {
				to,
				subject: 'RILO A/P Programme Portal: ' + text.slice(0, 80),
				text: `${text}\n\nOpen it in the portal: ${baseUrl(requestUrl)}${link}\n`,
			});
		});
	} catch (error) {
		console.error('notification email failed', error);
	}
}
