/** Comments on report sections: mentors comment (quoting the passage), participants reply, either resolves. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportCommentTable, userTable } from '~db/schema';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { mentorsOf } from '../logbook/entry';
import { notify } from '../notify/notification';
import { assertReportOpen, findSectionForViewer } from './working-copy';
import { normaliseNewlines } from '~/lib/text';
import type { SessionUser } from '../auth/session';
import { insertedFirst } from '../row-order';

/** Adds a comment (or a reply, with `parentId`) to a section the author may read. */
export async function addReportComment(
	db: Db,
	author: SessionUser,
	input: { sectionId: string; quote: string; body: string; parentId?: string },
) {
	if (author.role === 'admin')
		throw new RuleError('forbidden', 'Comments are between the participant and their mentors.');
	const section = await findSectionForViewer(db, author, input.sectionId);
	if (!section) throw notFound('section');
	await assertReportOpen(db, section.participantId);
	if (input.parentId) {
		const [parent] = await db
			.select()
			.from(reportCommentTable)
			.where(
				and(
					eq(reportCommentTable.id, input.parentId),
					eq(reportCommentTable.sectionId, section.id),
				),
			);
		if (!parent) throw notFound('comment');
	}
	if (!input.body.trim()) throw new RuleError('invalid', 'Write a comment first.', 'body');
	await db.transaction(async (tx) => {
		const id = newId();
		await tx.insert(reportCommentTable).values({
			id,
			sectionId: section.id,
			parentId: input.parentId ?? null,
			authorId: author.id,
			quote: normaliseNewlines(input.quote).trim(),
			body: normaliseNewlines(input.body).trim(),
		});
		await recordAudit(tx, {
			actorId: author.id,
			action: 'report.comment',
			subjectType: 'report_section',
			subjectId: section.id,
			details: { comment: id },
		});
		const recipients =
			author.role === 'participant'
				? await mentorsOf(tx, section.participantId)
				: [section.participantId];
		const link =
			author.role === 'participant'
				? `/report/${section.participantId}#section-${section.id}`
				: `/report#section-${section.id}`;
		await notify(
			tx,
			recipients,
			`${author.name} commented on the report section “${section.title}”.`,
			link,
		);
	});
}

/** Marks a thread resolved. */
export async function resolveReportComment(db: Db, user: SessionUser, commentId: string) {
	const [comment] = await db
		.select()
		.from(reportCommentTable)
		.where(eq(reportCommentTable.id, commentId));
	const section =
		comment && user.role !== 'admin'
			? await findSectionForViewer(db, user, comment.sectionId)
			: null;
	if (!section) throw notFound('comment');
	await assertReportOpen(db, section.participantId);
	await db
		.update(reportCommentTable)
		.set({ resolvedAt: new Date() })
		.where(and(eq(reportCommentTable.id, commentId), isNull(reportCommentTable.resolvedAt)));
}

/** Comments on the given sections, oldest first, with authors. */
export async function listReportComments(db: Db, sectionIds: string[]) {
	if (!sectionIds.length) return [];
	return db
		.select({ comment: reportCommentTable, authorName: userTable.name, authorRole: userTable.role })
		.from(reportCommentTable)
		.innerJoin(userTable, eq(userTable.id, reportCommentTable.authorId))
		.where(inArray(reportCommentTable.sectionId, sectionIds))
		.orderBy(asc(reportCommentTable.createdAt), insertedFirst(reportCommentTable));
}
