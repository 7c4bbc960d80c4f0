/**
 * Comment threads on the parts of a thematic study: the participant and their mentors write,
 * either marks a comment resolved, admins read. The other side is notified; notifications
 * name the part only, never the text (study material is confidential).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyCommentTable } from '~db/schema';
import { parsePart, partLabels, threadAnchor } from '~/lib/study/rules';
import { findVisibleParticipant } from '../access';
import { recordAudit } from '../audit';
import * as thread from '../comment/thread';
import { notFound } from '../errors';
import { newId } from '../ids';
import { notify } from '../notify/notification';
import type { SessionUser } from '../auth/session';
import { assertStudyOpen } from './access';
import { findSection } from './paper';

/** A participant's comments on every part, oldest first, with authors' names. */
export function listStudyComments(db: Db, participantId: string) {
	return thread.listWithAuthors(
		db,
		studyCommentTable,
		eq(studyCommentTable.participantId, participantId),
	);
}

/** A comment with its author, as the threads show it. */
export type StudyCommentView = thread.ThreadComment<typeof studyCommentTable>;

/** Where a part's thread is, for the participant or for their mentors. */
function threadLink(forParticipant: boolean, participantId: string, part: string): string {
	const page = part.startsWith('paper:') ? '/study/paper' : '/study';
	return forParticipant
		? `${page}#${threadAnchor(part)}`
		: `/study/${participantId}#${threadAnchor(part)}`;
}

/** Checks the part names something that exists in this participant's study. */
async function assertPart(db: Db, participantId: string, part: string) {
	const target = parsePart(part);
	if (!target) throw notFound('part of the study');
	if (target.sectionId && !(await findSection(db, participantId, target.sectionId)))
		throw notFound('section');
	return target;
}

/** Adds a comment on a part of a participant's study; the other side is notified. */
export async function addStudyComment(
	db: Db,
	author: SessionUser,
	participantId: string,
	part: string,
	body: string,
): Promise<void> {
	thread.assertMayComment(author);
	if (!(await findVisibleParticipant(db, author, participantId))) throw notFound('study');
	const target = await assertPart(db, participantId, part);
	await assertStudyOpen(db, participantId);
	const text = thread.commentText(body);
	await db.transaction(async (tx) => {
		const id = newId();
		await tx
			.insert(studyCommentTable)
			.values({ id, participantId, part, authorId: author.id, body: text });
		await recordAudit(tx, {
			actorId: author.id,
			action: 'study.comment_add',
			subjectType: 'study',
			subjectId: participantId,
			details: { comment: id, part },
		});
		const byParticipant = author.role === 'participant';
		await notify(
			tx,
			await thread.otherSide(tx, author, participantId),
			`${author.name} commented on the ${partLabels[target.part]} of ${byParticipant ? 'their' : 'your'} thematic study.`,
			threadLink(!byParticipant, participantId, part),
		);
	});
}

/** Marks a comment resolved (either side); returns where its thread is. */
export async function resolveStudyComment(
	db: Db,
	user: SessionUser,
	commentId: string,
): Promise<{ participantId: string; part: string }> {
	const comment = await thread.findComment(db, studyCommentTable, commentId);
	if (
		!comment ||
		user.role === 'admin' ||
		!(await findVisibleParticipant(db, user, comment.participantId))
	)
		throw notFound('comment');
	await assertStudyOpen(db, comment.participantId);
	await db.transaction(async (tx) => {
		await thread.markResolved(tx, studyCommentTable, commentId, { resolvedAt: new Date() });
		await recordAudit(tx, {
			actorId: user.id,
			action: 'study.comment_resolve',
			subjectType: 'study',
			subjectId: comment.participantId,
			details: { comment: commentId, part: comment.part },
		});
	});
	return { participantId: comment.participantId, part: comment.part };
}
