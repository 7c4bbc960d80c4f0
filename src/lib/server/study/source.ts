/** The sources of a thematic study, each graded for reliability by the participant. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studySourceTable } from '~db/schema';
import type { Reliability } from '~/lib/study/rules';
import { deleteAudited, recordAudit, writeAudited } from '../audit';
import { notFound } from '../errors';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { assertStudyWriter } from './access';
import { insertedFirst } from '../row-order';
import { listOwnRows, ownRow } from '../find-row';

/** A source row. */
export type StudySource = typeof studySourceTable.$inferSelect;

/** What the source form submits. */
export type SourceInput = {
	citation: string;
	link: string;
	notes: string;
	reliability: Reliability;
};

/** A participant's sources, in the order they were added. */
export function listSources(db: Db, participantId: string) {
	return listOwnRows(
		db,
		studySourceTable,
		participantId,
		asc(studySourceTable.createdAt),
		insertedFirst(studySourceTable),
	);
}

/** The participant's own source, or a 404 for anyone else's. */
async function ownSource(db: Db, participant: SessionUser, id: string): Promise<StudySource> {
	await assertStudyWriter(db, participant);
	return ownRow(db, studySourceTable, participant.id, id, 'source');
}

/** Adds a source to the participant's own study. */
export async function addSource(
	db: Db,
	participant: SessionUser,
	input: SourceInput,
): Promise<StudySource> {
	await assertStudyWriter(db, participant);
	return writeAudited(
		db,
		(tx) =>
			tx
				.insert(studySourceTable)
				.values({ id: newId(), participantId: participant.id, ...input })
				.returning(),
		{
			actorId: participant.id,
			action: 'study.source_add',
			subjectType: 'study_source',
		},
	);
}

/** Changes a source's citation, link, notes or grade. */
export async function updateSource(
	db: Db,
	participant: SessionUser,
	id: string,
	input: SourceInput,
): Promise<StudySource> {
	await ownSource(db, participant, id);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(studySourceTable)
			.set(input)
			.where(and(eq(studySourceTable.id, id), eq(studySourceTable.participantId, participant.id)))
			.returning();
		if (!row) throw notFound('source');
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'study.source_update',
			subjectType: 'study_source',
			subjectId: id,
			details: { reliability: input.reliability },
		});
		return row;
	});
}

/** Removes a source (the form asks for confirmation first). */
export async function deleteSource(db: Db, participant: SessionUser, id: string): Promise<void> {
	const source = await ownSource(db, participant, id);
	await deleteAudited(db, studySourceTable, id, {
		actorId: participant.id,
		action: 'study.source_delete',
		details: { citation: source.citation.slice(0, 200) },
	});
}
