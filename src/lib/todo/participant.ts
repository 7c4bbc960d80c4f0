/**
 * The participant's to-do list: what waits for them, most urgent first, each with where to act.
 * Pure: the facts come from a handful of counting queries (src/lib/server/todo/participant.ts), so the
 * rules can be tested one by one without a database.
 */
import type { CheckinKind } from '~db/schema';
import { checkinDueDates, checkinLabels } from '../logbook/checkins';
import { addDays, daysBetween, formatDay, isWithin, type Day } from '../dates';
import type { ProgrammeDates } from '../programme-calendar';
import { sortTodo, toneFor, whenText, type TodoItem } from './item';

/** A short reference to an entry. */
export type EntryRef = { id: string; title: string; date: Day };

/** What the queries found out about one participant. */
export type TodoFacts = {
	cohort: Pick<
		ProgrammeDates,
		| 'trainingEnd'
		| 'ojtStart'
		| 'ojtEnd'
		| 'outlinePresentationDate'
		| 'reportDueDate'
		| 'correctionsUntil'
	>;
	/** Entries returned for changes (oldest first, a few) and how many there are. */
	returned: { first: EntryRef[]; total: number };
	/** Drafts not yet submitted (oldest first, a few) and how many there are. */
	drafts: { first: EntryRef[]; total: number };
	/** True when something is logged for the last working day before today. */
	loggedLastWorkingDay: boolean;
	/** Check-ins a mentor has recorded. */
	checkinsHeld: CheckinKind[];
	/** Milestones not done, due within the look-ahead or overdue, soonest first. */
	milestones: { id: string; title: string; dueDate: Day }[];
	/** Unread notifications of mentors' comments, and where the newest one points. */
	unreadComments: { count: number; link: string | null };
	/** The first module in teaching order not yet complete, if any. */
	nextModule: { id: string; title: string } | null;
	/** Where the report stands. */
	report: {
		outlinePresented: boolean;
		submitted: boolean;
		correctionsRequested: boolean;
		closed: boolean;
	};
};

export type { TodoItem, TodoTone } from './item';
export { whenText } from './item';

/** How far ahead milestones and check-ins start to show. */
export const lookAheadDays = 3;

/** The last working day (Monday to Friday) before `today`. */
export function lastWorkingDay(today: Day): Day {
	let day = addDays(today, -1);
	while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, -1);
	return day;
}

function entryItems(kind: 'returned' | 'draft', list: TodoFacts['returned']): TodoItem[] {
	const items = list.first.map<TodoItem>((e) => ({
		key: `${kind}:${e.id}`,
		tone: kind === 'returned' ? 'overdue' : 'waiting',
		text:
			kind === 'returned'
				? `Your mentor asked for changes to “${e.title}” (${formatDay(e.date)}): change it and submit it again.`
				: `Your draft “${e.title}” (${formatDay(e.date)}) is not submitted yet.`,
		href: `/logbook/${e.id}`,
	}));
	const more = list.total - list.first.length;
	if (more > 0)
		items.push({
			key: `${kind}:more`,
			tone: kind === 'returned' ? 'overdue' : 'waiting',
			text: `${more} more ${kind === 'returned' ? 'entries returned for changes' : 'drafts'} in your logbook.`,
			href: '/logbook',
		});
	return items;
}

function logItem(f: TodoFacts, today: Day): TodoItem[] {
	const day = lastWorkingDay(today);
	if (f.loggedLastWorkingDay || !isWithin(day, f.cohort.ojtStart, f.cohort.ojtEnd)) return [];
	return [
		{
			key: 'log',
			tone: 'today',
			text: `Nothing is logged for ${formatDay(day)}: write today’s log (and that day’s, if you worked).`,
			href: `/logbook/new?date=${day}`,
		},
	];
}

function checkinItems(f: TodoFacts, today: Day): TodoItem[] {
	const due = checkinDueDates(f.cohort.ojtStart, f.cohort.ojtEnd);
	return checkinLabels
		.filter(({ kind }) => !f.checkinsHeld.includes(kind))
		.map(({ kind, label }) => ({ kind, label, daysLeft: daysBetween(today, due[kind]) }))
		.filter(({ daysLeft }) => daysLeft <= lookAheadDays && today >= f.cohort.ojtStart)
		.map(({ kind, label, daysLeft }) => ({
			key: `checkin:${kind}`,
			tone: toneFor(daysLeft),
			text:
				daysLeft < 0
					? `${label} check-in with your mentor was due ${formatDay(due[kind])} (${whenText(daysLeft)}): ask for it.`
					: `${label} check-in with your mentor is due ${formatDay(due[kind])} (${whenText(daysLeft)}).`,
			href: '/logbook/plan#checkins',
			daysLeft,
		}));
}

