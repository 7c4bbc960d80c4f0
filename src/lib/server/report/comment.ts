/** Comments on report sections: mentors comment (quoting the passage), participants reply, either resolves. */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportCommentTable } from '~db/schema';
import { recordAudit } from '../audit';
import * as thread from '../comment/thread';
import { notFound } from '../errors';
import { newId } from '../ids';
import { notify } from '../notify/notification';
import { assertReportOpen, findSectionForViewer } from './working-copy';
import { normaliseNewlines } from '~/lib/text';
import type { SessionUser } from '../auth/session';
import { findRow } from '../find-row';

/** Adds a comment (or a reply, with `parentId`) to a section the author may read. */
export async function addReportComment(
	db: Db,
	author: SessionUser,
	input: { sectionId: string; quote: string; body: string; parentId?: string },
) {
	thread.assertMayComment(author);
	const section = await findSectionForViewer(db, author, input.sectionId);
	if (!section) throw notFound('section');
	await assertReportOpen(db, section.participantId);
	if (input.parentId) {
		const parent = await findRow(
			db,
			reportCommentTable,
			eq(reportCommentTable.id, input.parentId),
			eq(reportCommentTable.sectionId, section.id),
		);
		if (!parent) throw notFound('comment');
	}
	thread.commentText(input.body);
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
		const link =
			author.role === 'participant'
				? `/report/${section.participantId}#section-${section.id}`
				: `/report#section-${section.id}`;
		await notify(
			tx,
			await thread.otherSide(tx, author, section.participantId),
			`${author.name} commented on the report section “${section.title}”.`,
			link,
		);
	});
}

/** Marks a thread resolved. */
export async function resolveReportComment(db: Db, user: SessionUser, commentId: string) {
	const comment = await thread.findComment(db, reportCommentTable, commentId);
	const section =
		comment && user.role !== 'admin'
			? await findSectionForViewer(db, user, comment.sectionId)
			: null;
	if (!section) throw notFound('comment');
	await assertReportOpen(db, section.participantId);
	await thread.markResolved(db, reportCommentTable, commentId, { resolvedAt: new Date() });
}

/** Comments on the given sections, oldest first, with authors. */
export async function listReportComments(db: Db, sectionIds: string[]) {
	if (!sectionIds.length) return [];
	return thread.listWithAuthors(
		db,
		reportCommentTable,
		inArray(reportCommentTable.sectionId, sectionIds),
	);
}
