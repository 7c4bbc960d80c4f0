/**
 * Pure rules of the thematic study: source grades, milestone deadlines, activity statuses and
 * the parts people comment on. Safe anywhere (pages, islands, tests).
 */
import { activityStatuses, reliabilities } from '~db/schema';
import { daysBetween, type Day } from '../dates';

/** The fields of the study plan, in order, with their labels and what to write in them. */
export const planFields = [
	{ name: 'title', label: 'Title', hint: 'A working title; you can change it later.' },
	{
		name: 'question',
		label: 'Research question',
		hint: 'The one question about alert intelligence your study answers.',
	},
	{ name: 'scope', label: 'Scope', hint: 'What is in and out: goods, routes, period, data.' },
	{ name: 'method', label: 'Method', hint: 'How you will answer it: data, analysis, interviews.' },
	{
		name: 'expectedOutputs',
		label: 'Expected outputs',
		hint: 'What you will produce, e.g. an alert, a risk indicator, a paper.',
	},
] as const;

/** A source grade of the 4x4 system. */
export type Reliability = (typeof reliabilities)[number];

/** What each source grade means, as the form and tables show it. */
export const reliabilityLabels: Record<Reliability, string> = {
	A: 'A — reliable',
	B: 'B — usually reliable',
	C: 'C — fairly reliable / not usually reliable',
	X: 'X — cannot be judged',
};

/** The sentence that says where the grades come from (shown beside the grade field). */
export const reliabilityNote =
	'These are the source grades of the 4x4 evaluation system, common practice in law enforcement: grade the source, not the single piece of information.';

/** Where an agreed intelligence activity stands. */
export type ActivityStatus = (typeof activityStatuses)[number];

/** Activity statuses in words. */
export const activityStatusLabels: Record<ActivityStatus, string> = {
	planned: 'Planned',
	in_progress: 'In progress',
	done: 'Done',
	dropped: 'Dropped',
};

/** What a milestone needs for the deadline rules. */
export type MilestoneLike = { dueDate: Day; doneAt: Date | null };

/** True when a milestone is not done and its due day has passed (due today is not overdue yet). */
export function isOverdue(milestone: MilestoneLike, today: Day): boolean {
	return !milestone.doneAt && milestone.dueDate < today;
}

/** How many days past due an open milestone is (0 when not overdue). */
export function daysOverdue(milestone: MilestoneLike, today: Day): number {
	return isOverdue(milestone, today) ? daysBetween(milestone.dueDate, today) : 0;
}

/** The parts of a study that carry a comment thread, in page order. */
export const studyParts = [
	'plan',
	'sources',
	'milestones',
	'findings',
	'activities',
	'paper',
] as const;
export type StudyPart = (typeof studyParts)[number];

/** Part names in words, as notifications and headings use them. */
export const partLabels: Record<StudyPart, string> = {
	plan: 'plan',
	sources: 'sources',
	milestones: 'milestones',
	findings: 'findings',
	activities: 'intelligence activities',
	paper: 'research paper',
};

/** The comment part of one paper section. */
export function sectionPart(sectionId: string): string {
	return `paper:${sectionId}`;
}

/** Reads a comment part: one of `studyParts`, or 'paper:<section id>'; null when malformed. */
export function parsePart(part: string): { part: StudyPart; sectionId: string | null } | null {
	const section = /^paper:([\w-]{1,40})$/.exec(part);
	if (section) return { part: 'paper', sectionId: section[1]! };
	return (studyParts as readonly string[]).includes(part)
		? { part: part as StudyPart, sectionId: null }
		: null;
}

/** The element id of a part's comment thread (ids avoid the colon of section parts). */
export function threadAnchor(part: string): string {
	return `comments-${part.replace(':', '-')}`;
}
