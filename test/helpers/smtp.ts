/**
 * A real SMTP server inside the test process, so mail goes through the portal's own client and
 * a real SMTP conversation rather than a mock. It can refuse as real servers do.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message the server took: its envelope and its body as sent (quoted-printable and all). */
export type ReceivedMail = { from: string; to: string[]; body: string };

/** When the server says no: `recipient` at RCPT TO (550), `data` after the body (452). */
export type SmtpRefusals = {
	recipient?: (address: string) => boolean;
	data?: () => boolean;
};

const refusal = (message: string, responseCode: number) =>
	Object.assign(new Error(message), { responseCode });

/**
 * Starts a server for the calling file's tests and stops it after them. `received` is emptied
 * before each test, so a test sees only its own mail; `url` is set once the server listens.
 */
export function useSmtpServer(refuse: SmtpRefusals = {}) {
	const smtp = { url: '', received: [] as ReceivedMail[] };
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onRcptTo(address, _session, callback) {
			if (refuse.recipient?.(address.address)) return callback(refusal('Mailbox unavailable', 550));
			callback();
		},
		onData(stream, session, callback) {
			let body = '';
			stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
			stream.on('end', () => {
				if (refuse.data?.()) return callback(refusal('Mailbox full', 452));
				const { mailFrom, rcptTo } = session.envelope;
				const to = rcptTo.map((r) => r.address);
				smtp.received.push({ from: mailFrom ? mailFrom.address : '', to, body });
				callback();
			});
		},
	});
	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
	});
	beforeEach(() => {
		smtp.received.length = 0;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return smtp;
}

/** A body as a person reads it: quoted-printable soft line breaks joined, `=3D` back to `=`. */
export const plainBody = (body: string) => body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
