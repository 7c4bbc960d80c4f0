/**
 * Counts and coverage of a participant's log, summed from log_entry_tally (kept by triggers:
 * one row per area, day, status and marking), so the cost of /logbook does not grow with the
 * entries a page does not show.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	entryStatuses,
	logEntryTable,
	logEntryTallyTable,
	type EntryStatus,
	type OjtArea,
} from '~db/schema';
import type { AreaCoverage } from '~/lib/logbook/coverage';
import type { Day } from '~/lib/dates';
import { keysetPage } from '../paging';

/** An OJT week as the calendar gives it. */
export type Week = { week: number; start: Day; end: Day };

const t = logEntryTable;
const tally = logEntryTallyTable;

/** `CASE` giving each entry's OJT week number, 0 outside the weeks. */
function weekOf(weeks: Week[]): SQL {
	if (!weeks.length) return sql`0`;
	const cases = weeks.map(
		(w) => sql`when ${tally.date} between ${w.start} and ${w.end} then ${w.week}`,
	);
	return sql`case ${sql.join(cases, sql` `)} else 0 end`;
}

/** Entries per status. */
export async function countByStatus(db: Db, participantId: string) {
	const rows = await db
		.select({ status: tally.status, n: sql<number>`sum(${tally.n})` })
		.from(tally)
		.where(eq(tally.participantId, participantId))
		.groupBy(tally.status);
	const counts: Record<EntryStatus, number> = {
		draft: 0,
		submitted: 0,
		approved: 0,
		changes_requested: 0,
	};
	for (const r of rows) counts[r.status] = Number(r.n);
	return counts;
}

/** Sums `n` of the tally rows in one status. */
const ofStatus = (status: EntryStatus) =>
	sql<number>`sum(case when ${tally.status} = ${status} then ${tally.n} else 0 end)`;

/** What one GROUP BY gives: minutes and entries per area and week (0 = outside the weeks). */
async function minutesByAreaAndWeek(db: Db, participantId: string, weeks: Week[]) {
	const week = weekOf(weeks);
	return db
		.select({
			area: tally.area,
			week: sql<number>`${week}`,
			minutes: sql<number>`sum(${tally.minutes})`,
			n: sql<number>`sum(${tally.n})`,
			draft: ofStatus('draft'),
			submitted: ofStatus('submitted'),
			approved: ofStatus('approved'),
			changes_requested: ofStatus('changes_requested'),
		})
		.from(tally)
		.where(eq(tally.participantId, participantId))
		.groupBy(tally.area, week);
}

/**
 * Coverage of the four areas (the same figures as the pure `coverage()` in src/lib/logbook/coverage.ts)
 * how many entries fall outside the OJT weeks, and the entries per status.
 */
export async function coverageOf(
	db: Db,
	participantId: string,
	weeks: Week[],
	plannedHours: Partial<Record<OjtArea, number>>,
): Promise<{
	rows: AreaCoverage[];
	outside: number;
	total: number;
	counts: Record<EntryStatus, number>;
}> {
	const cells = await minutesByAreaAndWeek(db, participantId, weeks);
	const rows = ([1, 2, 3, 4] as const).map((area): AreaCoverage => {
		const mine = cells.filter((c) => c.area === area);
		return {
			area,
			minutesByWeek: weeks.map((w) =>
				Number(mine.find((c) => Number(c.week) === w.week)?.minutes ?? 0),
			),
			totalMinutes: mine.reduce((n, c) => n + Number(c.minutes), 0),
			plannedMinutes: (plannedHours[area] ?? 0) * 60,
			entries: mine.reduce((n, c) => n + Number(c.n), 0),
		};
	});
	const outside = cells.filter((c) => Number(c.week) === 0).reduce((n, c) => n + Number(c.n), 0);
	const total = cells.reduce((n, c) => n + Number(c.n), 0);
	const counts = { draft: 0, submitted: 0, approved: 0, changes_requested: 0 };
	for (const c of cells)
		for (const status of entryStatuses) counts[status] += Number(c[status] ?? 0);
	return { rows, outside, total, counts };
}

/** Only the columns a list line shows (EntrySummary): no long texts. */
export const entryLineColumns = {
	id: t.id,
	title: t.title,
	date: t.date,
	area: t.area,
	activity: t.activity,
	activityOther: t.activityOther,
	minutes: t.minutes,
	status: t.status,
	handling: t.handling,
	rowid: sql<number>`${t}.rowid`.as('row_order'),
};

/** Where a page of entries starts: after this (date, insertion order), going back in time. */
export type EntryCursor = { date: Day; rowid: number };

/** Parses `?before=2026-11-20.1234`; null when absent or malformed. */
export function parseEntryCursor(value: string | null): EntryCursor | null {
	const match = /^(\d{4}-\d{2}-\d{2})\.(\d{1,12})$/.exec(value ?? '');
	return match ? { date: match[1]!, rowid: Number(match[2]) } : null;
}

/** The `?before=` value continuing after an entry. */
export function formatEntryCursor(entry: { date: Day; rowid: number }): string {
	return `${entry.date}.${entry.rowid}`;
}

/** Which entries a page lists: one OJT week, those outside every week, or all. */
export type EntryRange = { week: Week } | { outside: Week[] } | 'all';

function rangeFilter(range: EntryRange): SQL | undefined {
	if (range === 'all') return undefined;
	if ('week' in range) return sql`${t.date} between ${range.week.start} and ${range.week.end}`;
	if (!range.outside.length) return undefined;
	return sql`not (${sql.join(
		range.outside.map((w) => sql`${t.date} between ${w.start} and ${w.end}`),
		sql` or `,
	)})`;
}

/**
 * One page of a participant's entries, newest day first (newest entry first within a day),
 * by keyset: the page after `before` is the same whatever was added since, and costs the same
 * on page 1 and page 100. Returns the page and the cursor of the next one (null at the end).
 */
export async function listEntryPage(
	db: Db,
	participantId: string,
	range: EntryRange,
	before: EntryCursor | null,
	limit = 50,
) {
	const rows = await db
		.select(entryLineColumns)
		.from(t)
		.where(
			and(
				eq(t.participantId, participantId),
				rangeFilter(range),
				before ? sql`(${t.date}, ${t}.rowid) < (${before.date}, ${before.rowid})` : undefined,
			),
		)
		.orderBy(sql`${t.date} desc`, sql`${t}.rowid desc`)
		.limit(limit + 1);
	const { items, next } = keysetPage(rows, limit, formatEntryCursor);
	return { entries: items, next };
}
