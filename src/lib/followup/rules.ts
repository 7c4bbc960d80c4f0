/**
 * Follow-up on the final report's recommendations to the home administration: 3 and 6 months
 * after departure the alumnus and their home contact say what became of each one. This is how
 * the programme learns of the measures taken at home, the charter's objective.
 */
import { addMonths, type Day } from '../dates';
import type { FollowUpAnswer } from '~db/schema';

/** Months after departure when the follow-up is asked. */
export const followUpRounds = [3, 6] as const;

/** How long after its date a round is still reminded of (it stays open for answers). */
export const reminderWindowDays = 30;

/** The words for each answer. */
export const answerLabels: Record<FollowUpAnswer, string> = {
	adopted: 'Adopted',
	in_progress: 'In progress',
	not_adopted: 'Not adopted',
};

/** The day a round is asked: `round` months after departure. */
export function roundDate(departure: Day, round: number): Day {
	return addMonths(departure, round);
}

/** The rounds whose day has come. */
export function openRounds(departure: Day, today: Day): number[] {
	return followUpRounds.filter((round) => roundDate(departure, round) <= today);
}

const listItem = /^ ?(?:[-*+]|\d{1,3}[.)])\s+(.*\S)\s*$/;

/**
 * The recommendations of a report section: its top-level list items, or, when it has no list,
 * its non-empty lines. Markdown emphasis stays as written.
 */
export function recommendationsFrom(outline: string): string[] {
	const lines = outline.split('\n');
	const items = lines.map((line) => listItem.exec(line)?.[1]).filter((t): t is string => !!t);
	return items.length ? items : lines.map((l) => l.trim()).filter(Boolean);
}
