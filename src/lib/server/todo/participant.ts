/**
 * The facts behind a participant's to-do list, gathered with a few small indexed queries
 * (counts and a handful of rows, never every entry), so the dashboard stays cheap.
 */
import { and, asc, desc, eq, inArray, isNull, like, lte, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { preparedOnce } from '~db/prepared';
import {
	checkinTable,
	logEntryTable,
	logEntryTallyTable,
	notificationTable,
	reportTable,
	studyMilestoneTable,
	type Cohort,
	type EntryStatus,
} from '~db/schema';
import {
	buildTodo,
	lastWorkingDay,
	milestoneHorizon,
	type TodoFacts,
} from '~/lib/todo/participant';
import type { Day } from '~/lib/dates';

/** How many entries of a kind are named one by one before "N more". */
const shown = 3;

/**
 * The queries of the to-do list, prepared once (db/prepared.ts): the dashboard is the page
 * everyone opens first, so these run more than any others but the session check.
 */
const who = sql.placeholder('participantId');
const queries = {
	/**
	 * How many drafts and returned entries there are, from the tally kept by triggers (migration
	 * 0009): a few rows per day of the programme, however many drafts she has.
	 */
	openCounts: preparedOnce((db) =>
		db
			.select({ status: logEntryTallyTable.status, n: sql<number>`sum(${logEntryTallyTable.n})` })
			.from(logEntryTallyTable)
			.where(
				and(
					eq(logEntryTallyTable.participantId, who),
					inArray(logEntryTallyTable.status, ['draft', 'changes_requested']),
				),
			)
			.groupBy(logEntryTallyTable.status)
			.prepare(),
	),
	/** The oldest few entries in a status. */
	firstEntries: preparedOnce((db) =>
		db
			.select({ id: logEntryTable.id, title: logEntryTable.title, date: logEntryTable.date })
			.from(logEntryTable)
			.where(
				and(
					eq(logEntryTable.participantId, who),
					eq(logEntryTable.status, sql.placeholder('status')),
				),
			)
			.orderBy(asc(logEntryTable.date), asc(logEntryTable.id))
			.limit(shown)
			.prepare(),
	),
	loggedOn: preparedOnce((db) =>
		db
			.select({ one: sql`1` })
			.from(logEntryTable)
			.where(
				and(eq(logEntryTable.participantId, who), eq(logEntryTable.date, sql.placeholder('day'))),
			)
			.limit(1)
			.prepare(),
	),
	heldCheckins: preparedOnce((db) =>
		db
			.select({ kind: checkinTable.kind })
			.from(checkinTable)
			.where(eq(checkinTable.participantId, who))
			.prepare(),
	),
	milestonesDue: preparedOnce((db) =>
		db
			.select({
				id: studyMilestoneTable.id,
				title: studyMilestoneTable.title,
				dueDate: studyMilestoneTable.dueDate,
			})
			.from(studyMilestoneTable)
			.where(
				and(
					eq(studyMilestoneTable.participantId, who),
					isNull(studyMilestoneTable.doneAt),
					lte(studyMilestoneTable.dueDate, sql.placeholder('horizon')),
				),
			)
			.orderBy(asc(studyMilestoneTable.dueDate))
			.limit(5)
			.prepare(),
	),
	unreadComments: preparedOnce((db) =>
		db
			.select({ link: notificationTable.link, count: sql<number>`count(*) over ()` })
			.from(notificationTable)
			.where(
				and(
					eq(notificationTable.userId, who),
					isNull(notificationTable.readAt),
					like(notificationTable.text, '% commented on %'),
				),
			)
			.orderBy(desc(notificationTable.createdAt))
			.limit(1)
			.prepare(),
	),
	report: preparedOnce((db) =>
		db
			.select({ status: reportTable.status, presented: reportTable.outlinePresentedOn })
			.from(reportTable)
			.where(eq(reportTable.participantId, who))
			.prepare(),
	),
};

async function countOpenEntries(db: Db, participantId: string) {
	const rows = await queries.openCounts(db).execute({ participantId });
	const count = (status: EntryStatus) => Number(rows.find((r) => r.status === status)?.n ?? 0);
	return { draft: count('draft'), changes_requested: count('changes_requested') };
}

function firstEntriesIn(db: Db, participantId: string, status: EntryStatus) {
	return queries.firstEntries(db).execute({ participantId, status });
}

async function loggedOn(db: Db, participantId: string, day: Day): Promise<boolean> {
	return (await queries.loggedOn(db).execute({ participantId, day })).length > 0;
}

function heldCheckins(db: Db, participantId: string) {
	return queries.heldCheckins(db).execute({ participantId });
}

function milestonesDue(db: Db, participantId: string, today: Day) {
	return queries.milestonesDue(db).execute({ participantId, horizon: milestoneHorizon(today) });
}

/**
 * Unread notifications about comments. Participants are only notified of comments written by
 * their mentors (their own comments notify the mentors), so every one of these is a mentor's.
 */
export async function unreadMentorComments(db: Db, participantId: string) {
	const rows = await queries.unreadComments(db).execute({ participantId });
	return { count: Number(rows[0]?.count ?? 0), link: rows[0]?.link ?? null };
}

async function reportState(db: Db, participantId: string): Promise<TodoFacts['report']> {
	const [row] = await queries.report(db).execute({ participantId });
	const status = row?.status ?? 'outline_drafted';
	return {
		outlinePresented: Boolean(row?.presented) || status !== 'outline_drafted',
		submitted: !['outline_drafted', 'outline_presented'].includes(status),
		correctionsRequested: status === 'corrections_requested',
		closed: status === 'closed',
	};
}

/** Everything the participant's to-do list needs, from the database. */
export async function loadTodoFacts(
	db: Db,
	participantId: string,
	cohort: Cohort,
	today: Day,
	nextModule: TodoFacts['nextModule'],
): Promise<TodoFacts> {
	const [counts, returned, drafts, logged, checkins, milestones, unread, report] =
		await Promise.all([
			countOpenEntries(db, participantId),
			firstEntriesIn(db, participantId, 'changes_requested'),
			firstEntriesIn(db, participantId, 'draft'),
			loggedOn(db, participantId, lastWorkingDay(today)),
			heldCheckins(db, participantId),
			milestonesDue(db, participantId, today),
			unreadMentorComments(db, participantId),
			reportState(db, participantId),
		]);
	return {
		cohort,
		returned: { first: returned, total: counts.changes_requested },
		drafts: { first: drafts, total: counts.draft },
		loggedLastWorkingDay: logged,
		checkinsHeld: checkins.map((c) => c.kind),
		milestones,
		unreadComments: unread,
		nextModule,
		report,
	};
}

/** The participant's to-do list for `today`, most urgent first. */
export async function participantTodo(
	db: Db,
	participantId: string,
	cohort: Cohort,
	today: Day,
	nextModule: TodoFacts['nextModule'],
) {
	return buildTodo(await loadTodoFacts(db, participantId, cohort, today, nextModule), today);
}
