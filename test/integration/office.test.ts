import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applicationTable, auditEventTable, editionTable, nominationTable } from '~db/schema';
import { readAnswers, type Answers } from '~/lib/office/application-form';
import { callIsOpen, shiftDay, shiftYears } from '~/lib/office/call-dates';
import { overallVerdict, screenProfile, screenRequirements } from '~/lib/office/screening';
import { mayReadApplications } from '~/lib/server/office/access';
import {
	findApplicationByToken,
	IncompleteApplication,
	listApplicationsPage,
	readApplication,
	saveApplication,
} from '~/lib/server/office/application';
import {
	createNextEdition,
	extendDeadline,
	findEdition,
	listEditionsWithCounts,
} from '~/lib/server/office/edition';
import {
	confirmNomination,
	nominate,
	requestNomination,
	verifyLinkLifetimeMs,
} from '~/lib/server/office/nomination';
import { RuleError } from '~/lib/server/errors';
import { addNominatingContact } from '~/lib/server/office/nominating-contact';
import { useTestDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { eligibleAnswers } from '../helpers/applications';

const t = useTestDb();

/** Before the 2027 deadline, Tokyo time. */
const july = Date.parse('2027-07-01T00:00:00Z');

async function makeEdition(deadline = '2027-07-31') {
	const [row] = await t.db
		.insert(editionTable)
		.values({
			id: 'ed2027',
			name: '2027/2028',
			slug: '2027-2028',
			applicationDeadline: deadline,
			selectionPeriod: 'early to mid September 2027',
			programmePeriod: 'November–December 2027',
			venue: 'RILO A/P, Tokyo, Japan',
			language: 'English',
		})
		.returning();
	return row!;
}

const nominee = {
	administrationId: 'wco-ap-japan',
	officerName: 'Officer One',
	officerPost: 'Director',
	officerEmail: 'officer@customs.example',
	candidateName: 'Cand Idate',
	candidateEmail: 'Cand@Customs.Example',
};

/** A nomination confirmed, returning the candidate's token. */
async function nominated(now = july) {
	const edition = await findEdition(t.db, 'ed2027');
	const { token } = await requestNomination(t.db, edition!, nominee, now);
	const done = await confirmNomination(t.db, token, now + 1000);
	return done.applicationToken;
}

const complete = eligibleAnswers;

const facts = (answers: Answers, active = true) => ({
	answers,
	administration: { name: 'Japan', active },
	nomination: {
		officerName: 'O',
		officerPost: 'P',
		verified: true,
		officialAddress: true,
		otherNominees: [] as string[],
	},
});
const verdictOf = (answers: Answers, key: string, active = true) =>
	screenRequirements(facts(answers, active)).find((c) => c.key === key)!.verdict;

describe('screening against the requirements', () => {
	it('passes a complete, eligible application with every requirement met', () => {
		const checks = screenRequirements(facts(complete()));
		expect(checks).toHaveLength(10);
		expect(checks.every((c) => c.verdict === 'met' && c.reason.length > 3)).toBe(true);
		expect(overallVerdict(checks)).toBe('met');
		expect(screenProfile(complete()).every((p) => p.verdict === 'met')).toBe(true);
	});
	it('says not met, to check or met for each rule, with the reason', () => {
		expect(verdictOf(complete({ yearsInCustoms: '2' }), 'years')).toBe('not_met');
		expect(verdictOf(complete({ yearsInCustoms: '3' }), 'years')).toBe('met');
		expect(verdictOf(complete({ degreeLevel: 'equivalent' }), 'degree')).toBe('to_check');
		expect(verdictOf(complete({ degreeLevel: 'none' }), 'degree')).toBe('not_met');
		expect(verdictOf(complete({ englishLevel: 'basic' }), 'english')).toBe('to_check');
		expect(verdictOf(complete({ computerSkills: 'none' }), 'computer')).toBe('not_met');
		expect(
			verdictOf(complete({ expertise: [], expertiseDetail: 'Port controls' }), 'expertise'),
		).toBe('to_check');
		expect(verdictOf(complete({ expertise: [], expertiseDetail: '' }), 'expertise')).toBe(
			'not_met',
		);
		expect(verdictOf(complete({ customsOfficer: false }), 'officer')).toBe('not_met');
		expect(verdictOf(complete({ fitness: false }), 'fitness')).toBe('not_met');
		expect(verdictOf(complete(), 'member', false)).toBe('not_met');
		const years = screenRequirements(facts(complete({ yearsInCustoms: '2' }))).find(
			(c) => c.key === 'years',
		)!;
		expect(years.reason).toBe('2 years in Customs, fewer than 3.');
	});
	it('ranks not met above to check in the standing; the profile never decides eligibility', () => {
		const mixed = screenRequirements(
			facts(complete({ yearsInCustoms: '1', englishLevel: 'basic' })),
		);
		expect(overallVerdict(mixed)).toBe('not_met');
		expect(overallVerdict(screenRequirements(facts(complete({ englishLevel: 'basic' }))))).toBe(
			'to_check',
		);
		const plain = complete({ programming: [], visualisation: [], clikc: [], grade: 'senior' });
		expect(screenProfile(plain).every((p) => p.verdict === 'not_met')).toBe(true);
		expect(overallVerdict(screenRequirements(facts(plain)))).toBe('met');
	});
});

describe('editions and the deadline', () => {
	it('closes at the end of the deadline day, Tokyo time', () => {
		expect(callIsOpen('2026-07-31', Date.parse('2026-07-31T14:59:59Z'))).toBe(true);
		expect(callIsOpen('2026-07-31', Date.parse('2026-07-31T15:00:00Z'))).toBe(false);
	});
	it('creates the next edition a year later with its texts, only from the latest', async () => {
		const admin = await makeUser(t.db, 'admin');
		await makeEdition();
		const next = await createNextEdition(t.db, admin.id, 'ed2027');
		expect(next).toMatchObject({
			name: '2028/2029',
			slug: '2028-2029',
			applicationDeadline: '2028-07-31',
			selectionPeriod: 'early to mid September 2028',
			programmePeriod: 'November–December 2028',
			venue: 'RILO A/P, Tokyo, Japan',
			cohortId: null,
		});
		await expect(createNextEdition(t.db, admin.id, 'ed2027')).rejects.toThrow(/latest edition/);
		expect(shiftYears('2026/2027')).toBe('2027/2028');
		expect(shiftDay('2028-02-29')).toBe('2029-02-28');
	});
	it('refuses nominations and applications after the deadline; an extension reopens the call', async () => {
		const admin = await makeUser(t.db, 'admin');
		await makeEdition();
		const token = await nominated();
		const late = Date.parse('2027-08-02T00:00:00Z');
		await expect(saveApplication(t.db, token, complete(), true, late)).rejects.toThrow(
			/closed on .*31 Jul 2027.*no longer accepted/,
		);
		const edition = await findEdition(t.db, 'ed2027');
		await expect(
			requestNomination(t.db, edition!, { ...nominee, candidateEmail: 'b@c.example' }, late),
		).rejects.toThrow(/closed/);
		await expect(extendDeadline(t.db, admin.id, 'ed2027', '2027-07-30', late)).rejects.toThrow(
			/after the current deadline/,
		);
		await extendDeadline(t.db, admin.id, 'ed2027', '2027-08-15', late);
		const extended = await findEdition(t.db, 'ed2027');
		expect(extended).toMatchObject({
			applicationDeadline: '2027-08-15',
			originalDeadline: '2027-07-31',
		});
		const done = await saveApplication(t.db, token, complete(), true, late);
		expect(done.submitted).toBe(true);
	});
});

describe('nomination confirmed by the officer’s email', () => {
	it('records nothing as a nomination until confirmed, then opens the application once', async () => {
		const edition = await makeEdition();
		const { token } = await requestNomination(t.db, edition, nominee, july);
		expect(await t.db.select().from(applicationTable)).toHaveLength(0);
		const [pending] = await t.db.select().from(nominationTable);
		expect(pending!.verifiedAt).toBeNull();
		expect(pending!.candidateEmail).toBe('cand@customs.example');
		const done = await confirmNomination(t.db, token, july + 1000);
		expect(await findApplicationByToken(t.db, done.applicationToken)).not.toBeNull();
		await expect(confirmNomination(t.db, token, july + 2000)).rejects.toThrow(
			/already confirmed: the link works once/,
		);
		expect(await t.db.select().from(applicationTable)).toHaveLength(1);
	});
	it('refuses an expired link and an unknown one, and a second nomination of the same candidate', async () => {
		const edition = await makeEdition();
		const { token } = await requestNomination(t.db, edition, nominee, july);
		await expect(confirmNomination(t.db, token, july + verifyLinkLifetimeMs)).rejects.toThrow(
			/expired/,
		);
		await expect(confirmNomination(t.db, 'nosuchtokenatall', july)).rejects.toMatchObject({
			code: 'not_found',
		});
		const again = await requestNomination(t.db, edition, nominee, july);
		await confirmNomination(t.db, again.token, july + 1);
		await expect(requestNomination(t.db, edition, nominee, july + 2)).rejects.toThrow(
			/already nominated/,
		);
		// The public form answers as for a new nomination; nothing is recorded but the audit.
		const before = await t.db.select().from(nominationTable);
		const dup = await nominate(t.db, edition, nominee, july + 3);
		expect(dup).toMatchObject({ duplicate: true, candidateName: nominee.candidateName });
		expect(await t.db.select().from(nominationTable)).toEqual(before);
		const fresh = await nominate(
			t.db,
			edition,
			{ ...nominee, candidateEmail: 'new@c.example' },
			july + 4,
		);
		expect(fresh.duplicate).toBe(false);
		await expect(
			requestNomination(t.db, edition, { ...nominee, administrationId: 'nope' }, july),
		).rejects.toMatchObject({ field: 'administrationId' });
	});
});

describe('save and resume', () => {
	it('keeps a partial draft, resumes it by the same link, and submits once complete', async () => {
		await makeEdition();
		const token = await nominated();
		await saveApplication(
			t.db,
			token,
			readAnswers({ fullName: 'Cand', motivation: 'Half' }),
			false,
			july,
		);
		const resumed = await findApplicationByToken(t.db, token);
		expect(resumed!.application.status).toBe('draft');
		expect(readAnswers(resumed!.application.answers)).toMatchObject({
			fullName: 'Cand',
			motivation: 'Half',
		});
		const partial = readAnswers({ ...resumed!.application.answers, post: 'Analyst' });
		const error = await saveApplication(t.db, token, partial, true, july).catch((e) => e);
		expect(error).toBeInstanceOf(IncompleteApplication);
		expect(Object.keys((error as IncompleteApplication).problems)).toContain('yearsInCustoms');
		// Saved even though not submitted: nothing typed is lost.
		const after = await findApplicationByToken(t.db, token);
		expect(after!.application.answers.post).toBe('Analyst');
		expect(after!.application.status).toBe('draft');
		await saveApplication(t.db, token, complete(), true, july);
		await expect(saveApplication(t.db, token, complete(), false, july)).rejects.toThrow(
			/already submitted/,
		);
		const bad = await saveApplication(t.db, 'x'.repeat(32), complete(), false, july).catch(
			(e) => e,
		);
		expect(bad).toBeInstanceOf(RuleError);
	});
	it('refuses a malformed number of years beside its field', async () => {
		await makeEdition();
		const token = await nominated();
		await expect(
			saveApplication(t.db, token, complete({ yearsInCustoms: 'five' }), false, july),
		).rejects.toMatchObject({ field: 'yearsInCustoms' });
	});
});

describe('who reads applications', () => {
	it('admins (and the Secretariat) only; every read is audited', async () => {
		await makeEdition();
		const token = await nominated();
		await saveApplication(t.db, token, complete(), true, july);
		const [app] = await t.db.select().from(applicationTable);
		const admin = await makeUser(t.db, 'admin');
		// From an address the office does not know: held for the office to verify.
		expect((await readApplication(t.db, admin, app!.id))!.standing).toBe('to_check');
		await addNominatingContact(t.db, admin, {
			administrationId: nominee.administrationId,
			contact: '@Customs.Example',
		});
		for (const role of ['participant', 'mentor'] as const) {
			const other = await makeUser(t.db, role);
			expect(mayReadApplications(other)).toBe(false);
			await expect(readApplication(t.db, other, app!.id)).rejects.toMatchObject({
				code: 'forbidden',
			});
			await expect(listApplicationsPage(t.db, other, {})).rejects.toMatchObject({
				code: 'forbidden',
			});
		}
		expect(mayReadApplications({ role: 'secretariat' })).toBe(true);
		const read = await readApplication(t.db, admin, app!.id);
		expect(read!.standing).toBe('met');
		expect(await readApplication(t.db, admin, 'nosuchapplication')).toBeNull();
		const audits = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'application.read'));
		expect(audits).toHaveLength(2);
		expect(audits[0]).toMatchObject({ actorId: admin.id, subjectId: app!.id });
	});
	it('pages the list with a keyset cursor, newest first, drafts left out', async () => {
		await makeEdition();
		const admin = await makeUser(t.db, 'admin');
		const edition = await findEdition(t.db, 'ed2027');
		for (let i = 0; i < 5; i++) {
			const { token } = await requestNomination(
				t.db,
				edition!,
				{ ...nominee, candidateEmail: `c${i}@x.example` },
				july,
			);
			const { applicationToken } = await confirmNomination(t.db, token, july);
			if (i < 4) await saveApplication(t.db, applicationToken, complete(), true, july + i * 1000);
		}
		const first = await listApplicationsPage(t.db, admin, { limit: 3 });
		expect(first.page).toHaveLength(3);
		expect(first.next).not.toBeNull();
		const [at, id] = first.next!.split('.');
		const second = await listApplicationsPage(t.db, admin, {
			limit: 3,
			after: { at: Number(at), id: id! },
		});
		expect(second.page).toHaveLength(1);
		expect(second.next).toBeNull();
		const times = [...first.page, ...second.page].map((p) =>
			p.row.application.submittedAt!.getTime(),
		);
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});
});

describe('the editions list', () => {
	it('counts confirmed nominations and submitted applications per edition', async () => {
		await makeEdition();
		const token = await nominated();
		await saveApplication(t.db, token, complete(), true, july);
		const edition = await findEdition(t.db, 'ed2027');
		await requestNomination(t.db, edition!, { ...nominee, candidateEmail: 'x@y.example' }, july);
		const [row] = await listEditionsWithCounts(t.db);
		expect(Number(row!.nominations)).toBe(1);
		expect(Number(row!.submitted)).toBe(1);
	});
});
