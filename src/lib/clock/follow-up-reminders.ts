/**
 * Asking former participants and their home contacts, 3 and 6 months after departure, what
 * became of the report's recommendations; reminded for a month while a round is unanswered.
 */
import { addDays, formatDay, type Day } from '../dates';
import { followUpRounds, reminderWindowDays, roundDate } from '../followup/rules';
import type { Reminder } from './reminder';

/** One former participant with an accepted report that names recommendations. */
export type FollowUpFacts = {
	participantId: string;
	name: string;
	departure: Day;
	/** Today in their cohort's time zone. */
	today: Day;
	recommendations: number;
	/** How many recommendations are answered, per round. */
	answered: Record<number, number>;
	/** The alumnus and their home contacts. */
	recipientIds: string[];
};

/** The follow-up reminders due today for one former participant. */
export function followUpReminders(f: FollowUpFacts): Reminder[] {
	if (!f.recommendations) return [];
	return followUpRounds.flatMap((round) => {
		const due = roundDate(f.departure, round);
		const open = f.today >= due && f.today <= addDays(due, reminderWindowDays);
		if (!open || (f.answered[round] ?? 0) >= f.recommendations) return [];
		return f.recipientIds.map((userId) => ({
			kind: `follow_up_${round}m`,
			messageKind: 'follow_up' as const,
			subjectId: f.participantId,
			due,
			recipient: { userId },
			subject: `${round} months on: what became of the recommendations of ${f.name}`,
			text: `It is ${round} months since ${f.name} left the RILO A/P programme (${formatDay(f.departure)}). Please say for each of the ${f.recommendations} recommendations of the final report whether it was adopted, is in progress or was not adopted.`,
			link: `/follow-up/${f.participantId}#round-${round}`,
		}));
	});
}
