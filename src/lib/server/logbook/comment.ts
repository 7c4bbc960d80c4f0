/** The comment thread on a log entry: both sides write, either marks a comment resolved. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { entryCommentTable, userTable } from '~db/schema';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { entryLine, findEntryForViewer, mentorsOf } from './entry';
import { notify } from '../notify/notification';
import type { SessionUser } from '../auth/session';
import { insertedFirst } from '../row-order';

/** Adds a comment; the other side is notified. Admins read but do not take part. */
export async function addComment(db: Db, author: SessionUser, entryId: string, body: string) {
	if (author.role === 'admin')
		throw new RuleError('forbidden', 'Comments are between the participant and their mentors.');
	const entry = await findEntryForViewer(db, author, entryId);
	if (!entry) throw notFound('entry');
	if (!body.trim()) throw new RuleError('invalid', 'Write a comment first.', 'body');
	await db.transaction(async (tx) => {
		const id = newId();
		await tx
			.insert(entryCommentTable)
			.values({ id, entryId, authorId: author.id, body: body.trim() });
		await recordAudit(tx, {
			actorId: author.id,
			action: 'comment.add',
			subjectType: 'log_entry',
			subjectId: entryId,
			details: { comment: id },
		});
		const recipients =
			author.role === 'participant'
				? await mentorsOf(tx, entry.participantId)
				: [entry.participantId];
		await notify(
			tx,
			recipients,
			`${author.name} commented on ${entryLine(entry)}.`,
			`/logbook/${entryId}#comments`,
		);
	});
}

/** Marks a comment resolved (either side). */
export async function resolveComment(db: Db, user: SessionUser, commentId: string) {
	const [comment] = await db
		.select()
		.from(entryCommentTable)
		.where(eq(entryCommentTable.id, commentId));
	if (!comment || user.role === 'admin' || !(await findEntryForViewer(db, user, comment.entryId)))
		throw notFound('comment');
	await db.transaction(async (tx) => {
		await tx
			.update(entryCommentTable)
			.set({ resolvedAt: new Date(), resolvedBy: user.id })
			.where(and(eq(entryCommentTable.id, commentId), isNull(entryCommentTable.resolvedAt)));
		await recordAudit(tx, {
			actorId: user.id,
			action: 'comment.resolve',
			subjectType: 'log_entry',
			subjectId: comment.entryId,
			details: { comment: commentId },
		});
	});
	return comment.entryId;
}

/** An entry's thread, oldest first, with authors' names. */
export function listComments(db: Db, entryId: string) {
	return db
		.select({ comment: entryCommentTable, authorName: userTable.name, authorRole: userTable.role })
		.from(entryCommentTable)
		.innerJoin(userTable, eq(userTable.id, entryCommentTable.authorId))
		.where(eq(entryCommentTable.entryId, entryId))
		.orderBy(asc(entryCommentTable.createdAt), insertedFirst(entryCommentTable));
}
