/**
 * Comment threads on the parts of a thematic study: the participant and their mentors write,
 * either marks a comment resolved, admins read. The other side is notified; notifications
 * name the part only, never the text (study material is confidential).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyCommentTable, userTable } from '~db/schema';
import { parsePart, partLabels, threadAnchor } from '~/lib/study/rules';
import { findVisibleParticipant } from '../access';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { mentorsOf } from '../logbook/entry';
import { notify } from '../notify/notification';
import type { SessionUser } from '../auth/session';
import { assertStudyOpen } from './access';
import { findSection } from './paper';
import { insertedFirst } from '../row-order';

/** A participant's comments on every part, oldest first, with authors' names. */
export function listStudyComments(db: Db, participantId: string) {
	return db
		.select({ comment: studyCommentTable, authorName: userTable.name, authorRole: userTable.role })
		.from(studyCommentTable)
		.innerJoin(userTable, eq(userTable.id, studyCommentTable.authorId))
		.where(eq(studyCommentTable.participantId, participantId))
		.orderBy(asc(studyCommentTable.createdAt), insertedFirst(studyCommentTable));
}

/** A comment with its author, as the threads show it. */
export type StudyCommentView = Awaited<ReturnType<typeof listStudyComments>>[number];

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
	if (author.role === 'admin')
		throw new RuleError('forbidden', 'Comments are between the participant and their mentors.');
	if (!(await findVisibleParticipant(db, author, participantId))) throw notFound('study');
	const target = await assertPart(db, participantId, part);
	await assertStudyOpen(db, participantId);
	if (!body.trim()) throw new RuleError('invalid', 'Write a comment first.', 'body');
	await db.transaction(async (tx) => {
		const id = newId();
		await tx
			.insert(studyCommentTable)
			.values({ id, participantId, part, authorId: author.id, body: body.trim() });
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
			byParticipant ? await mentorsOf(tx, participantId) : [participantId],
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
	const [comment] = await db
		.select()
		.from(studyCommentTable)
		.where(eq(studyCommentTable.id, commentId));
	if (
		!comment ||
		user.role === 'admin' ||
		!(await findVisibleParticipant(db, user, comment.participantId))
	)
		throw notFound('comment');
	await assertStudyOpen(db, comment.participantId);
	await db.transaction(async (tx) => {
		await tx
			.update(studyCommentTable)
			.set({ resolvedAt: new Date() })
			.where(and(eq(studyCommentTable.id, commentId), isNull(studyCommentTable.resolvedAt)));
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
