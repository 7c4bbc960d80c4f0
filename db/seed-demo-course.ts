/**
 * Demo course evaluations: three of the four participants answered, so the programme office
 * sees results for the days and the week, while items only two rated stay hidden (anonymity).
 */
import type { Db } from './client';
import { evaluationAnswerTable } from './schema';
import type { DemoIds } from './seed-demo';

const dayComments: Record<number, string[]> = {
	1: [
		'The history of RILO A/P helped me explain the office to my colleagues.',
		'Good start; the report requirements were clear from the first day.',
		'More time for introductions between participants would help.',
	],
	2: [
		'CENcomm practice was the most useful part of the week.',
		'I would like to see a real nCEN screen, even a training one.',
		'Too much reading in one afternoon.',
	],
	3: [
		'The 4x4 exercise was very practical.',
		'Risk management repeated what I already knew from home.',
		'Alerts: the checklist is something I will use at once.',
	],
	4: [
		'The data lab was excellent, but the day was long.',
		'Cleaning the table taught me more than the lecture.',
		'Please split this day: it is a lot for a second-language reader.',
	],
	5: [
		'The study design session made my research question concrete.',
		'The OCU tracker example was useful.',
		'More time for questions about the final report, please.',
	],
};
const dayRatings = [
	[4, 5, 4],
	[5, 3, 4],
	[4, 3, 5],
	[5, 4, 3],
	[4, 4, 5],
];

/** Evaluation answers for participants 1, 3 and 4 (participant 2 has not answered yet). */
export async function seedDemoCourse(db: Db, ids: Pick<DemoIds, 'cohortId' | 'participantIds'>) {
	const who = [ids.participantIds[0]!, ids.participantIds[2]!, ids.participantIds[3]!];
	const updatedAt = new Date();
	const rows = who.flatMap((userId, p) => [
		...[1, 2, 3, 4, 5].map((day) => ({
			userId,
			cohortId: ids.cohortId,
			item: `day-${day}`,
			rating: dayRatings[day - 1]![p]!,
			comment: dayComments[day]![p]!,
			updatedAt,
		})),
		{
			userId,
			cohortId: ids.cohortId,
			item: 'overall',
			rating: [5, 4, 4][p]!,
			comment: '',
			updatedAt,
		},
	]);
	// Two ratings only: shown to nobody, as a demonstration of the threshold.
	for (const userId of who.slice(0, 2))
		rows.push({
			userId,
			cohortId: ids.cohortId,
			item: 'module:data-visualisation',
			rating: 5,
			comment: 'Charts that tell the finding in the title: very useful.',
			updatedAt,
		});
	await db.insert(evaluationAnswerTable).values(rows);
}
