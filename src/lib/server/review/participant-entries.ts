/**
 * A participant's logbook as a mentor reads it: coverage and counts as SQL aggregates, and the
 * entries a page at a time (keyset on date, id: newest first), so the page costs the same with
 * 30 entries or 5,000.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { logEntryTable, type OjtArea } from '~db/schema';
import type { AreaCoverage } from '~/lib/logbook/coverage';
import { officeTimeZone, todayIn } from '~/lib/dates';
import { ojtWeeks } from '~/lib/programme-calendar';
import { findCurrentCohort } from '../cohort/manage';
import { getPlan, listCheckins } from '../logbook/ojt-plan';
import { countByStatus, coverageOf, type Week } from '../logbook/stats';
import { keysetPage } from '../paging';

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
	return keysetPage(rows, limit, (last): EntryCursor => ({ date: last.date, id: last.id }));
}

/** How many entries the participant has in each status (the logbook's own count). */
export const countEntriesByStatus = countByStatus;

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
	return (await coverageOf(db, participantId, numbered(weeks), plannedHours)).rows;
}

// The logbook's coverage query keys its cells by week number; a caller's weeks are 1, 2, 3 in order.
function numbered(weeks: { start: string; end: string }[]): Week[] {
	return weeks.map((w, i) => ({ week: i + 1, start: w.start, end: w.end }));
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
	const [plan, checkins, page] = await Promise.all([
		getPlan(db, participantId),
		listCheckins(db, participantId),
		listEntriesPage(db, participantId, before),
	]);
	// One grouped query gives coverage, counts and total alike.
	const { rows, counts, total } = await coverageOf(
		db,
		participantId,
		numbered(weeks),
		Object.fromEntries(plan.areas.map((a) => [a.area, a.plannedHours])),
	);
	return {
		today: cohort ? todayIn(cohort.timezone) : '',
		/** The cohort's zone (the office's without one), for the times the page shows. */
		timeZone: cohort?.timezone ?? officeTimeZone,
		plan,
		checkins,
		counts,
		total,
		weeks,
		rows,
		before,
		...page,
	};
}
