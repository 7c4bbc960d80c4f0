/** Emails the notifications a mutation just created, when the portal has an SMTP server. */
import { SMTP_FROM, SMTP_URL } from 'astro:env/server';
import { getDb } from '~/lib/server/db';
import { baseUrl } from '~/lib/server/http/links';
import { reminderMail } from '~/lib/server/clock/reminder-mail';
import { deliverQueuedMail, queueMail } from '~/lib/server/notify/mail-queue';
import { flushNotificationEmails } from '~/lib/server/notify/notification';

/**
 * Queues the pending notification emails (as each person chose) and sends what is due; a refused
 * message stays queued for the scheduler's retries. Never fails the action that triggered it.
 */
export async function emailNotifications(requestUrl: URL): Promise<void> {
	if (!SMTP_URL) return;
	try {
		const db = await getDb();
		const publicUrl = baseUrl(requestUrl);
		await flushNotificationEmails(db, async (to, text, link, userId, kind) => {
			const mail = await reminderMail(db, { publicUrl }, { to, userId, kind, text, link });
			await queueMail(db, mail, true);
		});
		await deliverQueuedMail(db, { smtpUrl: SMTP_URL, from: SMTP_FROM });
	} catch (error) {
		console.error('notification email failed', error);
	}
}
