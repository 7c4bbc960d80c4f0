/**
 * The charter's admin matters (visa, ticket, insurance, allowance) still open as training
 * approaches: the programme office is reminded 21 and 7 days before the cohort's first day, one
 * reminder per participant naming what is missing. Pure: facts in, reminders out.
 */
import type { Day } from '../dates';
import { describeMatters, type MatterFields } from '../enrolment/matters';
import { countdownStage, dateAndDaysLeft, type Reminder } from './reminder';

/** One cohort about to start, with its participants' matters, on today's day in its time zone. */
export type CohortMatterFacts = {
	cohortId: string;
	/** The cohort's edition name, as shown everywhere. */
	edition: string;
	trainingStart: Day;
	/** Today in the cohort's time zone. */
	today: Day;
	participants: { id: string; name: string; administration: string; matters: MatterFields }[];
};

/** Days before the first day of training when open matters are reminded. */
export const matterStages = [21, 7];

/** What each open matter means for the office, in the order visas take longest. */
const missingWords: [key: string, words: string][] = [
	['visa', 'visa not obtained'],
	['ticket', 'ticket not issued'],
	['insurance', 'insurance not confirmed'],
	['allowance', 'allowance not paid'],
];

/** The open matters of one participant, in words ("visa not obtained", …). */
export function openMatters(m: MatterFields): string[] {
	const open = new Set(
		describeMatters(m)
			.filter((d) => !d.done)
			.map((d) => d.key),
	);
	return missingWords.filter(([key]) => open.has(key)).map(([, words]) => words);
}

/** The reminders to every admin about each participant of the cohort with matters still open. */
export function matterReminders(c: CohortMatterFacts, adminIds: string[]): Reminder[] {
	const stage = countdownStage(c.today, c.trainingStart, matterStages);
	if (stage === null) return [];
	return c.participants.flatMap((p) => {
		const open = openMatters(p.matters);
		if (!open.length) return [];
		const of = p.administration ? `${p.name} (${p.administration})` : p.name;
		return adminIds.map((userId) => ({
			kind: `admin_matters_${stage}d`,
			messageKind: 'office' as const,
			subjectId: p.id,
			due: c.trainingStart,
			recipient: { userId },
			subject: `Admin matters open for ${p.name}: ${open.join(', ')}`,
			text: `Training of the ${c.edition} cohort starts on ${dateAndDaysLeft(c.today, c.trainingStart)}, and admin matters are still open for ${of}: ${open.join(', ')}. Record them on the participant’s page when they are settled.`,
			link: `/admin/participants/${p.id}`,
		}));
	});
}
