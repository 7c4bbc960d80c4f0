/**
 * The enrolment letter's identity (issue 30): the name as in the passport, nationality and date
 * of birth from the application, the passport number the participant gives; never on /verify.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { addDays } from '~/lib/dates';
import { PASSPORT_RETENTION_DAYS } from '~/lib/enrolment/passport-retention';
import { erasePassportData } from '~/lib/server/enrolment/passport-retention';
import { describeJobReport, runDueWork } from '~/lib/server/clock/run-jobs';
import {
	applicationTable,
	auditEventTable,
	editionTable,
	nominationTable,
	passportDetailTable,
} from '~db/schema';
import { storedAnswers } from '~/lib/office/application-form';
import { checkLetter, openOwnLetter } from '~/lib/server/enrolment/letter';
import {
	erasedSentence,
	letterIdentity,
	savePassportNumber,
} from '~/lib/server/enrolment/passport';
import { findEnrolment } from '~/lib/server/enrolment/participant';
import { useTestDb } from '../helpers/db';
import { eligibleAnswers } from '../helpers/applications';
import { makeCohort, makeUser } from '../helpers/factories';

const t = useTestDb();
const settings = {
	publicUrl: 'https://portal.test',
	retentionMonths: 6,
	smtpUrl: undefined,
	from: 'portal@portal.test',
};

/** A cohort of one participant whose application (in the cohort's edition) gave passport data. */
async function participantWithApplication() {
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
	return { cohort, mentor, p1 };
}

describe('the letter’s identity', () => {
	it('prints the passport name, nationality, birth date and the number the participant gave', async () => {
		const { mentor, p1 } = await participantWithApplication();
		const enrolment = (await findEnrolment(t.db, p1.id))!;
		expect(await letterIdentity(t.db, enrolment)).toEqual({
			passportName: 'BRANDT Teo Marius',
			nationality: 'Aldorian',
			dateOfBirth: '1991-03-04',
			passportNumber: null,
			erasedAt: null,
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

describe('passport data retention', () => {
	it('erases every part of the passport data 30 days after the programme ends, audited, once', async () => {
		const { cohort, p1 } = await participantWithApplication();
		await savePassportNumber(t.db, p1, 'ZX9876543');
		const traces = ['ZX9876543', 'BRANDT Teo Marius', 'Aldorian', '1991-03-04'];
		const found = async () => {
			const tables = await t.db.all<{ name: string }>(
				sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
			);
			const hits: string[] = [];
			for (const { name } of tables) {
				const text = JSON.stringify(await t.db.all(sql.raw(`select * from "${name}"`)));
				for (const trace of traces) if (text.includes(trace)) hits.push(`${name}: ${trace}`);
			}
			return hits;
		};
		expect(await found()).toEqual(
			expect.arrayContaining(['passport_detail: ZX9876543', 'application: Aldorian']),
		);
		expect(PASSPORT_RETENTION_DAYS).toBe(30);
		// Day 30 after departure (Tokyo): still kept, for a late visa question.
		const lastDay = addDays(cohort.departureDate, PASSPORT_RETENTION_DAYS);
		const at = (day: string) => new Date(`${day}T03:00:00Z`);
		expect(await erasePassportData(t.db, at(lastDay))).toBe(0);
		expect(await found()).not.toEqual([]);
		// The next day the scheduler erases it; the letter says when.
		const report = await runDueWork(t.db, settings, at(addDays(lastDay, 1)));
		expect(report.passportsErased).toBe(1);
		expect(describeJobReport(report)).toContain(
			'passport data erased (retention rule) for 1 cohort',
		);
		expect(await found()).toEqual([]);
		expect(await t.db.select().from(passportDetailTable)).toEqual([]);
		const enrolment = (await findEnrolment(t.db, p1.id))!;
		const identity = await letterIdentity(t.db, enrolment);
		expect(identity).toMatchObject({
			passportName: null,
			nationality: null,
			dateOfBirth: null,
			passportNumber: null,
		});
		expect(identity.erasedAt).toEqual(at(addDays(lastDay, 1)));
		expect(erasedSentence(identity.erasedAt!)).toMatch(
			/^The passport data was erased on .* under the retention rule: it is kept only for the visa, until 30 days after the programme ends\.$/,
		);
		// It is not collected again, and a rerun changes nothing (one audit event).
		await expect(savePassportNumber(t.db, p1, 'ZX9876543')).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringMatching(/erased on/),
		});
		expect(await erasePassportData(t.db, at(addDays(lastDay, 9)))).toBe(0);
		const events = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'passport.erase'));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actorId: null, subjectType: 'cohort', subjectId: cohort.id });
		expect(events[0]!.details).toMatchObject({ scheduled: true, participants: 1, days: 30 });
	});
});
