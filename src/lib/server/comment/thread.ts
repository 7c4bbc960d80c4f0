/**
 * What the three comment threads share (on log entries, on the parts of a thematic study, on
 * report sections): the participant and their mentors write, admins only read, either side
 * resolves, and a comment is announced to the side that did not write it.
 */
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	entryCommentTable,
	reportCommentTable,
	studyCommentTable,
	userTable,
	type User,
} from '~db/schema';
import { RuleError } from '../errors';
import { mentorsOf } from '../logbook/entry';
import type { SessionUser } from '../auth/session';
import { insertedFirst } from '../row-order';
import { findRow } from '../find-row';

/** A table holding one of the threads. */
export type CommentTable =
	typeof entryCommentTable | typeof studyCommentTable | typeof reportCommentTable;

/** A comment with its author, as a thread shows it. */
export type ThreadComment<T extends CommentTable> = {
	comment: T['$inferSelect'];
	authorName: string;
	authorRole: User['role'];
};

/** Admins read the threads but do not write in them. */
export function assertMayComment(author: SessionUser): void {
	if (author.role === 'admin')
		throw new RuleError('forbidden', 'Comments are between the participant and their mentors.');
}

/** The text of a new comment, trimmed; an empty one is refused. */
export function commentText(body: string): string {
	if (!body.trim()) throw new RuleError('invalid', 'Write a comment first.', 'body');
	return body.trim();
}

/** Who hears about a comment: a participant's mentors when the participant wrote, else the participant. */
export async function otherSide(
	db: Pick<Db, 'select'>,
	author: SessionUser,
	participantId: string,
): Promise<string[]> {
	return author.role === 'participant' ? mentorsOf(db, participantId) : [participantId];
}

/** The comments of `table` that match `where`, oldest first, with their authors. */
export async function listWithAuthors<T extends CommentTable>(
	db: Pick<Db, 'select'>,
	table: T,
	where: SQL | undefined,
): Promise<ThreadComment<T>[]> {
	const comments: CommentTable = table;
	return db
		.select({ comment: comments, authorName: userTable.name, authorRole: userTable.role })
		.from(comments)
		.innerJoin(userTable, eq(userTable.id, comments.authorId))
		.where(where)
		.orderBy(asc(comments.createdAt), insertedFirst(comments)) as Promise<ThreadComment<T>[]>;
}

/** The comment with this id in `table`, or null. */
export async function findComment<T extends CommentTable>(
	db: Pick<Db, 'select'>,
	table: T,
	commentId: string,
): Promise<T['$inferSelect'] | null> {
	const comments: CommentTable = table;
	const comment = await findRow(db, comments, eq(comments.id, commentId));
	return (comment as T['$inferSelect'] | undefined) ?? null;
}

/** Marks a comment resolved unless it already is (the first resolution stands). */
export async function markResolved(
	db: Pick<Db, 'update'>,
	table: CommentTable,
	commentId: string,
	resolution: { resolvedAt: Date; resolvedBy?: string },
): Promise<void> {
	await db
		.update(table)
		.set(resolution)
		.where(and(eq(table.id, commentId), isNull(table.resolvedAt)));
}
