/** Emails go out through a real SMTP conversation (an in-process server), without restricted text. */
import { expect, it } from 'vitest';
import { invitationMail, sendMail } from '~/lib/server/notify/mail';
import { flushNotificationEmails } from '~/lib/server/notify/notification';
import { createEntry, submitEntry } from '~/lib/server/logbook/entry';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { entryInput } from '../helpers/entries';
import { plainBody, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
const received = smtp.received;

const t = useTestDb();

it('sends the invitation with its one-time link', async () => {
	const link = 'http://127.0.0.1:4321/invitation?token=abcdefghijklmnopqrstuvwxyz234567';
	const sent = await sendMail(
		smtp.url,
		'Portal <no-reply@portal.test>',
		invitationMail({
			to: 'new@customs.test',
			name: 'Mara',
			role: 'participant',
			edition: '2026/2027',
			link,
		}),
	);
	expect(sent).toBe(true);
	expect(received).toHaveLength(1);
	expect(received[0]!.to).toEqual(['new@customs.test']);
	expect(received[0]!.body).toContain('2026/2027');
	expect(plainBody(received[0]!.body)).toContain(link);
});

it('sends nothing when no SMTP server is set', async () => {
	expect(await sendMail(undefined, 'x', { to: 'a@b.test', subject: 's', text: 't' })).toBe(false);
	expect(received).toHaveLength(0);
});

it('emails notifications once, with restricted titles withheld', async () => {
	const admin = await makeUser(t.db, 'admin');
	const { mentor, participants } = await makeCohort(t.db, admin, 1);
	const p = participants[0]!;
	const e = await createEntry(
		t.db,
		p,
		entryInput({ title: 'Target list for operation X', handling: 'restricted' }),
	);
	await submitEntry(t.db, p, e.id, 1);
	const send = (to: string, text: string, link: string) =>
		sendMail(smtp.url, 'Portal <no-reply@portal.test>', {
			to,
			subject: text.slice(0, 60),
			text: `${text}\n${link}`,
		}).then(() => undefined);
	expect(await flushNotificationEmails(t.db, send)).toBe(1);
	expect(await flushNotificationEmails(t.db, send)).toBe(0); // claimed once, never twice
	expect(received).toHaveLength(1);
	expect(received[0]!.to).toEqual([mentor.email]);
	expect(received[0]!.body).not.toContain('Target list');
	expect(received[0]!.body).toContain('title withheld');
});
