/**
 * The mentor's review queue, a page at a time: filters (participant, area, marking), keyset
 * paging on (submitted_at, id) so a page costs the same however long the queue is, and the
 * decisions the mentor made today (with undo while the entry has not moved on).
 */
import { and, asc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cohortMemberTable,
	handlings,
	logEntryTable,
	logEntryTallyTable,
	reviewDecisionTable,
	userTable,
	type Handling,
	type OjtArea,
} from '~db/schema';
import { formatterFor, officeTimeZone } from '~/lib/dates';
import { isArea } from '~/lib/logbook/ojt-areas';
import type { SessionUser } from '../auth/session';
import { cohortForViewer, listMembers } from '../cohort/manage';
import { keysetPage } from '../paging';

/** What the queue can be narrowed to. */
export type QueueFilter = { participantId?: string; area?: OjtArea; handling?: Handling };

/** Where the next page starts: just after this entry in queue order. */
export type QueueCursor = { submittedAt: number; id: string };

/**
 * Entries per page of the queue: a morning's review (a mentor reviews about twelve before
 * lunch), and each page made from scratch stays within twice the dashboard's server time.
 */
export const queuePageSize = 12;

/** The filter in a URL's query (?participant=&area=&marking=); unknown values are ignored. */
export function parseQueueFilter(params: URLSearchParams): QueueFilter {
	const area = Number(params.get('area'));
	const marking = params.get('marking') as Handling | null;
	return {
		participantId: params.get('participant') || undefined,
		area: isArea(area) ? area : undefined,
		handling: marking && handlings.includes(marking) ? marking : undefined,
	};
}

/** "1733000000000~abc" <-> cursor; a malformed value means the first page. */
export function parseCursor(value: string | null): QueueCursor | null {
	const match = /^(\d{1,16})~([\w-]{1,60})$/.exec(value ?? '');
	return match ? { submittedAt: Number(match[1]), id: match[2]! } : null;
}

/** The URL form of a cursor. */
export function formatCursor(c: QueueCursor): string {
	return `${c.submittedAt}~${c.id}`;
}

/** Participants a mentor reviews (in any cohort they mentor), as a subquery. */
export function menteeIds(db: Db, mentorId: string) {
	const cohorts = db
		.select({ id: cohortMemberTable.cohortId })
		.from(cohortMemberTable)
		.where(and(eq(cohortMemberTable.userId, mentorId), eq(cohortMemberTable.role, 'mentor')));
	return db
		.select({ id: cohortMemberTable.userId })
		.from(cohortMemberTable)
		.where(
			and(eq(cohortMemberTable.role, 'participant'), inArray(cohortMemberTable.cohortId, cohorts)),
		);
}

// Every submitted entry has its submission time, so the queue index serves order and keyset alike.
const submittedAt = logEntryTable.submittedAt;

/** The queue's condition: submitted entries of the mentor's mentees, narrowed by the filter. */
export function queueWhere(db: Db, mentor: SessionUser, filter: QueueFilter): SQL {
	return and(
		eq(logEntryTable.status, 'submitted'),
		inArray(logEntryTable.participantId, menteeIds(db, mentor.id)),
		filter.participantId ? eq(logEntryTable.participantId, filter.participantId) : undefined,
		filter.area ? eq(logEntryTable.area, filter.area) : undefined,
		filter.handling ? eq(logEntryTable.handling, filter.handling) : undefined,
	)!;
}

/**
 * One page of the queue, oldest submission first, and the cursor of the page after it.
 *
 * Read as one ordered index range per mentee, merged here: asked for several participants at
 * once, SQLite reads every submitted entry of all of them and sorts, so the page's cost grew
 * with the queue (about 18 ms at 50,000 entries). Per participant it reads at most a page.
 */
export async function listReviewQueuePage(
	db: Db,
	mentor: SessionUser,
	filter: QueueFilter,
	after: QueueCursor | null,
	limit = queuePageSize,
) {
	const mentees = (await menteeIds(db, mentor.id)).map((m) => m.id);
	const whose = filter.participantId
		? mentees.filter((id) => id === filter.participantId)
		: mentees;
	// First only the keys (from the queue index), then the page's entries in full.
	const heads = await Promise.all(
		whose.map((participantId) =>
			db
				.select({ id: logEntryTable.id, submittedAt })
				.from(logEntryTable)
				.where(
					and(
						eq(logEntryTable.participantId, participantId),
						eq(logEntryTable.status, 'submitted'),
						filter.area ? eq(logEntryTable.area, filter.area) : undefined,
						filter.handling ? eq(logEntryTable.handling, filter.handling) : undefined,
						after
							? sql`(${submittedAt}, ${logEntryTable.id}) > (${after.submittedAt}, ${after.id})`
							: undefined,
					),
				)
				.orderBy(asc(submittedAt), asc(logEntryTable.id))
				.limit(limit + 1),
		),
	);
	const ids = heads
		.flat()
		.sort(queueOrder)
		.slice(0, limit + 1)
		.map((h) => h.id);
	const rows = ids.length
		? (
				await db
					.select({ entry: logEntryTable, participantName: userTable.name })
					.from(logEntryTable)
					.innerJoin(userTable, eq(userTable.id, logEntryTable.participantId))
					.where(inArray(logEntryTable.id, ids))
			).sort((a, b) => queueOrder(a.entry, b.entry))
		: [];
	return keysetPage(rows, limit, ({ entry }): QueueCursor => ({
		submittedAt: entry.submittedAt?.getTime() ?? 0,
		id: entry.id,
	}));
}

