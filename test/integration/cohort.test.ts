import { describe, expect, it } from 'vitest';
import { cohortMemberTable } from '~db/schema';
import {
	addMember,
	createCohort,
	setCohortArchived,
	updateCohort,
	cohortForViewer,
} from '~/lib/server/cohort/manage';
import { findVisibleParticipant } from '~/lib/server/access';
import { cohortDateProblems, defaultCorrectionsUntil, defaultReportDue } from '~/lib/cohort/rules';
import { useTestDb } from '../helpers/db';
import { cohortInput, makeCohort, makeUser } from '../helpers/factories';

const t = useTestDb();

/** Adds a user to a cohort as a participant of the named administration. */
const joinAsParticipant = (cohortId: string, userId: string, administration: string) =>
	addMember(t.db, { cohortId, userId, role: 'participant', administration });

describe('cohort dates', () => {
	it('defaults the report to departure + 14 days and corrections to one month after departure', () => {
		expect(defaultReportDue('2026-12-26')).toBe('2027-01-09');
		expect(defaultCorrectionsUntil('2026-12-26')).toBe('2027-01-26');
		expect(defaultCorrectionsUntil('2027-01-31')).toBe('2027-02-28');
	});

	it('accepts a well-ordered calendar and names the field of each broken rule', () => {
		expect(cohortDateProblems(cohortInput())).toEqual({});
		expect(cohortDateProblems(cohortInput({ trainingEnd: '2026-11-29' }))).toHaveProperty(
			'trainingEnd',
		);
		expect(cohortDateProblems(cohortInput({ ojtStart: '2026-12-04' }))).toHaveProperty('ojtStart');
		expect(cohortDateProblems(cohortInput({ departureDate: '2026-12-20' }))).toHaveProperty(
			'departureDate',
		);
		expect(
			cohortDateProblems(cohortInput({ outlinePresentationDate: '2027-01-02' })),
		).toHaveProperty('outlinePresentationDate');
		expect(cohortDateProblems(cohortInput({ reportDueDate: '2026-12-26' }))).toHaveProperty(
			'reportDueDate',
		);
		expect(cohortDateProblems(cohortInput({ correctionsUntil: '2027-01-01' }))).toHaveProperty(
			'correctionsUntil',
		);
	});

	it('refuses a second cohort with the same edition name', async () => {
		const admin = await makeUser(t.db, 'admin');
		await createCohort(t.db, admin.id, cohortInput({ edition: '2026/2027' }));
		await expect(
			createCohort(t.db, admin.id, cohortInput({ edition: '2026/2027' })),
		).rejects.toMatchObject({ field: 'edition' });
	});
});

describe('membership rules', () => {
	it('takes at most four participants and says why the fifth is refused', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 4);
		const fifth = await makeUser(t.db, 'participant');
		await expect(joinAsParticipant(cohort.id, fifth.id, 'Fifth Customs')).rejects.toThrow(
			/already has 4 participants/,
		);
		expect(await t.db.select().from(cohortMemberTable)).toHaveLength(5); // 4 participants + 1 mentor: nothing half-added
	});

	it('takes one participant per Member administration, whatever the letter case', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 0);
		const a = await makeUser(t.db, 'participant');
		const b = await makeUser(t.db, 'participant');
		await joinAsParticipant(cohort.id, a.id, 'Japan Customs');
		await expect(joinAsParticipant(cohort.id, b.id, 'japan customs')).rejects.toMatchObject({
			field: 'administration',
			message: expect.stringMatching(/one per Member administration/),
		});
	});

	it('lets the same administration send someone to next year’s cohort', async () => {
		const admin = await makeUser(t.db, 'admin');
		const first = await makeCohort(t.db, admin, 0);
		const second = await makeCohort(t.db, admin, 0);
		const a = await makeUser(t.db, 'participant');
		const b = await makeUser(t.db, 'participant');
		await joinAsParticipant(first.cohort.id, a.id, 'Japan Customs');
		await expect(
			joinAsParticipant(second.cohort.id, b.id, 'Japan Customs'),
		).resolves.toBeUndefined();
	});

	it('makes an archived cohort read-only', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 1);
		await setCohortArchived(t.db, admin.id, cohort.id, true);
		const p = await makeUser(t.db, 'participant');
		await expect(joinAsParticipant(cohort.id, p.id, 'X')).rejects.toThrow(/archived/);
		await expect(updateCohort(t.db, admin.id, cohort.id, cohortInput())).rejects.toThrow(
			/archived/,
		);
	});
});

describe('who sees whom', () => {
	it('participants see only themselves; mentors their cohort; admins everyone', async () => {
		const admin = await makeUser(t.db, 'admin');
		const a = await makeCohort(t.db, admin, 2);
		const b = await makeCohort(t.db, admin, 1);
		const [p1, p2] = a.participants as [(typeof a.participants)[0], (typeof a.participants)[0]];
		expect(await findVisibleParticipant(t.db, p1, p1.id)).not.toBeNull();
		expect(await findVisibleParticipant(t.db, p1, p2.id)).toBeNull();
		expect(await findVisibleParticipant(t.db, a.mentor, p2.id)).not.toBeNull();
		expect(await findVisibleParticipant(t.db, a.mentor, b.participants[0]!.id)).toBeNull();
		expect(await findVisibleParticipant(t.db, admin, b.participants[0]!.id)).not.toBeNull();
		expect(await findVisibleParticipant(t.db, admin, a.mentor.id)).toBeNull();
		expect((await cohortForViewer(t.db, a.mentor))?.id).toBe(a.cohort.id);
	});
});
