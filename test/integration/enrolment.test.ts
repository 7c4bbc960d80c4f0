import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEventTable, enrolmentLetterTable } from '~db/schema';
import { setCohortArchived } from '~/lib/server/cohort/manage';
import {
	checkLetter,
	issueLetter,
	openOwnLetter,
	revokeLetter,
} from '~/lib/server/enrolment/letter';
import { listCohortMatters, readMatters, saveMatters } from '~/lib/server/enrolment/matters';
import { countUnknownCode, verifyBlockedUntil } from '~/lib/server/enrolment/verify-throttle';
import { formatVerifyCode } from '~/lib/verify/code';
import { emptyMatters } from '~/lib/enrolment/matters';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { settledMatters } from '../helpers/matters';

const t = useTestDb();

async function setup() {
	const admin = await makeUser(t.db, 'admin');
	const { cohort, mentor, participants } = await makeCohort(t.db, admin, 2);
	return { admin, cohort, mentor, p1: participants[0]!, p2: participants[1]! };
}

const actions = async () =>
	(await t.db.select({ action: auditEventTable.action }).from(auditEventTable)).map(
		(r) => r.action,
	);

describe('enrolment letters', () => {
	it('are issued once per participant and edition, on first opening, and verify as valid', async () => {
		const { p1, cohort } = await setup();
		const first = await openOwnLetter(t.db, p1);
		expect(first?.letter?.code).toMatch(/^E[0-9A-HJKMNP-TV-Z]{15}$/);
		const again = await openOwnLetter(t.db, p1);
		expect(again?.letter?.code).toBe(first!.letter!.code);
		expect(await t.db.select().from(enrolmentLetterTable)).toHaveLength(1);
		const check = await checkLetter(t.db, formatVerifyCode(first!.letter!.code).toLowerCase());
		expect(check).toMatchObject({
			status: 'valid',
			enrolment: { name: p1.name, administration: `Administration ${p1.id}` },
		});
		if (check?.status === 'valid') expect(check.enrolment.cohort.id).toBe(cohort.id);
		expect(await actions()).toContain('enrolment_letter.issue');
	});

	it('still verifies a letter printed with an older 20-character code', async () => {
		const { p1, cohort } = await setup();
		await t.db.insert(enrolmentLetterTable).values({
			code: 'ABCDEFGHJKMNPQRSTVWX',
			participantId: p1.id,
			cohortId: cohort.id,
			issuedAt: new Date(),
		});
		expect((await checkLetter(t.db, 'abcde fghjk-mnpqr stvwx'))?.status).toBe('valid');
	});

	it('answers null for an unknown or malformed code', async () => {
		await setup();
		expect(await checkLetter(t.db, 'ABCDE-FGHJK-MNPQR-STVWX')).toBeNull();
		expect(await checkLetter(t.db, 'nonsense')).toBeNull();
		expect(await checkLetter(t.db, '')).toBeNull();
	});

	it('gives no letter to someone who is not a participant of a cohort', async () => {
		const { mentor } = await setup();
		const loner = await makeUser(t.db, 'participant');
		expect(await openOwnLetter(t.db, mentor)).toBeNull();
		expect(await openOwnLetter(t.db, loner)).toBeNull();
	});

	it('an admin revokes it: /verify says revoked without personal data; no new one appears by itself', async () => {
		const { admin, p1 } = await setup();
		const { letter } = (await openOwnLetter(t.db, p1))!;
		await revokeLetter(t.db, admin, p1.id, formatVerifyCode(letter!.code));
		const check = await checkLetter(t.db, letter!.code);
		expect(check?.status).toBe('revoked');
		expect(JSON.stringify(check)).not.toContain(p1.name);
		// Reopening shows the revocation rather than a fresh code.
		const after = await openOwnLetter(t.db, p1);
		expect(after?.letter?.revokedAt).toBeInstanceOf(Date);
		await expect(revokeLetter(t.db, admin, p1.id, letter!.code)).rejects.toMatchObject({
			code: 'conflict',
		});
		// A reissue gives a new, valid code; the old one stays revoked.
		const fresh = await issueLetter(t.db, admin, p1.id);
		expect(fresh.code).not.toBe(letter!.code);
		expect((await checkLetter(t.db, fresh.code))?.status).toBe('valid');
		expect((await checkLetter(t.db, letter!.code))?.status).toBe('revoked');
		await expect(issueLetter(t.db, admin, p1.id)).rejects.toMatchObject({ code: 'conflict' });
		expect(await actions()).toEqual(
			expect.arrayContaining(['enrolment_letter.revoke', 'enrolment_letter.issue']),
		);
	});

	it('refuses revocation by anyone but an admin, and of another participant’s code', async () => {
		const { admin, mentor, p1, p2 } = await setup();
		const { letter } = (await openOwnLetter(t.db, p1))!;
		await expect(revokeLetter(t.db, p1, p1.id, letter!.code)).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(revokeLetter(t.db, mentor, p1.id, letter!.code)).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(revokeLetter(t.db, admin, p2.id, letter!.code)).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(issueLetter(t.db, p2, p2.id)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await checkLetter(t.db, letter!.code))?.status).toBe('valid');
	});

	it('issues none for an archived cohort', async () => {
		const { admin, cohort, p1 } = await setup();
		await setCohortArchived(t.db, admin.id, cohort.id, true);
		expect((await openOwnLetter(t.db, p1))?.letter).toBeNull();
		await expect(issueLetter(t.db, admin, p1.id)).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('the /verify throttle', () => {
	it('holds an address back after many unknown codes, like sign-in', async () => {
		expect(await verifyBlockedUntil(t.db, '203.0.113.9')).toBeNull();
		for (let i = 0; i < 20; i++) await countUnknownCode(t.db, '203.0.113.9');
		expect(await verifyBlockedUntil(t.db, '203.0.113.9')).toBeNull();
		await countUnknownCode(t.db, '203.0.113.9');
		expect(await verifyBlockedUntil(t.db, '203.0.113.9')).toBeInstanceOf(Date);
		// Another address is not affected.
		expect(await verifyBlockedUntil(t.db, '198.51.100.1')).toBeNull();
	});
});

describe('admin matters', () => {
	const filled = settledMatters({ allowancePaidOn: '2026-11-30' });

	it('an admin records them, audited; the participant and the Secretariat read them', async () => {
		const { admin, p1 } = await setup();
		const secretariat = await makeUser(t.db, 'secretariat');
		expect((await readMatters(t.db, p1, p1.id)).matters).toEqual(emptyMatters);
		await saveMatters(t.db, admin, p1.id, filled);
		expect((await readMatters(t.db, p1, p1.id)).matters).toEqual(filled);
		expect((await readMatters(t.db, secretariat, p1.id)).matters).toEqual(filled);
		const [event] = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'admin_matter.update'));
		expect(event).toMatchObject({ actorId: admin.id, subjectId: p1.id });
		expect((event!.details as { changed: string[] }).changed).toHaveLength(5);
		await saveMatters(t.db, admin, p1.id, {
			...filled,
			visaStatus: 'not_needed',
			visaObtainedOn: null,
		});
		expect((await readMatters(t.db, p1, p1.id)).matters.visaStatus).toBe('not_needed');
	});

	it('another participant’s record is 404; mentors and home contacts are refused', async () => {
		const { admin, mentor, p1, p2 } = await setup();
		const home = await makeUser(t.db, 'home');
		await saveMatters(t.db, admin, p1.id, filled);
		await expect(readMatters(t.db, p2, p1.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(readMatters(t.db, mentor, p1.id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(readMatters(t.db, home, p1.id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(readMatters(t.db, admin, mentor.id)).rejects.toMatchObject({
			code: 'not_found',
		});
	});

	it('only admins write, and nothing changes when they may not', async () => {
		const { admin, p1, p2 } = await setup();
		const secretariat = await makeUser(t.db, 'secretariat');
		for (const who of [p1, p2, secretariat])
			await expect(saveMatters(t.db, who, p1.id, filled)).rejects.toMatchObject({
				code: 'forbidden',
			});
		expect((await readMatters(t.db, admin, p1.id)).matters).toEqual(emptyMatters);
	});

	it('refuses inconsistent input beside the field that is wrong', async () => {
		const { admin, p1 } = await setup();
		await expect(
			saveMatters(t.db, admin, p1.id, { ...filled, visaObtainedOn: null }),
		).rejects.toMatchObject({ code: 'invalid', field: 'visaObtainedOn' });
		await expect(
			saveMatters(t.db, admin, p1.id, { ...filled, visaStatus: 'pending' }),
		).rejects.toMatchObject({ code: 'invalid', field: 'visaObtainedOn' });
		await expect(
			saveMatters(t.db, admin, p1.id, { ...filled, allowancePaidOn: '2026-02-31' }),
		).rejects.toMatchObject({ code: 'invalid', field: 'allowancePaidOn' });
		await expect(
			saveMatters(t.db, admin, p1.id, { ...filled, ticketItinerary: 'x'.repeat(2001) }),
		).rejects.toMatchObject({ code: 'invalid', field: 'ticketItinerary' });
		expect((await readMatters(t.db, admin, p1.id)).matters).toEqual(emptyMatters);
	});

	it('an archived cohort’s matters are read-only; the cohort page lists each participant', async () => {
		const { admin, cohort, p1, p2 } = await setup();
		await saveMatters(t.db, admin, p1.id, filled);
		await openOwnLetter(t.db, p2);
		const list = await listCohortMatters(t.db, cohort.id, [p1.id, p2.id]);
		expect(list.get(p1.id)).toMatchObject({ matters: filled, letter: 'not issued' });
		expect(list.get(p2.id)).toMatchObject({ matters: emptyMatters, letter: 'in force' });
		await setCohortArchived(t.db, admin.id, cohort.id, true);
		await expect(saveMatters(t.db, admin, p1.id, emptyMatters)).rejects.toMatchObject({
			code: 'forbidden',
		});
	});
});
