/**
 * The research paper of a thematic study, drafted in sections (Markdown). The body of a
 * section carries a version: a save naming an older one is refused, so two tabs never
 * overwrite each other. Renaming and reordering do not touch the body, so they keep it.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyCommentTable, studyPaperSectionTable } from '~db/schema';
import { sectionPart } from '~/lib/study/rules';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { assertStudyWriter } from './access';
import { findOwnRow, listOwnRows } from '../find-row';

/** A paper section row. */
export type PaperSection = typeof studyPaperSectionTable.$inferSelect;

/** A body save was refused because the section changed since the form was opened. */
export class PaperConflict extends RuleError {
	constructor(readonly current: PaperSection) {
		super(
			'conflict',
			'This section was changed elsewhere since you opened it — in another tab, perhaps. Your text is kept below next to the saved version: merge what you need, then save again.',
		);
	}
}

/** A participant's paper sections, in their order. */
export function listSections(db: Pick<Db, 'select'>, participantId: string) {
	return listOwnRows(
		db,
		studyPaperSectionTable,
		participantId,
		asc(studyPaperSectionTable.position),
		asc(studyPaperSectionTable.id),
	);
}

/** One section of a participant's paper, or null. */
export async function findSection(
	db: Db,
	participantId: string,
	id: string,
): Promise<PaperSection | null> {
	return findOwnRow(db, studyPaperSectionTable, participantId, id);
}

/** The participant's own section, or a 404 for anyone else's. */
async function ownSection(db: Db, participant: SessionUser, id: string): Promise<PaperSection> {
	await assertStudyWriter(db, participant);
	const section = await findSection(db, participant.id, id);
	if (!section) throw notFound('section');
	return section;
}

function audit(tx: Pick<Db, 'insert'>, actorId: string, action: string, id: string, details = {}) {
	return recordAudit(tx, {
		actorId,
		action: `study.section_${action}`,
		subjectType: 'study_paper_section',
		subjectId: id,
		details,
	});
}

/** Adds an empty section at the end of the paper. */
export async function addSection(
	db: Db,
	participant: SessionUser,
	title: string,
): Promise<PaperSection> {
	await assertStudyWriter(db, participant);
	return db.transaction(async (tx) => {
		const [last] = await tx
			.select({ max: sql<number | null>`max(${studyPaperSectionTable.position})` })
			.from(studyPaperSectionTable)
			.where(eq(studyPaperSectionTable.participantId, participant.id));
		const [row] = await tx
			.insert(studyPaperSectionTable)
			.values({
				id: newId(),
				participantId: participant.id,
				title,
				position: Number(last?.max ?? 0) + 1,
				updatedAt: new Date(),
			})
			.returning();
		await audit(tx, participant.id, 'add', row!.id);
		return row!;
	});
}

/** Gives a section a new title. */
export async function renameSection(db: Db, participant: SessionUser, id: string, title: string) {
	await ownSection(db, participant, id);
	await db.transaction(async (tx) => {
		await tx
			.update(studyPaperSectionTable)
			.set({ title, updatedAt: new Date() })
			.where(eq(studyPaperSectionTable.id, id));
		await audit(tx, participant.id, 'rename', id);
	});
}

/** Saves a section's body at the version the form was opened with. */
export async function saveSectionBody(
	db: Db,
	participant: SessionUser,
	id: string,
	version: number,
	body: string,
): Promise<PaperSection> {
	const section = await ownSection(db, participant, id);
	if (section.version !== version) throw new PaperConflict(section);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(studyPaperSectionTable)
			.set({ body, version: version + 1, updatedAt: new Date() })
			.where(and(eq(studyPaperSectionTable.id, id), eq(studyPaperSectionTable.version, version)))
			.returning();
		// Another save got in between the read and this update.
		if (!row)
			throw new PaperConflict(
				(
					await tx.select().from(studyPaperSectionTable).where(eq(studyPaperSectionTable.id, id))
				)[0]!,
			);
		await audit(tx, participant.id, 'save', id, { version: row.version });
		return row;
	});
}

/** Moves a section one place up or down; the order is renumbered 1..n in the same transaction. */
export async function moveSection(
	db: Db,
	participant: SessionUser,
	id: string,
	direction: 'up' | 'down',
): Promise<void> {
	await ownSection(db, participant, id);
	await db.transaction(async (tx) => {
		const order = (await listSections(tx, participant.id)).map((s) => s.id);
		const from = order.indexOf(id);
		const to = direction === 'up' ? from - 1 : from + 1;
		// Already first or last: nothing to move, and nothing to record.
		if (from < 0 || to < 0 || to >= order.length) return;
		[order[from], order[to]] = [order[to]!, order[from]!];
		for (const [i, sectionId] of order.entries())
			await tx
				.update(studyPaperSectionTable)
				.set({ position: i + 1 })
				.where(eq(studyPaperSectionTable.id, sectionId));
		await audit(tx, participant.id, 'move', id, { direction });
	});
}

/** Deletes a section and its comment thread (the form asks for confirmation first). */
export async function deleteSection(db: Db, participant: SessionUser, id: string): Promise<void> {
	const section = await ownSection(db, participant, id);
	await db.transaction(async (tx) => {
		await tx
			.delete(studyCommentTable)
			.where(
				and(
					eq(studyCommentTable.participantId, participant.id),
					eq(studyCommentTable.part, sectionPart(id)),
				),
			);
		await tx.delete(studyPaperSectionTable).where(eq(studyPaperSectionTable.id, id));
		await audit(tx, participant.id, 'delete', id, { title: section.title });
	});
}
