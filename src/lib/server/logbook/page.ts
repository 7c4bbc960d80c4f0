/**
 * What the participant's /logbook page shows: counts and coverage from SQL aggregates, and one
 * keyset page of the chosen view (an OJT week, outside the weeks, or all). Its cost stays the
 * same at 30 entries and at 5,000.
 */
import type { Db } from '~db/client';
import { areasBehind } from '~/lib/logbook/coverage';
import { todayIn, type Day } from '~/lib/dates';
import { currentOjtWeek, ojtWeeks } from '~/lib/programme-calendar';
import { findCurrentCohort } from '../cohort/manage';
import { getPlan } from './ojt-plan';
import { coverageOf, listEntryPage, parseEntryCursor, type EntryRange, type Week } from './stats';

/** Entries grouped by day, in the order given (newest day first). */
export function groupByDay<T extends { date: Day }>(list: T[]) {
	const days: { date: Day; entries: T[] }[] = [];
	for (const entry of list) {
		const last = days.at(-1);
		if (last?.date === entry.date) last.entries.push(entry);
		else days.push({ date: entry.date, entries: [entry] });
	}
	return days;
}

/** The view a ?week= value names: '1'…'3', 'outside' or 'all'; else the current week. */
function chooseView(requested: string | null, weeks: Week[], today: Day): string {
	if (requested === 'all' || requested === 'outside') return requested;
	const week = weeks.find((w) => String(w.week) === requested);
	if (week) return requested!;
	return String(currentOjtWeek(weeks, today) ?? 'all');
}

function rangeOf(view: string, weeks: Week[]): EntryRange {
	const week = weeks.find((w) => String(w.week) === view);
	if (week) return { week };
	return view === 'outside' ? { outside: weeks } : 'all';
}

/**
 * Loads /logbook for a participant. `query` is the page's URL query: `week` (the view) and
 * `before` (the keyset cursor of the page, absent on the first page).
 */
export async function loadLogbookPage(db: Db, participantId: string, query: URLSearchParams) {
	const [cohort, plan] = await Promise.all([
		findCurrentCohort(db, participantId),
		getPlan(db, participantId),
	]);
	const weeks = cohort ? ojtWeeks(cohort) : [];
	const today = cohort ? todayIn(cohort.timezone) : '';
	const shown = chooseView(query.get('week'), weeks, today);
	const before = parseEntryCursor(query.get('before'));
	const planned = Object.fromEntries(plan.areas.map((a) => [a.area, a.plannedHours]));
	const [{ rows, outside, total, counts }, page] = await Promise.all([
		coverageOf(db, participantId, weeks, planned),
		listEntryPage(db, participantId, rangeOf(shown, weeks), before),
	]);
	return {
		total,
		counts,
		plan,
		weeks,
		rows,
		shown,
		week: weeks.find((w) => String(w.week) === shown) ?? null,
		days: groupByDay(page.entries),
		next: page.next,
		isFirstPage: !before,
		behind: cohort ? areasBehind(rows, weeks, today) : [],
		tabs: [
			...weeks.map((w) => ({ key: String(w.week), label: `Week ${w.week}` })),
			...(outside ? [{ key: 'outside', label: 'Outside the OJT weeks' }] : []),
			{ key: 'all', label: 'All entries' },
		],
	};
}