function milestoneItems(f: TodoFacts, today: Day): TodoItem[] {
	return f.milestones
		.map((m) => ({ ...m, daysLeft: daysBetween(today, m.dueDate) }))
		.filter((m) => m.daysLeft <= lookAheadDays)
		.map((m) => ({
			key: `milestone:${m.id}`,
			tone: toneFor(m.daysLeft),
			text: `Study milestone “${m.title}” ${m.daysLeft < 0 ? 'was due' : 'is due'} ${formatDay(m.dueDate)} (${whenText(m.daysLeft)}).`,
			href: '/study#milestones',
			daysLeft: m.daysLeft,
		}));
}

function commentItem(f: TodoFacts): TodoItem[] {
	const { count, link } = f.unreadComments;
	if (!count) return [];
	return [
		{
			key: 'comments',
			tone: 'waiting',
			text:
				count === 1
					? 'Your mentor left a comment you have not read.'
					: `Your mentors left ${count} comments you have not read.`,
			href: count === 1 && link ? link : '/notifications',
		},
	];
}

function moduleItem(f: TodoFacts, today: Day): TodoItem[] {
	if (!f.nextModule) return [];
	return [
		{
			key: 'module',
			tone: today <= f.cohort.trainingEnd ? 'soon' : 'later',
			text: `Next module: “${f.nextModule.title}”.`,
			href: `/curriculum/${f.nextModule.id}`,
		},
	];
}

/** "by Thu 24 Dec 2026 (in 3 days)", or "(overdue since …)" once passed. */
function dueText(day: Day, daysLeft: number): string {
	return daysLeft < 0
		? `was due ${formatDay(day)} (overdue, ${whenText(daysLeft)})`
		: `by ${formatDay(day)} (${whenText(daysLeft)})`;
}

function deadlineItems(f: TodoFacts, today: Day): TodoItem[] {
	const c = f.cohort;
	const r = f.report;
	const items: TodoItem[] = [];
	const add = (key: string, day: Day, text: (when: string) => string, href: string) => {
		const daysLeft = daysBetween(today, day);
		items.push({
			key,
			tone: toneFor(daysLeft),
			text: text(dueText(day, daysLeft)),
			href,
			daysLeft,
		});
	};
	if (!r.outlinePresented)
		add(
			'deadline:outline',
			c.outlinePresentationDate,
			(w) => `Present your report outline ${w}.`,
			'/report',
		);
	if (!r.submitted)
		add(
			'deadline:report',
			c.reportDueDate,
			(w) => `Final report: send it to RILO A/P, the WCO Secretariat and your administration ${w}.`,
			'/report#lifecycle',
		);
	if (!r.closed && today <= c.correctionsUntil) {
		if (r.correctionsRequested)
			add(
				'deadline:corrections',
				c.correctionsUntil,
				(w) => `Corrections were requested: send the corrected report ${w}.`,
				'/report#lifecycle',
			);
		else {
			const daysLeft = daysBetween(today, c.correctionsUntil);
			items.push({
				key: 'deadline:corrections',
				tone: 'later',
				text: `The corrections window closes ${formatDay(c.correctionsUntil)} (${whenText(daysLeft)}).`,
				href: '/programme',
				daysLeft,
			});
		}
	}
	return items;
}

/** Everything waiting for the participant, most urgent first. Empty means nothing waits. */
export function buildTodo(f: TodoFacts, today: Day): TodoItem[] {
	const items = [
		...entryItems('returned', f.returned),
		...logItem(f, today),
		...checkinItems(f, today),
		...milestoneItems(f, today),
		...entryItems('draft', f.drafts),
		...commentItem(f),
		...deadlineItems(f, today),
		...moduleItem(f, today),
	];
	return sortTodo(items);
}

/** The day milestones are looked up to (today plus the look-ahead). */
export function milestoneHorizon(today: Day): Day {
	return addDays(today, lookAheadDays);
}
