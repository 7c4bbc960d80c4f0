/**
 * The pages about a participant's records give times in the participant's cohort's zone, not
 * Tokyo's: the loaders the routes use hand that zone over (and a few format with it themselves).
 * The server runs in a zone far from both (process.env.TZ), so nothing can lean on it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { assessmentAttemptTable, cohortTable } from '~db/schema';
import { closedReason } from '~/lib/server/assessment/attempt';
import { createMessage } from '~/lib/server/cen/message';
import { loadMessagePage } from '~/lib/server/cen/message-page';
import { practiceOf } from '~/lib/server/cen/overview';
import { timeZoneOf } from '~/lib/server/cohort/time-zone';
import { newId } from '~/lib/server/ids';
import { listInterpretationsToReview, submitInterpretation } from '~/lib/server/lab/interpretation';
import { loadParticipantReview } from '~/lib/server/review/participant-entries';
import { loadReviewQueue } from '~/lib/server/review/queue';
import { findStudyForViewer } from '~/lib/server/study/plan';
import type { SessionUser } from '~/lib/server/auth/session';
import { warningMessage } from '../helpers/cen-messages';
import { createTestDb, type TestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.close());

const serverZoneAtStart = process.env.TZ;
beforeAll(() => (process.env.TZ = 'Pacific/Kiritimati'));
afterAll(() => {
	if (serverZoneAtStart === undefined) delete process.env.TZ;
	else process.env.TZ = serverZoneAtStart;
});

const newYork = 'America/New_York';

/** A cohort moved to `timeZone`, with its mentor and one participant. */
async function cohortIn(admin: SessionUser, timeZone: string) {
	const { cohort, mentor, participants } = await makeCohort(t.db, admin, 1);
	await t.db.update(cohortTable).set({ timezone: timeZone }).where(eq(cohortTable.id, cohort.id));
	return { cohort, mentor, p1: participants[0]! };
}

describe('the zone of a person’s records', () => {
	it('is their cohort’s, and Tokyo’s for someone in no cohort', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, p1 } = await cohortIn(admin, newYork);
		const secretariat = await makeUser(t.db, 'secretariat');
		expect(await timeZoneOf(t.db, p1.id)).toBe(newYork);
		expect(await timeZoneOf(t.db, mentor.id)).toBe(newYork);
		expect(await timeZoneOf(t.db, secretariat.id)).toBe('Asia/Tokyo');
	});

	it('reaches the study, review, CEN and lab pages through their loaders', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, p1 } = await cohortIn(admin, newYork);
		const params = new URLSearchParams();
		expect((await findStudyForViewer(t.db, mentor, p1.id))!.timeZone).toBe(newYork);
		expect((await loadReviewQueue(t.db, mentor, params)).timeZone).toBe(newYork);
		expect((await loadParticipantReview(t.db, p1.id, params)).timeZone).toBe(newYork);
		expect((await practiceOf(t.db, mentor, p1.id))!.timeZone).toBe(newYork);
		const message = await createMessage(t.db, p1, warningMessage({ basis: '' }));
		expect((await loadMessagePage(t.db, mentor, message.id))!.timeZone).toBe(newYork);
	});

	it('follows each participant in a list that spans cohorts', async () => {
		const admin = await makeUser(t.db, 'admin');
		const tokyo = await cohortIn(admin, 'Asia/Tokyo');
		const ny = await cohortIn(admin, newYork);
		const body = `Tea packaging fell and machinery parts rose. ${'word '.repeat(70)}`;
		await submitInterpretation(t.db, tokyo.p1, 'interpret-concealment-shift', body);
		await submitInterpretation(t.db, ny.p1, 'interpret-concealment-shift', body);
		const rows = await listInterpretationsToReview(t.db, admin);
		expect(rows.map((r) => [r.participantName, r.timeZone]).sort()).toEqual(
			[
				[tokyo.p1.name, 'Asia/Tokyo'],
				[ny.p1.name, newYork],
			].sort(),
		);
	});
});

describe('the “already taken” message of a course test', () => {
	async function takenAt(timeZone: string, at: Date) {
		const admin = await makeUser(t.db, 'admin');
		const { p1 } = await cohortIn(admin, timeZone);
		await t.db.insert(assessmentAttemptTable).values({
			id: newId(),
			userId: p1.id,
			kind: 'pre',
			answers: {},
			score: 0,
			total: 0,
			topics: {},
			createdAt: at,
		});
		return closedReason(t.db, p1.id, 'pre');
	}

	it('gives the day of the cohort’s zone: 03:00 UTC on 8 December is the 7th in New York', async () => {
		const at = new Date('2026-12-08T03:00:00Z');
		expect(await takenAt(newYork, at)).toBe(
			'You took the pre-test on 7 Dec 2026, 22:00: it is taken once.',
		);
	});

	it('and the 8th in Tokyo', async () => {
		const at = new Date('2026-12-08T03:00:00Z');
		expect(await takenAt('Asia/Tokyo', at)).toContain('on 8 Dec 2026, 12:00');
	});
});
