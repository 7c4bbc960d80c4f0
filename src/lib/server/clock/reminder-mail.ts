/**
 * The email form of a notification or reminder: a greeting, the sentences, the link where to
 * act, and the one-click link that changes how the person gets this kind of message.
 */
import type { Db } from '~db/client';
import { messageKindInfo, type MessageKind } from '~/lib/clock/reminder-kinds';
import type { Mail } from '../notify/mail';
import { preferenceToken } from '../notify/preference-link';

/** What every scheduled email needs to build its links. */
export type LinkSettings = { publicUrl: string };

/** The first line of a text, cut for a subject line. */
export function subjectFrom(text: string): string {
	const first = text.split('\n')[0]!;
	return first.length > 90 ? `${first.slice(0, 89)}…` : first;
}

/** An absolute link from a portal path (a full URL is kept as it is). */
export function absolute(settings: LinkSettings, link: string): string {
	return /^https?:\/\//.test(link) ? link : `${settings.publicUrl.replace(/\/$/, '')}${link}`;
}

/** The email to a person with an account, with their one-click preference link. */
export async function reminderMail(
	db: Db,
	settings: LinkSettings,
	input: {
		to: string;
		name?: string;
		userId: string;
		kind: MessageKind;
		text: string;
		link: string;
		subject?: string;
	},
): Promise<Mail> {
	const token = await preferenceToken(db, input.userId, input.kind);
	const info = messageKindInfo[input.kind];
	const choices = info.canTurnOff
		? 'at once, in a daily digest, or not at all'
		: 'at once or in a daily digest';
	return {
		to: input.to,
		subject: `RILO A/P Programme Portal: ${input.subject ?? subjectFrom(input.text)}`,
		text: [
			input.name ? `Dear ${input.name},` : 'Dear colleague,',
			'',
			input.text,
			'',
			`Where to act: ${absolute(settings, input.link)}`,
			'',
			'--',
			`You receive “${info.label}” emails for your part in the WCO Asia-Pacific Regional Data/Intelligence Professionals Programme at RILO A/P.`,
			`To get them ${choices}, open: ${absolute(settings, `/email-preferences/${token}`)}`,
		].join('\n'),
	};
}

/** The email to someone without an account (a nominating officer, a candidate). */
export function addressMail(input: {
	to: string;
	name: string;
	subject: string;
	text: string;
	link: string;
}): Mail {
	return {
		to: input.to,
		subject: `RILO A/P programme: ${input.subject}`,
		text: [
			`Dear ${input.name},`,
			'',
			input.text,
			'',
			input.link,
			'',
			'--',
			'RILO A/P programme office, WCO Asia-Pacific Regional Data/Intelligence Professionals Programme.',
		].join('\n'),
	};
}
