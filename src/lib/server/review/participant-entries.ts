/**
 * A participant's logbook as a mentor reads it: coverage and counts as SQL aggregates, and the
 * entries a page at a time (keyset on date, id: newest first), so the page costs the same with
 * 30 entries or 5,000.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { logEntryTable, type EntryStatus, type OjtArea } from '~db/schema';
import type { AreaCoverage } from '~/lib/logbook/coverage';
import { officeTimeZone, todayIn } from '~/lib/dates';
import { ojtWeeks } from '~/lib/programme-calendar';
import { findCurrentCohort } from '../cohort/manage';
import { getPlan, listCheckins } from '../logbook/ojt-plan';

/** Entries per page. */
export const entriesPageSize = 25;

/** Where the next (older) page starts: just before this entry. */
export type EntryCursor = { date: string; id: string };

/** "2026-12-01~abc" <-> cursor; a malformed value means the newest page. */
export function parseEntryCursor(value: string | null): EntryCursor | null {
	const match = /^(\d{4}-\d{2}-\d{2})~([\w-]{1,60})$/.exec(value ?? '');
	return match ? { date: match[1]!, id: match[2]! } : null;
}

/** The URL form of a cursor. */
export function formatEntryCursor(c: EntryCursor): string {
	return `${c.date}~${c.id}`;
}

/** One page of a participant's entries, newest day first, and the cursor of the next page. */
export async function listEntriesPage(
	db: Db,
	participantId: string,
	before: EntryCursor | null,
	limit = entriesPageSize,
) {
	const rows = await db
		.select()
		.from(logEntryTable)
		.where(
			and(
				eq(logEntryTable.participantId, participantId),
				before
					? sql`(${logEntryTable.date}, ${logEntryTable.id}) < (${before.date}, ${before.id})`
					: undefined,
			),
		)
		.orderBy(desc(logEntryTable.date), desc(logEntryTable.id))
		.limit(limit + 1);
	const items = rows.slice(0, limit);
	const last = items.at(-1);
	return { items, next: rows.length > limit && last ? { date: last.date, id: last.id } : null };
}

/** How many entries the participant has in each status. */
export async function countEntriesByStatus(db: Db, participantId: string) {
	const rows = await db
		.select({ status: logEntryTable.status, n: sql<number>`count(*)` })
		.from(logEntryTable)
		.where(eq(logEntryTable.participantId, participantId))
		.groupBy(logEntryTable.status);
	const counts: Record<EntryStatus, number> = {
		draft: 0,
		submitted: 0,
		approved: 0,
		changes_requested: 0,
	};
	for (const r of rows) counts[r.status] = Number(r.n);
	return counts;
}

/**
 * Minutes per area per OJT week, totals and entry counts in one grouped query (the same figures
 * `coverage()` in src/lib/logbook/coverage.ts computes from a full list of entries).
 */
export async function coverageInSql(
	db: Db,
	participantId: string,
	weeks: { start: string; end: string }[],
	plannedHours: Partial<Record<OjtArea, number>>,
): Promise<AreaCoverage[]> {
	const perWeek = weeks.map(
		(w, i) =>
			sql`sum(case when ${logEntryTable.date} between ${w.start} and ${w.end} then ${logEntryTable.minutes} else 0 end) as ${sql.identifier(`w${i}`)}`,
	);
	const rows = await db.all<Record<string, number | null>>(sql`
		select ${logEntryTable.area} as area, count(*) as entries, sum(${logEntryTable.minutes}) as total
		${perWeek.length ? sql`, ${sql.join(perWeek, sql`, `)}` : sql``}
		from ${logEntryTable} where ${logEntryTable.participantId} = ${participantId}
		group by ${logEntryTable.area}`);
	return ([1, 2, 3, 4] as const).map((area) => {
		const row = rows.find((r) => Number(r.area) === area);
		return {
			area,
			minutesByWeek: weeks.map((_, i) => Number(row?.[`w${i}`] ?? 0)),
			totalMinutes: Number(row?.total ?? 0),
			plannedMinutes: (plannedHours[area] ?? 0) * 60,
			entries: Number(row?.entries ?? 0),
		};
	});
}

/** What /review/<participant> shows: plan, coverage, counts, check-ins and one page of entries. */
export async function loadParticipantReview(
	db: Db,
	participantId: string,
	params: URLSearchParams,
) {
	const cohort = await findCurrentCohort(db, participantId);
	const weeks = cohort ? ojtWeeks(cohort) : [];
	const before = parseEntryCursor(params.get('before'));
	const [plan, checkins, counts, page] = await Promise.all([
		getPlan(db, participantId),
		listCheckins(db, participantId),
		countEntriesByStatus(db, participantId),
		listEntriesPage(db, participantId, before),
	]);
	const rows = await coverageInSql(
		db,
		participantId,
		weeks,
		Object.fromEntries(plan.areas.map((a) => [a.area, a.plannedHours])),
	);
	return {
		today: cohort ? todayIn(cohort.timezone) : '',
		/** The cohort's zone (the office's without one), for the times the page shows. */
		timeZone: cohort?.timezone ?? officeTimeZone,
		plan,
		checkins,
		counts,
		total: Object.values(counts).reduce((n, c) => n + c, 0),
		weeks,
		rows,
		before,
		...page,
	};
}
