/**
 * The kinds of message the portal sends, and how each may be delivered by email. A person
 * chooses per kind on /account (immediately, in a daily digest, or off); deadline reminders can
 * only move between immediately and the digest: a deadline must reach the person.
 */
import type { DeliveryMode } from '~db/schema';

/** Every message kind, in the order /account lists them. */
export const messageKinds = [
	'deadline',
	'nudge',
	'review_digest',
	'office',
	'receipt',
	'follow_up',
	'activity',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** What a kind is, for the preferences form, and its default. */
export const messageKindInfo: Record<
	MessageKind,
	{ label: string; description: string; default: DeliveryMode; canTurnOff: boolean }
> = {
	deadline: {
		label: 'Deadline reminders',
		description:
			'The outline presentation, the final report, study milestones, the corrections window, the call for applications.',
		default: 'immediately',
		canTurnOff: false,
	},
	nudge: {
		label: 'Work waiting for you',
		description:
			'A draft not submitted, changes not answered, an activity or a delivery waiting for your answer.',
		default: 'immediately',
		canTurnOff: true,
	},
	review_digest: {
		label: 'Morning review digest (mentors)',
		description: 'One message each working morning while entries wait for review.',
		default: 'immediately',
		canTurnOff: true,
	},
	office: {
		label: 'Programme office reminders (admins)',
		description:
			'Nominations, applications, scoring, the selection, notices, admin matters, the retention purge.',
		default: 'immediately',
		canTurnOff: true,
	},
	receipt: {
		label: 'Receipts',
		description: 'Confirmation of what you submitted and of each delivery of your report.',
		default: 'immediately',
		canTurnOff: true,
	},
	follow_up: {
		label: 'Follow-up on recommendations',
		description:
			'Three and six months after the programme: what became of the report’s recommendations.',
		default: 'immediately',
		canTurnOff: true,
	},
	activity: {
		label: 'Everything else',
		description: 'Comments, decisions and other news from the portal.',
		default: 'immediately',
		canTurnOff: true,
	},
};

/** True for a known kind (an old or forged one in a link is refused). */
export function isMessageKind(value: string): value is MessageKind {
	return (messageKinds as readonly string[]).includes(value);
}

/** The mode that applies: the person's choice when allowed, else the kind's default. */
export function effectiveMode(kind: MessageKind, chosen: DeliveryMode | undefined): DeliveryMode {
	if (!chosen) return messageKindInfo[kind].default;
	if (chosen === 'off' && !messageKindInfo[kind].canTurnOff) return 'immediately';
	return chosen;
}
