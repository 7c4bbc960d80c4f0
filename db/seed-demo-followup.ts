/**
 * The demo's follow-up on recommendations: two of last year's fictional alumni have an accepted
 * final report; the first has answered the 3-month round and half of the 6-month one.
 */
import type { Db } from './client';
import {
	recommendationFollowUpTable,
	reportTable,
	reportVersionSectionTable,
	reportVersionTable,
} from './schema';
import { alumniAccounts } from './seed-demo-enrolment';

const reports = [
	{
		alumnus: alumniAccounts[0],
		recommendations: [
			'Screen reefer containers from the two flagged ports with the risk profile built in the study',
			'Give feedback on every regional alert within 30 days',
			'Train two more analysts in CEN seizure coding',
		],
	},
	{
		alumnus: alumniAccounts[1],
		recommendations: [
			'Share postal seizure data with the regional office every month',
			'Add new psychoactive substances to the national targeting keywords',
		],
	},
];

/** Adds the accepted reports and answers (idempotent: keyed on fixed ids). */
export async function seedDemoFollowUp(db: Db, adminId: string): Promise<void> {
	const acceptedAt = new Date(Date.UTC(new Date().getUTCFullYear(), 0, 20));
	for (const [n, { alumnus, recommendations }] of reports.entries()) {
		const versionId = `demofollowver${n}`;
		await db
			.insert(reportTable)
			.values({
				participantId: alumnus.id,
				status: 'closed',
				closedOn: acceptedAt.toISOString().slice(0, 10),
				acceptedAt,
				updatedAt: acceptedAt,
			})
			.onConflictDoNothing();
		await db
			.insert(reportVersionTable)
			.values({
				id: versionId,
				participantId: alumnus.id,
				number: 1,
				submittedAt: new Date(acceptedAt.getTime() - 10 * 86_400_000),
				decision: 'accepted',
				decidedBy: adminId,
				decidedAt: acceptedAt,
			})
			.onConflictDoNothing();
		const sections = [
			['activities', 'Summary of activities', '- Four weeks at RILO A/P (demo)'],
			['study_results', 'Results of the thematic study', `- ${alumnus.topic} (demo)`],
			[
				'recommendations',
				'Recommendation(s) to the home administration',
				recommendations.map((r) => `- ${r}`).join('\n'),
			],
			['evaluation', 'Evaluation of the programme', '- The OJT was the most useful part'],
		] as const;
		for (const [position, [kind, title, outline]] of sections.entries())
			await db
				.insert(reportVersionSectionTable)
				.values({ versionId, position: position + 1, kind, title, outline, notes: '' })
				.onConflictDoNothing();
	}
	const first = reports[0]!;
	const answers = [
		{
			round: 3,
			item: 1,
			answer: 'adopted',
			note: 'The profile runs at the two ports since March.',
		},
		{
			round: 3,
			item: 2,
			answer: 'in_progress',
			note: 'A 30-day target is in the draft instruction.',
		},
		{ round: 3, item: 3, answer: 'not_adopted', note: 'No training budget this year.' },
		{ round: 6, item: 1, answer: 'adopted', note: 'Three seizures so far (demo figures).' },
	] as const;
	for (const a of answers)
		await db
			.insert(recommendationFollowUpTable)
			.values({
				id: `demofollow${a.round}-${a.item}`,
				participantId: first.alumnus.id,
				recommendation: first.recommendations[a.item - 1]!,
				answeredBy: first.alumnus.id,
				answeredAt: new Date(acceptedAt.getTime() + a.round * 30 * 86_400_000),
				...a,
			})
			.onConflictDoNothing();
}
