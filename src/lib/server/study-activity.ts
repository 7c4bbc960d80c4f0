/**
 * Intelligence activities jointly agreed by the participant, their administration and
 * RILO A/P: what, agreed on when and by whom; then their status and outcome.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyActivityTable } from '~db/schema';
import type { ActivityStatus } from '~/lib/study-rules';
import { recordAudit } from './audit';
import { notFound } from './errors';
import { newId } from './ids';
import type { SessionUser } from './session';
import { assertStudyWriter } from './study-access';

/** An activity row. */
export type StudyActivity = typeof studyActivityTable.$inferSelect;

/** What the new-activity form submits. */
export type ActivityInput = {
	what: string;
	agreedOn: string;
	agreedBy: string;
	status: ActivityStatus;
	outcome: string;
};

/** A participant's activities, in the order they were agreed. */
export function listActivities(db: Db, participantId: string) {
	return db
		.select()
		.from(studyActivityTable)
		.where(eq(studyActivityTable.participantId, participantId))
		.orderBy(asc(studyActivityTable.agreedOn), asc(studyActivityTable.createdAt));
}

/** Records an agreed activity in the participant's own study. */
export async function addActivity(
	db: Db,
	participant: SessionUser,
	input: ActivityInput,
): Promise<StudyActivity> {
	await assertStudyWriter(db, participant);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(studyActivityTable)
			.values({ id: newId(), participantId: participant.id, ...input })
			.returning();
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'study.activity_add',
			subjectType: 'study_activity',
			subjectId: row!.id,
			details: { status: input.status },
		});
		return row!;
	});
}

/** Updates where an activity stands and what came of it (what was agreed stays as agreed). */
export async function updateActivity(
	db: Db,
	participant: SessionUser,
	id: string,
	input: { status: ActivityStatus; outcome: string },
): Promise<StudyActivity> {
	await assertStudyWriter(db, participant);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(studyActivityTable)
			.set(input)
			.where(
				and(eq(studyActivityTable.id, id), eq(studyActivityTable.participantId, participant.id)),
			)
			.returning();
		if (!row) throw notFound('activity');
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'study.activity_update',
			subjectType: 'study_activity',
			subjectId: id,
			details: { status: input.status },
		});
		return row;
	});
}
