/**
 * The mentor's to-do list: logbook entries, report versions, study activities, lab
 * interpretations and practice messages waiting on them, each with where to act. Pure: the
 * facts come from a few counting queries (src/lib/server/todo/mentor.ts).
 */
import { formatDay, type Day } from '../dates';
import { agreementItems, agreementGraceWorkingDays, type PendingAgreement } from './agreement';
import { countText, sortTodo, workingDaysSince, type TodoItem } from './item';

/** A queue of submissions waiting for the mentor: how many, the oldest, and whose. */
export type WaitingQueue = {
	total: number;
	/** The oldest waiting submission, with the day it was sent (cohort time zone). */
	oldest: { id: string; participantName: string; since: Day } | null;
};

/** What the queries found out for one mentor. */
export type MentorTodoFacts = {
	/** Submitted log entries, and how many per participant (most first). */
	entries: WaitingQueue & { byParticipant: { participantId: string; name: string; n: number }[] };
	/** Final-report versions waiting for a decision. */
	versions: { participantId: string; name: string; number: number; since: Day }[];
	/** Study activities waiting for RILO A/P's agreement. */
	agreements: PendingAgreement[];
	/** Lab interpretations not yet scored. */
	interpretations: WaitingQueue;
	/** Practice CEN messages submitted for review. */
	messages: WaitingQueue;
};

/** Overdue once the oldest has waited past the same grace as an agreement; waiting before. */
function waitTone(since: Day, today: Day) {
	return workingDaysSince(since, today) > agreementGraceWorkingDays ? 'overdue' : 'waiting';
}

function entryItem(f: MentorTodoFacts, today: Day): TodoItem[] {
	const { total, oldest, byParticipant } = f.entries;
	if (!total || !oldest) return [];
	const whose = byParticipant.map((p) => `${p.name} ${p.n}`).join(', ');
	return [
		{
			key: 'review',
			tone: waitTone(oldest.since, today),
			text: `${countText(total, 'logbook entry', 'logbook entries')} ${total === 1 ? 'waits' : 'wait'} for your review, the oldest from ${oldest.participantName} since ${formatDay(oldest.since)}. Waiting: ${whose}.`,
			href: '/review',
		},
	];
}

function versionItems(f: MentorTodoFacts, today: Day): TodoItem[] {
	return f.versions.map((v) => ({
		key: `version:${v.participantId}`,
		tone: waitTone(v.since, today),
		text: `${v.name}’s final report, version ${v.number} (submitted ${formatDay(v.since)}), waits for a decision: accept it or return it for corrections.`,
		href: `/report/${v.participantId}`,
	}));
}

function queueItem(
	key: string,
	q: WaitingQueue,
	today: Day,
	what: [string, string],
	href: (oldestId: string, total: number) => string,
): TodoItem[] {
	if (!q.total || !q.oldest) return [];
	return [
		{
			key,
			tone: waitTone(q.oldest.since, today),
			text: `${countText(q.total, ...what)} ${q.total === 1 ? 'waits' : 'wait'} for your review, the oldest from ${q.oldest.participantName} since ${formatDay(q.oldest.since)}.`,
			href: href(q.oldest.id, q.total),
		},
	];
}

/** Everything waiting for the mentor on `today`, most urgent first. Empty means nothing waits. */
export function buildMentorTodo(f: MentorTodoFacts, today: Day): TodoItem[] {
	return sortTodo([
		...entryItem(f, today),
		...versionItems(f, today),
		...agreementItems(f.agreements, (a) => `/study/${a.participantId}#activity-${a.activityId}`),
		...queueItem(
			'interpretations',
			f.interpretations,
			today,
			['lab interpretation', 'lab interpretations'],
			// The list shows the waiting ones first; a single one opens directly.
			(id, n) => (n === 1 ? `/lab/interpretations/${id}` : '/lab/interpretations'),
		),
		...queueItem(
			'messages',
			f.messages,
			today,
			['practice CEN message', 'practice CEN messages'],
			// Messages have no cross-participant list: start with the oldest.
			(id) => `/cen/messages/${id}`,
		),
	]);
}
