/** The milestones of a thematic study: a title, a due day, done or not. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyMilestoneTable } from '~db/schema';
import { deleteAudited, recordAudit, writeAudited } from '../audit';
import { notFound } from '../errors';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { assertStudyWriter } from './access';
import { listOwnRows, ownRow } from '../find-row';

/** A milestone row. */
export type StudyMilestone = typeof studyMilestoneTable.$inferSelect;

/** A participant's milestones, soonest due first. */
export function listMilestones(db: Db, participantId: string) {
	return listOwnRows(
		db,
		studyMilestoneTable,
		participantId,
		asc(studyMilestoneTable.dueDate),
		asc(studyMilestoneTable.createdAt),
	);
}

/** The participant's own milestone, or a 404 for anyone else's. */
async function ownMilestone(db: Db, participant: SessionUser, id: string): Promise<StudyMilestone> {
	await assertStudyWriter(db, participant);
	return ownRow(db, studyMilestoneTable, participant.id, id, 'milestone');
}

/** Adds a milestone. Past due days are allowed: a participant may record one late. */
export async function addMilestone(
	db: Db,
	participant: SessionUser,
	input: { title: string; dueDate: string },
): Promise<StudyMilestone> {
	await assertStudyWriter(db, participant);
	return writeAudited(
		db,
		(tx) =>
			tx
				.insert(studyMilestoneTable)
				.values({ id: newId(), participantId: participant.id, ...input })
				.returning(),
		{
			actorId: participant.id,
			action: 'study.milestone_add',
			subjectType: 'study_milestone',
			details: { dueDate: input.dueDate },
		},
	);
}

/** Marks a milestone done (now) or not done again. */
export async function setMilestoneDone(
	db: Db,
	participant: SessionUser,
	id: string,
	done: boolean,
): Promise<StudyMilestone> {
	await ownMilestone(db, participant, id);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(studyMilestoneTable)
			.set({ doneAt: done ? new Date() : null })
			.where(eq(studyMilestoneTable.id, id))
			.returning();
		if (!row) throw notFound('milestone');
		await recordAudit(tx, {
			actorId: participant.id,
			action: done ? 'study.milestone_done' : 'study.milestone_reopen',
			subjectType: 'study_milestone',
			subjectId: id,
		});
		return row;
	});
}

/** Removes a milestone. */
export async function deleteMilestone(db: Db, participant: SessionUser, id: string): Promise<void> {
	const milestone = await ownMilestone(db, participant, id);
	await deleteAudited(db, studyMilestoneTable, id, {
		actorId: participant.id,
		action: 'study.milestone_delete',
		details: { title: milestone.title, dueDate: milestone.dueDate },
	});
}
