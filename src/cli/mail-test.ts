/**
 * `npm run mail:test -- --to you@example.org`: sends one short message through `SMTP_URL` from
 * `SMTP_FROM` and prints what the relay answered (or why it refused), so an operator knows mail
 * will reach people before the first invitation goes out.
 */
import nodemailer from 'nodemailer';

const defaultFrom = 'RILO A/P Programme Portal <no-reply@localhost>';

export type MailTestResult = { ok: boolean; lines: string[] };

/** The relay's host and port as the URL names them, without the password. */
function describeRelay(smtpUrl: string): string {
	try {
		const u = new URL(smtpUrl);
		const port = u.port || (u.protocol === 'smtps:' ? '465' : '587');
		const how = u.protocol === 'smtps:' ? 'TLS from the start (smtps)' : 'STARTTLS when offered';
		return `${u.hostname}:${port}, ${how}${u.username ? `, as ${decodeURIComponent(u.username)}` : ''}`;
	} catch {
		return 'an SMTP_URL that is not a URL';
	}
}

/** A hint for the usual causes of a failure, by nodemailer's error code. */
function hintFor(code: string | undefined): string | null {
	switch (code) {
		case 'EAUTH':
			return 'The relay refused the user name or password. Characters such as @ : / ? # % in the password must be URL-encoded in SMTP_URL (e.g. @ as %40).';
		case 'EENVELOPE':
			return 'The relay refused the sender or the recipient: SMTP_FROM must be an address of a domain this relay sends for.';
		case 'ECONNECTION':
		case 'ESOCKET':
		case 'ETIMEDOUT':
		case 'EDNS':
			return 'No conversation with the relay: check the host, the port (587 with smtp://, 465 with smtps://) and that the firewall lets the server out to it.';
		case 'ETLS':
			return 'TLS failed: use smtps:// for port 465 and smtp:// (STARTTLS) for 587.';
		default:
			return null;
	}
}

export async function mailTest(input: {
	smtpUrl: string | undefined;
	from: string | undefined;
	to: string | undefined;
}): Promise<MailTestResult> {
	if (!input.to) return { ok: false, lines: ['Usage: npm run mail:test -- --to you@example.org'] };
	if (!input.smtpUrl)
		return {
			ok: false,
			lines: ['SMTP_URL is not set: the portal sends no mail (docs/operations.md).'],
		};
	const from = input.from || defaultFrom;
	const lines = [`Relay: ${describeRelay(input.smtpUrl)}`, `From: ${from}`, `To: ${input.to}`];
	if (/@localhost>?$/.test(from))
		lines.push('Note: SMTP_FROM is still the default @localhost address; most relays refuse it.');
	const transport = nodemailer.createTransport(input.smtpUrl);
	try {
		const info = await transport.sendMail({
			from,
			to: input.to,
			subject: 'RILO A/P Programme Portal: test message',
			text: `This is a test message from the RILO A/P Programme Portal, sent at ${new Date().toISOString()} by \`npm run mail:test\`. Nothing needs doing.`,
		});
		lines.push(`Relay answered: ${info.response}`);
		lines.push(`Accepted: ${info.accepted.join(', ') || 'none'}`);
		if (info.rejected.length) lines.push(`Rejected: ${info.rejected.join(', ')}`);
		return { ok: info.rejected.length === 0 && info.accepted.length > 0, lines };
	} catch (error) {
		const e = error as Error & { code?: string; response?: string; command?: string };
		lines.push(
			`Not sent: ${e.response ? `the relay answered "${e.response}"${e.command ? ` to ${e.command}` : ''}` : e.message}`,
		);
		const hint = hintFor(e.code);
		if (hint) lines.push(hint);
		return { ok: false, lines };
	} finally {
		transport.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const at = args.indexOf('--to');
	const to = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--to='))?.slice(5);
	const result = await mailTest({ smtpUrl: process.env.SMTP_URL, from: process.env.SMTP_FROM, to });
	for (const line of result.lines) (result.ok ? console.log : console.error)(line);
	process.exitCode = result.ok ? 0 : 1;
}
