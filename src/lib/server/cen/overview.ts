/** What the CEN practice home page shows: whose records, the exercises and attempts. */
import type { Db } from '~db/client';
import type { CenSeizure } from '~db/schema';
import { findVisibleParticipant } from '../access';
import { cohortForViewer, listMembers } from '../cohort/manage';
import { timeZoneOf } from '../cohort/time-zone';
import type { SessionUser } from '../auth/session';
import { codingCases } from './cases';
import { listMessages } from './message';
import { feedbackFor, listSeizures } from './seizure';

/** Participants a mentor or admin can look at (their cohort's); a participant sees only themself. */
export async function practiceParticipants(db: Db, viewer: SessionUser) {
	if (viewer.role === 'participant') return [{ userId: viewer.id, name: viewer.name }];
	const cohort = await cohortForViewer(db, viewer);
	if (!cohort) return [];
	return (await listMembers(db, cohort.id)).filter((m) => m.role === 'participant');
}

/** Right fields out of compared fields, for an attempt at an exercise. */
export function scoreOf(s: CenSeizure): { right: number; total: number } | null {
	const fb = feedbackFor(s);
	if (!fb) return null;
	return { right: fb.verdicts.filter((v) => v.ok).length, total: fb.verdicts.length };
}

/** One participant's practice: each exercise with its attempts, and free records; null = 404. */
export async function practiceOf(db: Db, viewer: SessionUser, participantId: string) {
	const participant = await findVisibleParticipant(db, viewer, participantId);
	if (!participant) return null;
	const [records, messages, timeZone] = await Promise.all([
		listSeizures(db, participantId),
		listMessages(db, participantId),
		timeZoneOf(db, participantId),
	]);
	const exercises = codingCases.map((c) => ({
		case: c,
		attempts: records
			.filter((r) => r.caseId === c.id)
			.map((r) => ({ record: r, score: scoreOf(r)! })),
	}));
	return { participant, exercises, free: records.filter((r) => !r.caseId), messages, timeZone };
}
