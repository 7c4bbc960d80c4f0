/**
 * Mentor review of log entries: approve, request changes (with a comment), reopen an approved
 * entry, undo a mistaken decision, approve a whole day. Every decision is kept as a row.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	logEntryTable,
	reviewDecisionTable,
	userTable,
	type EntryStatus,
	type LogEntry,
} from '~db/schema';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { findVisibleParticipant } from '../access';
import { newId } from '../ids';
import { entryLine } from '../logbook/entry';
import { notify } from '../notify/notification';
import type { SessionUser } from '../auth/session';
import { insertedFirst, insertedLast } from '../row-order';
import { countReviewQueuePage, queueWhere } from './queue';
import { findRow } from '../find-row';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** An entry the mentor may review, or a 404. */
async function reviewableEntry(db: Db, mentor: SessionUser, id: string): Promise<LogEntry> {
	if (mentor.role !== 'mentor')
		throw new RuleError('forbidden', 'Only mentors review log entries.');
	const entry = await findRow(db, logEntryTable, eq(logEntryTable.id, id));
	if (!entry || !(await findVisibleParticipant(db, mentor, entry.participantId)))
		throw notFound('entry');
	return entry;
}

/** Moves an entry from `from` to `to` inside a transaction, or fails if someone moved it first. */
async function moveStatus(tx: Tx, entry: LogEntry, to: EntryStatus): Promise<LogEntry> {
	const [row] = await tx
		.update(logEntryTable)
		.set({ status: to, version: entry.version + 1, updatedAt: new Date() })
		.where(and(eq(logEntryTable.id, entry.id), eq(logEntryTable.version, entry.version)))
		.returning();
	if (!row)
		throw new RuleError(
			'conflict',
			'This entry changed while you were reviewing it. Reload to see the latest version.',
		);
	return row;
}

type Decision = 'approved' | 'changes_requested';

/** Approves a submitted entry, or sends it back with a comment saying what to change. */
export async function decideEntry(
	db: Db,
	mentor: SessionUser,
	id: string,
	decision: Decision,
	comment: string,
): Promise<LogEntry> {
	const entry = await reviewableEntry(db, mentor, id);
	if (entry.status !== 'submitted')
		throw new RuleError(
			'conflict',
			'Only a submitted entry can be reviewed; this one is not waiting for review.',
		);
	if (decision === 'changes_requested' && !comment.trim())
		throw new RuleError(
			'invalid',
			'Say what should change, so the participant knows what to do.',
			'comment',
		);
	return recordDecision(db, mentor, entry, decision, decision, comment);
}

type AnyDecision = Decision | 'reopened' | 'undone';

/** Moves the entry, records the decision, the audit event and the participant's notification. */
async function applyDecision(
	tx: Tx,
	mentor: SessionUser,
	entry: LogEntry,
	decision: AnyDecision,
	to: EntryStatus,
	comment: string,
) {
	const row = await moveStatus(tx, entry, to);
	await tx.insert(reviewDecisionTable).values({
		id: newId(),
		entryId: entry.id,
		mentorId: mentor.id,
		decision,
		fromStatus: entry.status,
		comment: comment.trim(),
	});
	await recordAudit(tx, {
		actorId: mentor.id,
		action: `review.${decision}`,
		subjectType: 'log_entry',
		subjectId: entry.id,
		details: { from: entry.status, to },
	});
	const said = {
		approved: 'approved',
		changes_requested: 'asked for changes to',
		reopened: 'reopened',
		undone: 'undid the last decision on',
	}[decision];
	await notify(
		tx,
		[entry.participantId],
		`${mentor.name} ${said} ${entryLine(entry)}.`,
		`/logbook/${entry.id}`,
	);
	return row;
}

function recordDecision(
	db: Db,
	mentor: SessionUser,
	entry: LogEntry,
	decision: AnyDecision,
	to: EntryStatus,
	comment: string,
) {
	return db.transaction((tx) => applyDecision(tx, mentor, entry, decision, to, comment));
}

/** Reopens an approved entry so the participant can change it. */
export async function reopenEntry(
	db: Db,
	mentor: SessionUser,
	id: string,
	comment: string,
): Promise<LogEntry> {
	const entry = await reviewableEntry(db, mentor, id);
	if (entry.status !== 'approved')
		throw new RuleError('conflict', 'Only an approved entry can be reopened.');
	return recordDecision(db, mentor, entry, 'reopened', 'changes_requested', comment);
}

/** Undoes the latest decision (approve or request changes): the entry waits for review again. */
export async function undoDecision(db: Db, mentor: SessionUser, id: string): Promise<LogEntry> {
	const entry = await reviewableEntry(db, mentor, id);
	const [last] = await db
		.select()
		.from(reviewDecisionTable)
		.where(eq(reviewDecisionTable.entryId, id))
		.orderBy(desc(reviewDecisionTable.createdAt), insertedLast(reviewDecisionTable))
		.limit(1);
	const undoable =
		last &&
		(last.decision === 'approved' || last.decision === 'changes_requested') &&
		entry.status === last.decision;
	if (!undoable)
		throw new RuleError(
			'conflict',
			'There is no decision to undo: the participant may already have changed the entry.',
		);
	return recordDecision(db, mentor, entry, 'undone', last.fromStatus, '');
}

/** Approves every submitted entry of a participant on one day; returns how many. */
export async function approveDay(
	db: Db,
	mentor: SessionUser,
	participantId: string,
	date: string,
): Promise<number> {
	if (mentor.role !== 'mentor')
		throw new RuleError('forbidden', 'Only mentors review log entries.');
	if (!(await findVisibleParticipant(db, mentor, participantId))) throw notFound('participant');
	const entries = await db
		.select()
		.from(logEntryTable)
		.where(
			and(
				eq(logEntryTable.participantId, participantId),
				eq(logEntryTable.date, date),
				eq(logEntryTable.status, 'submitted'),
			),
		);
	// One transaction: the whole day is approved, or (if any entry changed meanwhile) none is.
	await db.transaction(async (tx) => {
		for (const entry of entries) await applyDecision(tx, mentor, entry, 'approved', 'approved', '');
	});
	return entries.length;
}

/** Submitted entries waiting for this mentor, oldest submission first. */
export function listReviewQueue(db: Db, mentor: SessionUser, limit = 200) {
	return db
		.select({ entry: logEntryTable, participantName: userTable.name })
		.from(logEntryTable)
		.innerJoin(userTable, eq(userTable.id, logEntryTable.participantId))
		.where(queueWhere(db, mentor, {}))
		.orderBy(asc(logEntryTable.submittedAt))
		.limit(limit);
}

/** How many entries wait for this mentor (the count in the navigation): the unfiltered queue. */
export function countReviewQueue(db: Db, mentor: SessionUser): Promise<number> {
	return countReviewQueuePage(db, mentor, {});
}

/** An entry's decisions, oldest first, with the mentor's name. */
export function listDecisions(db: Db, entryId: string) {
	return db
		.select({ decision: reviewDecisionTable, mentorName: userTable.name })
		.from(reviewDecisionTable)
		.innerJoin(userTable, eq(userTable.id, reviewDecisionTable.mentorId))
		.where(eq(reviewDecisionTable.entryId, entryId))
		.orderBy(asc(reviewDecisionTable.createdAt), insertedFirst(reviewDecisionTable));
}
