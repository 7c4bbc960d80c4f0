/**
 * What every role's to-do list is made of: an item, how pressing it is, and the order the list
 * shows them in. Pure, shared by the participant's, mentor's, office's and overseers' rules.
 */
import { addDays, daysBetween, type Day } from '../dates';

/** How pressing an item is; said in words on the page, never by colour alone. */
export type TodoTone = 'overdue' | 'today' | 'soon' | 'waiting' | 'later';

/** One thing to do. */
export type TodoItem = {
	/** Stable key (for tests and list keys). */
	key: string;
	tone: TodoTone;
	/** What to do, as a sentence. */
	text: string;
	/** Where to act. */
	href: string;
	/** Days until its due day (negative: overdue); absent when it has none. */
	daysLeft?: number;
};

/** Tone order: lower is more urgent. */
export const toneRank: Record<TodoTone, number> = {
	overdue: 0,
	today: 1,
	waiting: 2,
	soon: 3,
	later: 4,
};

/** "in 3 days", "today", "2 days ago". */
export function whenText(daysLeft: number): string {
	if (daysLeft === 0) return 'today';
	if (daysLeft === 1) return 'tomorrow';
	if (daysLeft === -1) return 'yesterday';
	return daysLeft > 0 ? `in ${daysLeft} days` : `${-daysLeft} days ago`;
}

/** The tone of something due in `daysLeft` days: soon within `soon` days, later beyond. */
export function toneFor(daysLeft: number, soon = 7): TodoTone {
	if (daysLeft < 0) return 'overdue';
	if (daysLeft === 0) return 'today';
	return daysLeft <= soon ? 'soon' : 'later';
}

/**
 * Most urgent first: tone, then the sooner due day; the order given breaks ties. Undated items
 * lead the pressing tones (someone waits on them) and close the relaxed ones.
 */
export function sortTodo(items: TodoItem[]): TodoItem[] {
	const due = (t: TodoItem) =>
		t.daysLeft ?? (toneRank[t.tone] < toneRank.soon ? -Infinity : Infinity);
	return items
		.map((item, i) => ({ item, i }))
		.sort(
			(a, b) =>
				toneRank[a.item.tone] - toneRank[b.item.tone] ||
				Math.sign(due(a.item) - due(b.item)) ||
				a.i - b.i,
		)
		.map(({ item }) => item);
}

function isWeekend(day: Day): boolean {
	return [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
}

/**
 * Working days (Monday to Friday) that have passed since `from`, up to `to`: a Friday proposal
 * answered on Monday has waited one working day. Zero when `to` is not after `from`.
 */
export function workingDaysSince(from: Day, to: Day): number {
	let n = 0;
	// Bounded by the calendar span, which on a to-do list is weeks, never years.
	for (let day = addDays(from, 1); daysBetween(day, to) >= 0; day = addDays(day, 1))
		if (!isWeekend(day)) n++;
	return n;
}

/** "1 entry", "3 entries". */
export function countText(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
