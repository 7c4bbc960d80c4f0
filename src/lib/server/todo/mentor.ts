/**
 * The facts behind a mentor's to-do list: one grouped count per queue (entries, versions,
 * interpretations, messages) over the participants of their cohorts, never a list of entries.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '~db/client';
import { cenMessageTable, labInterpretationTable, logEntryTallyTable, userTable } from '~db/schema';
import { buildMentorTodo, type MentorTodoFacts, type WaitingQueue } from '~/lib/todo/mentor';
import type { SessionUser } from '../auth/session';
import { menteeIds } from '../review/queue';
import { cohortTimezoneOf, dayOf, pendingAgreements, versionsWaiting } from './shared';

/** The oldest submitted entry of the participant in `participantId`, one column of it. */
function oldestSubmitted(column: 'id' | 'submitted_at', participantId: AnyColumn) {
	return sql
		.raw(`(select e.${column} from log_entry e where e.participant_id = `)
		.append(
			sql`${participantId} and e.status = 'submitted' order by e.submitted_at, e.id limit 1)`,
		);
}

/**
 * Submitted entries per participant, most waiting first: the counts from the tally kept by
 * triggers (migration 0009), the oldest entry by one index step each, so the cost does not grow
 * with the queue.
 */
async function entriesWaiting(db: Db, mentees: ReturnType<typeof menteeIds>) {
	const tally = logEntryTallyTable;
	const waiting = sql<number>`sum(${tally.n})`;
	const rows = await db
		.select({
			participantId: tally.participantId,
			name: userTable.name,
			n: waiting,
			oldestAt: sql<number | null>`${oldestSubmitted('submitted_at', tally.participantId)}`,
			oldestId: sql<string>`${oldestSubmitted('id', tally.participantId)}`,
			timezone: cohortTimezoneOf(tally.participantId),
		})
		.from(tally)
		.innerJoin(userTable, eq(userTable.id, tally.participantId))
		.where(and(eq(tally.status, 'submitted'), inArray(tally.participantId, mentees)))
		.groupBy(tally.participantId)
		.having(sql`${waiting} > 0`)
		.orderBy(desc(waiting), asc(userTable.name));
	const oldest = rows
		.filter((r) => r.oldestAt)
		.sort((a, b) => Number(a.oldestAt) - Number(b.oldestAt))[0];
	return {
		total: rows.reduce((n, r) => n + Number(r.n), 0),
		oldest: oldest
			? {
					id: oldest.oldestId,
					participantName: oldest.name,
					since: dayOf(Number(oldest.oldestAt), oldest.timezone),
				}
			: null,
		byParticipant: rows.map((r) => ({
			participantId: r.participantId,
			name: r.name,
			n: Number(r.n),
		})),
	};
}

/** A queue's size and its oldest row, in one query (the window count rides on the first row). */
async function oldestOf(
	rows: Promise<{ id: string; name: string; at: Date | null; n: number; timezone: string }[]>,
): Promise<WaitingQueue> {
	const [first] = await rows;
	if (!first) return { total: 0, oldest: null };
	return {
		total: Number(first.n),
		oldest: {
			id: first.id,
			participantName: first.name,
			since: dayOf(first.at ?? Date.now(), first.timezone),
		},
	};
}

/** Everything the mentor's to-do list needs, from the database. */
export async function loadMentorTodoFacts(
	db: Db,
	mentor: SessionUser,
	now = new Date(),
): Promise<MentorTodoFacts> {
	const mentees = menteeIds(db, mentor.id);
	const i = labInterpretationTable;
	const m = cenMessageTable;
	const [entries, versions, agreements, interpretations, messages] = await Promise.all([
		entriesWaiting(db, mentees),
		versionsWaiting(db, mentees),
		pendingAgreements(db, mentees, 'rilo_ap', now),
		oldestOf(
			db
				.select({
					id: i.id,
					name: userTable.name,
					at: i.createdAt,
					n: sql<number>`count(*) over ()`,
					timezone: cohortTimezoneOf(i.participantId),
				})
				.from(i)
				.innerJoin(userTable, eq(userTable.id, i.participantId))
				.where(and(isNull(i.reviewedAt), inArray(i.participantId, mentees)))
				.orderBy(asc(i.createdAt))
				.limit(1),
		),
		oldestOf(
			db
				.select({
					id: m.id,
					name: userTable.name,
					at: m.submittedAt,
					n: sql<number>`count(*) over ()`,
					timezone: cohortTimezoneOf(m.participantId),
				})
				.from(m)
				.innerJoin(userTable, eq(userTable.id, m.participantId))
				.where(and(eq(m.status, 'submitted'), inArray(m.participantId, mentees)))
				.orderBy(asc(m.submittedAt))
				.limit(1),
		),
	]);
	return {
		entries,
		versions: versions.map((v) => ({
			participantId: v.participantId,
			name: v.name,
			number: v.number,
			since: dayOf(v.submittedAt, v.timezone),
		})),
		agreements,
		interpretations,
		messages,
	};
}

/** The mentor's to-do list, most urgent first. */
export async function mentorTodo(db: Db, mentor: SessionUser, today: string, now = new Date()) {
	return buildMentorTodo(await loadMentorTodoFacts(db, mentor, now), today);
}
