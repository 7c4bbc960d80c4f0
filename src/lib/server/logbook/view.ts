/** What the participant's /logbook page shows: coverage, the week on screen, and counts. */
import type { Db } from '~db/client';
import type { LogEntry } from '~db/schema';
import { areasBehind, coverage } from '~/lib/logbook/coverage';
import { isWithin, todayIn } from '~/lib/dates';
import { currentOjtWeek, ojtWeeks } from '~/lib/programme-calendar';
import { findCurrentCohort } from '../cohort/manage';
import { listEntries } from './entry';
import { getPlan } from './ojt-plan';

/** Entries grouped by day, newest day first. */
export function byDay(list: LogEntry[]) {
	return [...new Set(list.map((e) => e.date))]
		.sort()
		.reverse()
		.map((date) => ({ date, entries: list.filter((e) => e.date === date) }));
}

/**
 * Loads the logbook of a participant. `requestedWeek` is the ?week= of the URL ('1'…'3',
 * 'outside' or 'all'); by default the current OJT week is shown, so the page stays light
 * however long the log grows.
 */
export async function loadLogbook(db: Db, participantId: string, requestedWeek: string | null) {
	const cohort = await findCurrentCohort(db, participantId);
	const [entries, plan] = await Promise.all([
		listEntries(db, participantId),
		getPlan(db, participantId),
	]);
	const weeks = cohort ? ojtWeeks(cohort) : [];
	const today = cohort ? todayIn(cohort.timezone) : '';
	const rows = coverage(
		entries,
		weeks,
		Object.fromEntries(plan.areas.map((a) => [a.area, a.plannedHours])),
	);
	const outside = entries.filter((e) => !weeks.some((w) => isWithin(e.date, w.start, w.end)));
	const shown: string =
		requestedWeek === 'all' || requestedWeek === 'outside'
			? requestedWeek
			: String(Number(requestedWeek) || currentOjtWeek(weeks, today) || 'all');
	const counts = { draft: 0, submitted: 0, approved: 0, changes_requested: 0 };
	for (const e of entries) counts[e.status]++;
	return {
		today,
		entries,
		plan,
		weeks,
		rows,
		outside,
		shown,
		counts,
		behind: cohort ? areasBehind(rows, weeks, today) : [],
		visibleWeeks: weeks.filter((w) => shown === 'all' || shown === String(w.week)),
		tabs: [
			...weeks.map((w) => ({ key: String(w.week), label: `Week ${w.week}` })),
			...(outside.length ? [{ key: 'outside', label: 'Outside the OJT weeks' }] : []),
			{ key: 'all', label: 'All entries' },
		],
	};
}
