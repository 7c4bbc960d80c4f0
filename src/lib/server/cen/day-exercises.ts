/**
 * The CEN day's guided exercises for one participant: what they have done in the practice
 * environment, judged by `cenDayStatus`. The participant, their mentors and admins read it;
 * anyone else gets null (the page answers 404), through `practiceOf`.
 */
import type { Db } from '~db/client';
import { cenDayExercises, cenDayStatus } from '~/lib/cen/exercise-check';
import type { SessionUser } from '../auth/session';
import { listMaterials } from './material';
import { practiceOf } from './overview';

export async function cenDayOf(db: Db, viewer: SessionUser, participantId: string) {
	const practice = await practiceOf(db, viewer, participantId);
	if (!practice) return null;
	const materials = await listMaterials(db, participantId);
	const status = cenDayStatus({
		attempts: practice.exercises.flatMap((e) =>
			e.attempts.map((a) => ({ caseId: e.case.id, right: a.score.right, total: a.score.total })),
		),
		freeRecords: practice.free.map((r) => r.id),
		messages: practice.messages.map((m) => ({ kind: m.kind, status: m.status })),
		materials: materials.map((m) => ({ kind: m.kind, refId: m.refId })),
	});
	return {
		participant: practice.participant,
		exercises: cenDayExercises.map((e) => ({ ...e, status: status[e.id] })),
	};
}
