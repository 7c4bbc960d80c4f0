/**
 * Outgoing email through nodemailer when SMTP_URL is set; otherwise nothing is sent and the
 * admin copies links by hand. Mail never carries restricted text (callers leave it out).
 */
import nodemailer, { type Transporter } from 'nodemailer';

let transport: Transporter | null = null;
let transportUrl: string | null = null;

/** What every message needs. */
export type Mail = { to: string; subject: string; text: string };

/** Sends a message; returns false (and sends nothing) when no SMTP server is configured. */
export async function sendMail(
	smtpUrl: string | undefined,
	from: string,
	mail: Mail,
): Promise<boolean> {
	if (!smtpUrl) return false;
	if (!transport || transportUrl !== smtpUrl) {
		transport = nodemailer.createTransport(smtpUrl);
		transportUrl = smtpUrl;
	}
	await transport.sendMail({ from, ...mail });
	return true;
}

/** The text of an invitation email. */
export function invitationMail(input: {
	to: string;
	name: string;
	role: string;
	edition: string | null;
	link: string;
}): Mail {
	const where = input.edition ? ` in the ${input.edition} cohort` : '';
	return {
		to: input.to,
		subject: 'Your invitation to the RILO A/P Programme Portal',
		text: [
			`Dear ${input.name || 'colleague'},`,
			'',
			`You are invited to the RILO A/P Programme Portal as ${input.role}${where} of the WCO Asia-Pacific Regional Data/Intelligence Professionals Programme.`,
			'',
			'Open this link within 7 days to set your password (it works once):',
			input.link,
			'',
			'If you did not expect this message, you can ignore it.',
		].join('\n'),
	};
}

/** The text of a password-reset email. */
export function resetMail(input: { to: string; name: string; link: string }): Mail {
	return {
		to: input.to,
		subject: 'Set a new password for the RILO A/P Programme Portal',
		text: [
			`Dear ${input.name},`,
			'',
			'The programme admin issued a link for you to set a new password. It works once, within 7 days:',
			input.link,
			'',
			'Setting a new password signs you out on every device.',
		].join('\n'),
	};
}

/** The email carrying a final report's delivery link to a recipient without an account (no report text in it). */
export function deliveryLinkMail(input: {
	to: string;
	participant: string;
	number: number;
	link: string;
	days: number;
}): Mail {
	return {
		to: input.to,
		subject: `Final report of ${input.participant} (RILO A/P programme)`,
		text: [
			'Dear colleague,',
			'',
			`Version ${input.number} of the final report of ${input.participant}, your administration’s officer in the WCO Asia-Pacific Regional Data/Intelligence Professionals Programme, is ready for you.`,
			'',
			`Open this link within ${input.days} days. It works for one visit of an hour: download the Word file or print the report, and acknowledge receipt on the page.`,
			input.link,
			'',
			'If you did not expect this message, you can ignore it.',
		].join('\n'),
	};
}

/** The message asking a nominating officer to confirm their nomination. */
export function nominationVerifyMail(input: {
	to: string;
	officerName: string;
	candidateName: string;
	administration: string;
	edition: string;
	link: string;
}): Mail {
	return {
		to: input.to,
		subject: `Confirm your nomination for the ${input.edition} RILO A/P programme`,
		text: [
			`Dear ${input.officerName},`,
			'',
			`You (or someone using your address) nominated ${input.candidateName} of ${input.administration} for the ${input.edition} edition of the WCO Asia-Pacific Regional Data/Intelligence Professionals Programme.`,
			'',
			'Open this link within 48 hours to confirm the nomination (it works once):',
			input.link,
			'',
			'Nothing is recorded as a nomination until you confirm. If you did not send it, ignore this message.',
		].join('\n'),
	};
}

/** The message giving a nominated candidate their link to apply. */
export function applicationLinkMail(input: {
	to: string;
	candidateName: string;
	administration: string;
	edition: string;
	deadline: string;
	link: string;
}): Mail {
	return {
		to: input.to,
		subject: `Your application to the ${input.edition} RILO A/P programme`,
		text: [
			`Dear ${input.candidateName},`,
			'',
			`${input.administration} has nominated you for the ${input.edition} edition of the WCO Asia-Pacific Regional Data/Intelligence Professionals Programme.`,
			'',
			`Fill in your application with this link. You can save it and come back with the same link until the deadline, ${input.deadline}:`,
			input.link,
			'',
			'Keep this link to yourself: anyone who has it can read and change your draft.',
		].join('\n'),
	};
}
