/** The comment thread on a log entry: both sides write, either marks a comment resolved. */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { entryCommentTable } from '~db/schema';
import { recordAudit } from '../audit';
import * as thread from '../comment/thread';
import { notFound } from '../errors';
import { newId } from '../ids';
import { entryLine, findEntryForViewer } from './entry';
import { notify } from '../notify/notification';
import type { SessionUser } from '../auth/session';

/** Adds a comment; the other side is notified. Admins read but do not take part. */
export async function addComment(db: Db, author: SessionUser, entryId: string, body: string) {
	thread.assertMayComment(author);
	const entry = await findEntryForViewer(db, author, entryId);
	if (!entry) throw notFound('entry');
	const text = thread.commentText(body);
	await db.transaction(async (tx) => {
		const id = newId();
		await tx.insert(entryCommentTable).values({ id, entryId, authorId: author.id, body: text });
		await recordAudit(tx, {
			actorId: author.id,
			action: 'comment.add',
			subjectType: 'log_entry',
			subjectId: entryId,
			details: { comment: id },
		});
		await notify(
			tx,
			await thread.otherSide(tx, author, entry.participantId),
			`${author.name} commented on ${entryLine(entry)}.`,
			`/logbook/${entryId}#comments`,
		);
	});
}

/** Marks a comment resolved (either side). */
export async function resolveComment(db: Db, user: SessionUser, commentId: string) {
	const comment = await thread.findComment(db, entryCommentTable, commentId);
	if (!comment || user.role === 'admin' || !(await findEntryForViewer(db, user, comment.entryId)))
		throw notFound('comment');
	await db.transaction(async (tx) => {
		await thread.markResolved(tx, entryCommentTable, commentId, {
			resolvedAt: new Date(),
			resolvedBy: user.id,
		});
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
	return thread.listWithAuthors(db, entryCommentTable, eq(entryCommentTable.entryId, entryId));
}
