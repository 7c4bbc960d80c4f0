/** Emails go out through a real SMTP conversation (an in-process server), without restricted text. */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { invitationMail, sendMail } from '~/lib/server/notify/mail';
import { flushNotificationEmails } from '~/lib/server/notify/notification';
import { createEntry, submitEntry } from '~/lib/server/logbook/entry';
import { createTestDb, type TestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { entryInput } from '../helpers/entries';

type Received = { from: string; to: string[]; body: string };
const received: Received[] = [];
let server: SMTPServer;
let smtpUrl = '';

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let body = '';
			stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					body,
				});
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let t: TestDb;
beforeEach(async () => {
	received.length = 0;
	t = await createTestDb();
});
afterEach(() => t.close());

it('sends the invitation with its one-time link', async () => {
	const link = 'http://127.0.0.1:4321/invitation?token=abcdefghijklmnopqrstuvwxyz234567';
	const sent = await sendMail(
		smtpUrl,
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
	expect(received[0]!.body.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).toContain(link); // quoted-printable
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
		sendMail(smtpUrl, 'Portal <no-reply@portal.test>', {
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
