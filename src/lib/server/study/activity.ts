/**
 * Intelligence activities jointly agreed by the participant, their administration and
 * RILO A/P: what, agreed on when and by whom; then their status and outcome.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyActivityTable } from '~db/schema';
import type { ActivityStatus } from '~/lib/study/rules';
import { notifyPendingParties, proposerAgrees, resetAgreements } from './agreement';
import { recordAudit } from '../audit';
import { notFound } from '../errors';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { assertStudyWriter } from './access';
import { listOwnRows, ownRow } from '../find-row';

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
	return listOwnRows(
		db,
		studyActivityTable,
		participantId,
		asc(studyActivityTable.agreedOn),
		asc(studyActivityTable.createdAt),
	);
}

/** Proposes an activity in the participant's own study; proposing it is their agreement. */
export async function addActivity(
	db: Db,
	participant: SessionUser,
	input: ActivityInput,
): Promise<StudyActivity> {
	await assertStudyWriter(db, participant);
	const activity = await db.transaction(async (tx) => {
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
		await proposerAgrees(tx, row!.id, participant);
		return row!;
	});
	await notifyPendingParties(
		db,
		participant.id,
		activity.id,
		`${participant.name} proposed an intelligence activity: “${input.what.split('\n')[0]!.slice(0, 80)}”. It needs your agreement.`,
	);
	return activity;
}

/**
 * Updates where an activity stands and what came of it. When `what` is given and differs from
 * what was agreed, every party's agreement is reset and they are asked again.
 */
export async function updateActivity(
	db: Db,
	participant: SessionUser,
	id: string,
	input: { status: ActivityStatus; outcome: string; what?: string },
): Promise<StudyActivity> {
	await assertStudyWriter(db, participant);
	const before = await ownRow(db, studyActivityTable, participant.id, id, 'activity');
	const what = input.what?.trim() ? input.what.trim() : before.what;
	const changed = what !== before.what;
	const updated = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(studyActivityTable)
			.set({ status: input.status, outcome: input.outcome, what })
			.where(
				and(eq(studyActivityTable.id, id), eq(studyActivityTable.participantId, participant.id)),
			)
			.returning();
		if (!row) throw notFound('activity');
		if (changed) await resetAgreements(tx, id, participant);
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'study.activity_update',
			subjectType: 'study_activity',
			subjectId: id,
			details: { status: input.status, ...(changed ? { agreementsReset: true } : {}) },
		});
		return row;
	});
	if (changed)
		await notifyPendingParties(
			db,
			participant.id,
			id,
			`${participant.name} changed the activity “${what.split('\n')[0]!.slice(0, 80)}”: the other agreements were reset and yours is needed again.`,
		);
	return updated;
}
