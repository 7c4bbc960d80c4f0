/**
 * `npm run mail:test` against a real SMTP server: the message arrives and the relay's answer is
 * printed; a refused recipient, a refused password and a relay that is not there each say why.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mailTest } from '~/cli/mail-test';
import { useSmtpServer } from '../helpers/smtp';

const root = fileURLToPath(new URL('../../', import.meta.url));
const smtp = useSmtpServer({ recipient: (address) => address.startsWith('nobody@') });

describe('npm run mail:test', () => {
	it('sends one message and prints the relay answer', async () => {
		const { code, output } = await new Promise<{ code: number | null; output: string }>(
			(resolve) => {
				const child = spawn(
					process.execPath,
					['--import', 'tsx', 'src/cli/mail-test.ts', '--to', 'you@example.org'],
					{
						cwd: root,
						env: { ...process.env, SMTP_URL: smtp.url, SMTP_FROM: 'Portal <portal@rilo.example>' },
						stdio: ['ignore', 'pipe', 'pipe'],
					},
				);
				let output = '';
				child.stdout.on('data', (c: Buffer) => (output += c.toString()));
				child.stderr.on('data', (c: Buffer) => (output += c.toString()));
				child.once('exit', (code) => resolve({ code, output }));
			},
		);
		expect(output).toMatch(/^Relay: 127\.0\.0\.1:\d+, STARTTLS when offered$/m);
		expect(output).toMatch(/^Relay answered: 250 /m);
		expect(output).toMatch(/^Accepted: you@example\.org$/m);
		expect(code).toBe(0);
		expect(smtp.received).toHaveLength(1);
		expect(smtp.received[0]).toMatchObject({
			from: 'portal@rilo.example',
			to: ['you@example.org'],
		});
		expect(smtp.received[0]!.body).toContain('Subject: RILO A/P Programme Portal: test message');
	}, 60_000);

	it('says why when the relay refuses the recipient', async () => {
		const result = await mailTest({
			smtpUrl: smtp.url,
			from: 'portal@rilo.example',
			to: 'nobody@example.org',
		});
		expect(result.ok).toBe(false);
		expect(result.lines.join('\n')).toMatch(
			/Not sent: the relay answered "550 Mailbox unavailable" to RCPT TO/,
		);
		expect(result.lines.join('\n')).toMatch(
			/SMTP_FROM must be an address of a domain this relay sends for/,
		);
		expect(smtp.received).toEqual([]);
	});

	it('says why when there is no relay, and when nothing is set', async () => {
		const gone = await mailTest({
			smtpUrl: 'smtp://127.0.0.1:9',
			from: undefined,
			to: 'you@example.org',
		});
		expect(gone.ok).toBe(false);
		expect(gone.lines.join('\n')).toMatch(
			/Note: SMTP_FROM is still the default @localhost address/,
		);
		expect(gone.lines.join('\n')).toMatch(
			/No conversation with the relay: check the host, the port/,
		);
		expect(
			(await mailTest({ smtpUrl: undefined, from: undefined, to: 'a@b.example' })).lines[0],
		).toMatch(/SMTP_URL is not set/);
		expect(
			(await mailTest({ smtpUrl: smtp.url, from: undefined, to: undefined })).lines[0],
		).toMatch(/^Usage: npm run mail:test -- --to/);
	});

	it('shows the user but never the password, and decodes an encoded user name', async () => {
		const result = await mailTest({
			smtpUrl: 'smtps://ops%40rilo.example:p%40ss%2Fword@127.0.0.1:9',
			from: 'portal@rilo.example',
			to: 'you@example.org',
		});
		expect(result.lines[0]).toBe(
			'Relay: 127.0.0.1:9, TLS from the start (smtps), as ops@rilo.example',
		);
		expect(result.lines.join('\n')).not.toMatch(/p%40ss|p@ss/);
	});
});
