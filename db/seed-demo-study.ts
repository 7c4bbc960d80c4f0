/**
 * Demo thematic studies and report outlines for the four demo participants. Fictional, like
 * every demo record: the studies are about alert intelligence on the synthetic data set.
 */
import type { Db } from './client';
import { demoDay } from './demo-day';
import type { DemoIds } from './seed-demo';
import { seedDemoReport } from './seed-demo-report';
import {
	studyActivityTable,
	studyCommentTable,
	studyMilestoneTable,
	studyPaperSectionTable,
	studySourceTable,
	studyTable,
} from './schema';

const dayMs = 86_400_000;
const day = (offset: number) => demoDay(offset);

/** One study theme per participant (fictional). */
const themes = [
	{
		title: 'Timeliness of regional alerts on postal methamphetamine',
		question:
			'How quickly do regional alerts on postal methamphetamine reach front-line officers, and what delays them?',
		focus: 'postal',
	},
	{
		title: 'Feedback on alerts in small island administrations',
		question:
			'Why do so few alerts receive feedback messages, and what would make feedback easier to send?',
		focus: 'feedback',
	},
	{
		title: 'Concealment shifts as triggers for alerts',
		question:
			'Can a change in concealment method seen in seizure data be turned into an alert early enough to matter?',
		focus: 'concealment',
	},
	{
		title: 'Measuring the impact of an alert',
		question: 'Which simple indicators show whether an alert led to controls and seizures?',
		focus: 'impact',
	},
] as const;

/** The same three sources in every demo study; the interview is invented. */
const sources = [
	{
		citation: 'WCO, Regional Intelligence Liaison Offices (RILO) — web page',
		link: 'https://www.wcoomd.org/en/topics/enforcement-and-compliance/instruments-and-tools/rilo.aspx',
		notes: 'Roles of NCPs and RILOs in producing and circulating alerts.',
		reliability: 'A',
	},
	{
		citation: 'UNODC, Criminal Intelligence Manual for Analysts (2011)',
		link: 'https://vdocuments.net/criminal-intelligence-training-un-analyst-manual.html',
		notes: 'The intelligence process and the 4x4 evaluation.',
		reliability: 'A',
	},
	{
		citation: 'Interview notes, fictional NCP of the demo administration',
		link: '',
		notes: 'Demo source, invented for the portal demo.',
		reliability: 'C',
	},
] as const;

/** The study's milestones: title and due day, in days from today. */
const milestones = [
	['Research question agreed with mentor', -12],
	['Data extracted and cleaned', -5],
	// Due tomorrow: the demo's clock has a milestone reminder to show.
	['Findings drafted', 1],
	['Paper ready for mentor review', 10],
] as const;

/** The activities agreed with the home administration (fictional), nine days ago. */
const activities = [
	{
		what: 'Draft one regional alert from the study’s pattern (fictional)',
		agreedBy: 'Participant, home administration (demo) and RILO A/P',
		status: 'in_progress',
	},
	{
		what: 'Share the alert checklist with the home NCP (fictional)',
		agreedBy: 'Participant and home administration (demo)',
		status: 'planned',
	},
] as const;

/** Inserts a study in progress and a report outline for every demo participant. */
export async function seedDemoStudies(db: Db, ids: DemoIds): Promise<void> {
	const now = new Date();
	for (const [p, participantId] of ids.participantIds.entries()) {
		const theme = themes[p]!;
		await db.insert(studyTable).values({
			participantId,
			title: theme.title,
			question: theme.question,
			scope:
				'Synthetic seizure data of the data lab, 2023–2025, and interviews with RILO A/P staff (demo).',
			method:
				'- Describe the alert cycle as practised\n- Measure delays on the synthetic data set\n- Compare with two fictional administrations',
			expectedOutputs:
				'- A research paper\n- One draft alert\n- A one-page checklist for the home administration',
			findings:
				p === 3
					? ''
					: `- First look (demo): the ${theme.focus} pattern is visible in the synthetic data about two months before its peak.`,
			version: 2,
			updatedAt: now,
		});
		await db
			.insert(studySourceTable)
			.values(sources.map((s, i) => ({ id: `demosrc-${p}-${i + 1}`, participantId, ...s })));
		// The first milestone is done by everyone, the second by the first two participants only.
		const doneAt = [
			new Date(Date.now() - 12 * dayMs),
			p < 2 ? new Date(Date.now() - 4 * dayMs) : null,
		];
		await db.insert(studyMilestoneTable).values(
			milestones.map(([title, due], i) => ({
				id: `demoms-${p}-${i + 1}`,
				participantId,
				title,
				dueDate: day(due),
				doneAt: doneAt[i] ?? null,
			})),
		);
		await db.insert(studyPaperSectionTable).values([
			{
				id: `demopaper-${p}-1`,
				participantId,
				title: 'Introduction',
				position: 1,
				body: `${theme.question}\n\nThis paper uses only the synthetic data set of the portal's data lab (demo).`,
				version: 2,
				updatedAt: now,
			},
			{
				id: `demopaper-${p}-2`,
				participantId,
				title: 'Method',
				position: 2,
				body: '- Monthly counts by route and concealment\n- Delay between first signal and alert (demo numbers)',
				version: 1,
				updatedAt: now,
			},
		]);
		await db.insert(studyActivityTable).values(
			activities.map((act, i) => ({
				id: `demoact-${p}-${i + 1}`,
				participantId,
				...act,
				agreedOn: day(-9),
				outcome: '',
			})),
		);
		await db.insert(studyCommentTable).values({
			id: `demostudycomment-${p}`,
			participantId,
			part: 'plan',
			authorId: ids.mentorId,
			body: 'Good question. Keep the scope to one commodity so the paper stays focused.',
		});
		await seedDemoReport(db, ids, participantId, p, now);
	}
}