/** Queue order: submission time, then id (as the index orders them). */
function queueOrder(
	a: { submittedAt: Date | null; id: string },
	b: { submittedAt: Date | null; id: string },
): number {
	const byTime = (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0);
	return byTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How many entries match the filter: a sum over the tally's rows, not a count of entries. */
export async function countReviewQueuePage(
	db: Db,
	mentor: SessionUser,
	filter: QueueFilter,
): Promise<number> {
	const tally = logEntryTallyTable;
	const [row] = await db
		.select({ n: sql<number>`coalesce(sum(${tally.n}), 0)` })
		.from(tally)
		.where(
			and(
				eq(tally.status, 'submitted'),
				inArray(tally.participantId, menteeIds(db, mentor.id)),
				filter.participantId ? eq(tally.participantId, filter.participantId) : undefined,
				filter.area ? eq(tally.area, filter.area) : undefined,
				filter.handling ? eq(tally.handling, filter.handling) : undefined,
			),
		);
	return Number(row?.n ?? 0);
}

/** Midnight of `now`'s day in a time zone, as an instant. */
export function startOfDayIn(timeZone: string, now = new Date()): Date {
	const parts = formatterFor('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(now);
	const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
	const wallAsUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	const offset = wallAsUtc - Math.floor(now.getTime() / 1000) * 1000;
	return new Date(Date.UTC(get('year'), get('month') - 1, get('day')) - offset);
}

/**
 * The approvals and change requests the mentor made since `since`, newest first, each saying
 * whether it can still be undone (it is the entry's latest decision and the entry has not moved).
 * A decision the mentor undid is no longer a decision: it is left out (an undo always follows
 * the decision it undoes directly).
 */
export async function listReviewedToday(db: Db, mentor: SessionUser, since: Date, limit = 50) {
	const d = reviewDecisionTable;
	const rows = await db
		.select({
			decisionId: d.id,
			decision: d.decision,
			at: d.createdAt,
			entryId: logEntryTable.id,
			title: logEntryTable.title,
			status: logEntryTable.status,
			participantName: userTable.name,
			latest: sql<number>`not exists (select 1 from review_decision later where later.entry_id = ${d.entryId} and later.rowid > ${d}.rowid)`,
		})
		.from(d)
		.innerJoin(logEntryTable, eq(logEntryTable.id, d.entryId))
		.innerJoin(userTable, eq(userTable.id, logEntryTable.participantId))
		.where(
			and(
				eq(d.mentorId, mentor.id),
				gte(d.createdAt, since),
				inArray(d.decision, ['approved', 'changes_requested']),
				sql`coalesce((select next.decision from review_decision next where next.entry_id = ${d.entryId} and next.rowid > ${d}.rowid order by next.rowid limit 1), '') <> 'undone'`,
			),
		)
		.orderBy(sql`${d}.rowid desc`)
		.limit(limit);
	return rows.map((r) => ({
		...r,
		undoable: Boolean(Number(r.latest)) && r.status === r.decision,
	}));
}

/** Everything /review shows for the viewer and the URL's filter and page. */
export async function loadReviewQueue(db: Db, viewer: SessionUser, params: URLSearchParams) {
	const filter = parseQueueFilter(params);
	const after = parseCursor(params.get('after'));
	const cohort = await cohortForViewer(db, viewer);
	const participants = cohort
		? (await listMembers(db, cohort.id)).filter((m) => m.role === 'participant')
		: [];
	// "Today" and every time on the page are the cohort's, as the participants live them.
	const timeZone = cohort?.timezone ?? officeTimeZone;
	if (viewer.role !== 'mentor')
		return {
			filter,
			after,
			participants,
			items: [],
			next: null,
			total: 0,
			reviewedToday: [],
			timeZone,
		};
	const since = startOfDayIn(timeZone);
	const [page, total, reviewedToday] = await Promise.all([
		listReviewQueuePage(db, viewer, filter, after),
		countReviewQueuePage(db, viewer, filter),
		listReviewedToday(db, viewer, since),
	]);
	return { filter, after, participants, ...page, total, reviewedToday, timeZone };
}
