/**
 * The enrolment letter's identity (issue 30): the name as in the passport, nationality and date
 * of birth from the application, the passport number the participant gives; never on /verify.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	applicationTable,
	auditEventTable,
	editionTable,
	nominationTable,
	passportDetailTable,
} from '~db/schema';
import { storedAnswers } from '~/lib/office/application-form';
import { checkLetter, openOwnLetter } from '~/lib/server/enrolment/letter';
import { letterIdentity, savePassportNumber } from '~/lib/server/enrolment/passport';
import { findEnrolment } from '~/lib/server/enrolment/participant';
import { useTestDb } from '../helpers/db';
import { eligibleAnswers } from '../helpers/applications';
import { makeCohort, makeUser } from '../helpers/factories';

const t = useTestDb();

describe('the letter’s identity', () => {
	it('prints the passport name, nationality, birth date and the number the participant gave', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, mentor, participants } = await makeCohort(t.db, admin, 1);
		const p1 = participants[0]!;
		await t.db.insert(editionTable).values({
			id: 'ed',
			name: cohort.edition,
			slug: 'ed',
			applicationDeadline: '2026-07-31',
			selectionPeriod: 'x',
			programmePeriod: 'x',
			venue: 'RILO A/P, Tokyo, Japan',
			language: 'English',
			cohortId: cohort.id,
		});
		await t.db.insert(nominationTable).values({
			id: 'nom',
			editionId: 'ed',
			administrationId: 'wco-ap-japan',
			officerName: 'O',
			officerPost: 'P',
			officerEmail: 'o@customs.example',
			candidateName: p1.name,
			candidateEmail: p1.email,
			verifyTokenHash: 'v',
			verifyExpiresAt: new Date(),
			verifiedAt: new Date(),
		});
		await t.db.insert(applicationTable).values({
			id: 'app',
			nominationId: 'nom',
			editionId: 'ed',
			tokenHash: 't',
			answers: storedAnswers(
				eligibleAnswers({
					fullName: 'BRANDT Teo Marius',
					nationality: 'Aldorian',
					dateOfBirth: '1991-03-04',
				}),
			),
			status: 'submitted',
			submittedAt: new Date(),
			updatedAt: new Date(),
		});
		const enrolment = (await findEnrolment(t.db, p1.id))!;
		expect(await letterIdentity(t.db, enrolment)).toEqual({
			passportName: 'BRANDT Teo Marius',
			nationality: 'Aldorian',
			dateOfBirth: '1991-03-04',
			passportNumber: null,
		});
		await expect(savePassportNumber(t.db, p1, 'x1')).rejects.toMatchObject({
			field: 'passportNumber',
		});
		await expect(savePassportNumber(t.db, mentor, 'AB1234567')).rejects.toMatchObject({
			code: 'forbidden',
		});
		await savePassportNumber(t.db, p1, 'ab 123-4567');
		expect((await letterIdentity(t.db, enrolment)).passportNumber).toBe('AB1234567');
		// The audit says it was saved, never the number.
		const [audit] = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'passport.save'));
		expect(JSON.stringify(audit)).not.toContain('AB1234567');
		// The verification page's answer holds neither the number nor the passport data.
		const own = await openOwnLetter(t.db, p1);
		const check = await checkLetter(t.db, own!.letter!.code);
		expect(check!.status).toBe('valid');
		expect(JSON.stringify(check)).not.toMatch(/AB1234567|1991-03-04|Aldorian/);
		expect(await t.db.select().from(passportDetailTable)).toHaveLength(1);
	});
});
