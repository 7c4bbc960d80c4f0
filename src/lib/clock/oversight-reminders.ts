/**
 * What the WCO Secretariat and a home administration are reminded of: a delivered report
 * version not acknowledged within three working days, and the corrections window closing while
 * a version of one of their officers waits for a decision.
 */
import { formatDay, type Day } from '../dates';
import { countdownStage, dateAndDaysLeft, type Reminder } from './reminder';
import { addWorkingDays } from './working-days';

/** A delivered version waiting for its recipient's acknowledgement. */
export type UnacknowledgedDelivery = {
	id: string;
	participantName: string;
	number: number;
	deliveredOn: Day;
	/** The people of the recipient who may acknowledge it. */
	recipientIds: string[];
};

/** A version of an officer still undecided, with the end of the corrections window. */
export type UndecidedVersion = {
	id: string;
	participantName: string;
	number: number;
	correctionsUntil: Day;
	/** The Secretariat's people and the officer's home contacts. */
	overseerIds: string[];
};

/** Working days a recipient has to acknowledge a delivery before a reminder. */
export const acknowledgeWithinWorkingDays = 3;

/** Reminders for unacknowledged deliveries and closing correction windows. */
export function oversightReminders(
	deliveries: UnacknowledgedDelivery[],
	versions: UndecidedVersion[],
	today: Day,
): Reminder[] {
	const acks = deliveries.flatMap((d) => {
		const due = addWorkingDays(d.deliveredOn, acknowledgeWithinWorkingDays);
		if (today < due) return [];
		return d.recipientIds.map((userId) => ({
			kind: 'delivery_ack',
			messageKind: 'nudge' as const,
			subjectId: d.id,
			due,
			recipient: { userId },
			subject: `Please acknowledge the final report of ${d.participantName}`,
			text: `Version ${d.number} of the final report of ${d.participantName} was delivered to you on ${formatDay(d.deliveredOn)} and has not been acknowledged. Open it and acknowledge receipt.`,
			link: '/oversight',
		}));
	});
	const closing = versions.flatMap((v) => {
		if (countdownStage(today, v.correctionsUntil, [3]) === null) return [];
		return v.overseerIds.map((userId) => ({
			kind: 'corrections_window',
			messageKind: 'deadline' as const,
			subjectId: v.id,
			due: v.correctionsUntil,
			recipient: { userId },
			subject: `Corrections window closing for the report of ${v.participantName}`,
			text: `Version ${v.number} of the final report of ${v.participantName} waits for a decision, and corrections can be requested only until ${dateAndDaysLeft(today, v.correctionsUntil)}.`,
			link: '/oversight',
		}));
	});
	return [...acks, ...closing];
}
