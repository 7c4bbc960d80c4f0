/**
 * Screening overrides, score sheets, the selection rules, the decision notices, the
 * pre-filled invitation and the retention purge (issue 15, selection).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
	applicationTable,
	auditEventTable,
	offerTable,
	editionTable,
	invitationTable,
	mailOutboxTable,
	nominatingContactTable,
	nominationTable,
	reminderSentTable,
	scoreSheetTable,
	userTable,
} from '~db/schema';
import { deliverMail } from '~/lib/server/notify/outbox';
import { storedAnswers, type Answers } from '~/lib/office/application-form';
import { noticeText } from '~/lib/office/notice';
import { disagreement, selectionProblem } from '~/lib/office/selection-rules';
import { recuse } from '~/lib/server/office/declaration';
import { assignReviewer, unassignReviewer } from '~/lib/server/office/assignment';
import { loadOfficeTodoFacts } from '~/lib/server/todo/office';
import { buildOfficeTodo } from '~/lib/todo/office';
import { readListQuery } from '~/lib/office/application-list';
import { toCsv } from '~/lib/csv';
import {
	applicationRows,
	editionApplicationList,
	sheetRows,
} from '~/lib/server/office/application-list';
import { applicationReviewPage } from '~/lib/server/office/review-page';
import { createCohort } from '~/lib/server/cohort/manage';
import { RuleError } from '~/lib/server/errors';
import {
	findScreened,
	listApplicationsPage,
	readApplication,
} from '~/lib/server/office/application';
import { inviteSelected } from '~/lib/server/office/invite';
import { answerOffer, findOfferByToken, offersOf } from '~/lib/server/office/offer';
import { runDueWork } from '~/lib/server/clock/run-jobs';
import { hashToken } from '~/lib/server/ids';
import { readDecisionLetter, sendNotices } from '~/lib/server/office/notice';
import { overrideCheck, type OverrideInput } from '~/lib/server/office/override';
import { countPurgeDue, purgeApplications } from '~/lib/server/office/purge';
import { saveScoreSheet, sheetsFor } from '~/lib/server/office/score';
import {
	confirmSelection,
	recordSelection,
	reopenSelection,
	selectionBoard,
} from '~/lib/server/office/selection';
import type { SessionUser } from '~/lib/server/auth/session';
import { useTestDb } from '../helpers/db';
import { cohortInput, makeUser } from '../helpers/factories';
import { eligibleAnswers, scoreAssigned } from '../helpers/applications';

const t = useTestDb();
let admin: SessionUser;
let secretariat: SessionUser;
beforeEach(async () => {
	n = 0;
	admin = await makeUser(t.db, 'admin', 'Ada Admin');
	secretariat = await makeUser(t.db, 'secretariat', 'Sam Secretariat');
});

const edition = 'ed2026';
const september = Date.parse('2026-09-10T03:00:00Z');

/** The answers column keeps the form's raw fields, as the application form stores them. */
const answers = (overrides: Partial<Answers> = {}) => storedAnswers(eligibleAnswers(overrides));

async function makeEdition(cohortId: string | null = null) {
	await t.db.insert(editionTable).values({
		id: edition,
		name: '2026/2027',
		slug: '2026-2027',
		applicationDeadline: '2026-07-31',
		selectionPeriod: 'September 2026',
		programmePeriod: 'November–December 2026',
		venue: 'RILO A/P, Tokyo, Japan',
		language: 'English',
		cohortId,
	});
}

let n = 0;
/** A submitted application of the edition from this administration; returns its id. */
async function submitted(
	administrationId: string,
	name: string,
	overrides: Partial<Answers> = {},
	status: 'submitted' | 'draft' = 'submitted',
) {
	n += 1;
	// The office keeps the administrations' official domain: these nominations are verified.
	await t.db
		.insert(nominatingContactTable)
		.values({ administrationId, contact: 'customs.example' })
		.onConflictDoNothing();
	const nominationId = `nom${n}`;
	const at = new Date(Date.parse('2026-07-10T00:00:00Z') + n * 60_000);
	await t.db.insert(nominationTable).values({
		id: nominationId,
		editionId: edition,
		administrationId,
		officerName: `Officer ${n}`,
		officerPost: 'Director',
		officerEmail: `officer${n}@customs.example`,
		candidateName: name,
		candidateEmail: `${name.split(' ')[0]!.toLowerCase()}${n}@customs.example`,
		verifyTokenHash: `verify${n}`,
		verifyExpiresAt: at,
		verifiedAt: at,
	});
	const id = `app${n}`;
	await t.db.insert(applicationTable).values({
		id,
		nominationId,
		editionId: edition,
		tokenHash: `apptoken${n}`,
		answers: answers(overrides),
		status,
		submittedAt: status === 'submitted' ? at : null,
		updatedAt: at,
	});
	return id;
}

const full = {
	experience: '3',
	academic: '4',
	personal: '3',
	motivation: '4',
	leadership: '2',
	management: '3',
	career: '3',
};

async function rejects(work: Promise<unknown>, code: string, pattern?: RegExp) {
	const error = await work.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(RuleError);
	expect((error as RuleError).code).toBe(code);
	if (pattern) expect((error as RuleError).message).toMatch(pattern);
}

/** The admin scores every eligible candidate nobody has scored yet. */
async function scoreAll() {
	const board = await selectionBoard(t.db, admin, edition);
	for (const e of board!.ranking.filter((x) => !x.sheets.length))
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: e.row.application.id,
			scores: full,
			comment: '',
		});
}

/** Scores the unscored, records the selection as the admin and confirms it as the Secretariat. */
async function decide(ids: string[], at = september) {
	await scoreAll();
	await recordSelection(t.db, admin, edition, ids, at);
	await confirmSelection(t.db, secretariat, edition, at + 60_000);
}

/** The offer link of each candidate in the notices, by address (the notices are sent here). */
async function noticeLinks(at = september + 120_000) {
	const links = new Map<string, string>();
	await sendNotices(
		t.db,
		admin,
		edition,
		6,
		async (m) => {
			const token = /offer\?token=([a-z0-9]+)/.exec(m.text)?.[1];
			if (token) links.set(m.to, token);
			return 'kept';
		},
		at,
		(token) => `https://portal.example/apply/offer?token=${token}`,
	);
	return links;
}

/** Offer mail that goes nowhere: the reserve's offers, collected. */
const offered: { to: string; subject: string; text: string }[] = [];
const quietMail = {
	link: (token: string) => `https://portal.example/apply/offer?token=${token}`,
	deliver: async (m: { to: string; subject: string; text: string }) => {
		offered.push(m);
		return 'kept' as const;
	},
};

/** Overrides one screening check of an application, as the reviewer `by`. */
const override = (
	by: SessionUser,
	applicationId: string,
	checkKey: string,
	verdict: OverrideInput['verdict'],
	note: string,
	at?: number,
) => overrideCheck(t.db, by, { applicationId, checkKey, verdict, note }, at);

describe('screening override', () => {
	it('records the override with its note, who and when; the list and the page reflect it', async () => {
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Dana Equivalent', { degreeLevel: 'equivalent' });
		expect((await findScreened(t.db, id))!.standing).toBe('to_check');
		await rejects(override(admin, id, 'degree', 'met', ''), 'invalid', /why/);
		await override(secretariat, id, 'degree', 'met', 'Three-year academy diploma.', september);
		const read = await readApplication(t.db, admin, id);
		const degree = read!.requirements.find((c) => c.key === 'degree')!;
		expect(degree).toMatchObject({ verdict: 'met', automatic: 'to_check' });
		expect(degree.override).toMatchObject({
			note: 'Three-year academy diploma.',
			by: 'Sam Secretariat',
		});
		expect(degree.override!.at.getTime()).toBe(september);
		expect(read!.standing).toBe('met');
		const { page } = await listApplicationsPage(t.db, admin, { editionId: edition });
		expect(page[0]!.standing).toBe('met');
		// Every read stays audited; the override itself is audited too.
		const audit = await t.db.select().from(auditEventTable);
		expect(audit.filter((a) => a.action === 'application.read')).toHaveLength(1);
		expect(audit.find((a) => a.action === 'screening.override')).toMatchObject({
			actorId: secretariat.id,
			subjectId: id,
		});
		// Withdrawn: back to the automatic result.
		await override(admin, id, 'degree', 'automatic', '');
		expect((await findScreened(t.db, id))!.standing).toBe('to_check');
	});
	it('can make an eligible candidate not eligible, and refuses unknown checks and drafts', async () => {
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Eli Gible');
		await override(admin, id, 'english', 'not_met', 'Interview: not enough.');
		expect((await findScreened(t.db, id))!.standing).toBe('not_met');
		await rejects(override(admin, id, 'height', 'met', 'x x x'), 'invalid');
		const draft = await submitted('wco-ap-korea', 'Drew Draft', {}, 'draft');
		await rejects(override(admin, draft, 'degree', 'met', 'x x x'), 'not_found');
	});
});

describe('score sheets', () => {
	it('keeps one sheet per reviewer, editable by its reviewer only, side by side', async () => {
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Sco Red');
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: id,
			scores: full,
			comment: 'Strong.',
		});
		await scoreAssigned(t.db, secretariat, {
			noConflict: true,
			applicationId: id,
			scores: { ...full, leadership: '4' },
			comment: '',
		});
		// The admin edits their own sheet: the Secretariat's stays as it was.
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: id,
			scores: { ...full, career: '1' },
			comment: 'Revised.',
		});
		const sheets = (await sheetsFor(t.db, [id])).get(id)!;
		expect(sheets).toHaveLength(2);
		const mine = sheets.find((s) => s.reviewerId === admin.id)!;
		const theirs = sheets.find((s) => s.reviewerId === secretariat.id)!;
		expect(mine).toMatchObject({ total: 20, comment: 'Revised.' });
		expect(theirs).toMatchObject({ total: 24, comment: '' });
		expect(await t.db.select().from(scoreSheetTable)).toHaveLength(2);
		const board = await selectionBoard(t.db, admin, edition);
		expect(board!.ranking[0]!.average).toBe(22);
	});
	it('refuses other roles, incomplete sheets, levels out of range and ineligible candidates', async () => {
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Sco Red');
		for (const role of ['participant', 'mentor', 'home'] as const) {
			const other = await makeUser(t.db, role);
			await rejects(
				scoreAssigned(t.db, other, {
					noConflict: true,
					applicationId: id,
					scores: full,
					comment: '',
				}),
				'forbidden',
			);
			await rejects(override(other, id, 'degree', 'met', 'x x x'), 'forbidden');
		}
		await expect(
			scoreAssigned(t.db, admin, {
				noConflict: true,
				applicationId: id,
				scores: { ...full, career: '' },
				comment: '',
			}),
		).rejects.toMatchObject({ problems: { career: expect.stringMatching(/career path/) } });
		await expect(
			scoreAssigned(t.db, admin, {
				noConflict: true,
				applicationId: id,
				scores: { ...full, career: '7' },
				comment: '',
			}),
		).rejects.toMatchObject({ problems: { career: expect.any(String) } });
		const young = await submitted('wco-ap-korea', 'Too Young', { yearsInCustoms: '1' });
		await rejects(
			scoreAssigned(t.db, admin, {
				noConflict: true,
				applicationId: young,
				scores: full,
				comment: '',
			}),
			'conflict',
			/not eligible/,
		);
		expect(await t.db.select().from(scoreSheetTable)).toHaveLength(0);
	});
});

describe('the selection', () => {
	it('states each rule in words', () => {
		const p = (name: string, adm: string, standing: 'met' | 'to_check' | 'not_met' = 'met') => ({
			name,
			administrationId: adm,
			administration: `Customs of ${adm}`,
			standing,
		});
		expect(selectionProblem([])).toMatch(/none is ticked/);
		expect(selectionProblem(['a', 'b', 'c', 'd', 'e'].map((x) => p(x, x)))).toMatch(
			/At most 4 candidates.*5 are ticked/,
		);
		expect(selectionProblem([p('Ann', 'x'), p('Bo', 'x')])).toBe(
			'At most one candidate per Member administration: Ann and Bo are both from Customs of x.',
		);
		expect(selectionProblem([p('Ann', 'x', 'to_check')])).toMatch(
			/Ann’s screening still has a result to check/,
		);
		expect(selectionProblem([p('Ann', 'x', 'not_met')])).toMatch(
			/Ann does not meet every requirement/,
		);
		expect(selectionProblem([p('a', 'a'), p('b', 'b'), p('c', 'c'), p('d', 'd')])).toBeNull();
	});
	it('refuses a fifth candidate, two from one administration (naming it) and the ineligible', async () => {
		await makeEdition();
		const ids = [
			await submitted('wco-ap-japan', 'Ann Japan'),
			await submitted('wco-ap-korea', 'Bo Korea'),
			await submitted('wco-ap-mongolia', 'Cy Mongolia'),
			await submitted('wco-ap-china', 'Di China'),
			await submitted('wco-ap-macao-china', 'Ed Macao'),
		];
		const twin = await submitted('wco-ap-japan', 'Fay Japan');
		const ineligible = await submitted('wco-ap-hong-kong-china', 'Gus Young', {
			yearsInCustoms: '1',
		});
		const toCheck = await submitted('wco-ap-hong-kong-china', 'Hal Basic', {
			englishLevel: 'basic',
		});
		// The office allowed Japan's second nomination: the selection still takes one per administration.
		for (const id of [ids[0]!, twin])
			await override(admin, id, 'single', 'met', 'Japan asked to nominate two; allowed.');
		await rejects(recordSelection(t.db, admin, edition, ids), 'invalid', /At most 4 candidates/);
		await rejects(
			recordSelection(t.db, admin, edition, [ids[0]!, twin]),
			'invalid',
			/Ann Japan and Fay Japan are both from Japan/,
		);
		await rejects(
			recordSelection(t.db, admin, edition, [ineligible]),
			'invalid',
			/Gus Young does not meet/,
		);
		await rejects(
			recordSelection(t.db, admin, edition, [toCheck]),
			'invalid',
			/Hal Basic’s screening/,
		);
		const draft = await submitted('wco-ap-singapore', 'Ivy Draft', {}, 'draft');
		await rejects(
			recordSelection(t.db, admin, edition, [draft]),
			'invalid',
			/Only submitted applications/,
		);
		const mentor = await makeUser(t.db, 'mentor');
		await rejects(recordSelection(t.db, mentor, edition, ids.slice(0, 4)), 'forbidden');
		expect(await selectionBoard(t.db, admin, edition).then((b) => b!.decision)).toBeNull();

		await scoreAll();
		await recordSelection(t.db, secretariat, edition, ids.slice(0, 4), september);
		const board = await selectionBoard(t.db, admin, edition);
		expect(board!.decision).toMatchObject({ by: 'Sam Secretariat' });
		expect(board!.decision!.selection.decidedAt.getTime()).toBe(september);
		expect(board!.entries.filter((e) => e.selected).map((e) => e.row.application.id)).toEqual(
			ids.slice(0, 4),
		);
		// Read-only once recorded: no second decision, no scores, no overrides.
		await rejects(
			recordSelection(t.db, admin, edition, [ids[4]!]),
			'conflict',
			/already recorded and read-only/,
		);
		await rejects(
			scoreAssigned(t.db, admin, {
				noConflict: true,
				applicationId: ids[0]!,
				scores: full,
				comment: '',
			}),
			'conflict',
			/read-only/,
		);
		await rejects(
			override(admin, toCheck, 'english', 'met', 'Interview ok.'),
			'conflict',
			/read-only/,
		);
		// Reopened explicitly, audited: editable again.
		await reopenSelection(t.db, admin, edition);
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: ids[0]!,
			scores: full,
			comment: '',
		});
		const actions = (await t.db.select().from(auditEventTable)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['selection.record', 'selection.reopen']));
	});
});

describe('decision notices and invitations', () => {
	it('words a notice for the selected and the not selected, to the candidate and officer, once', async () => {
		await makeEdition();
		const yes = await submitted('wco-ap-japan', 'Ann Japan');
		const no = await submitted('wco-ap-korea', 'Bo Korea');
		await decide([yes]);
		const mails: { to: string; subject: string; text: string }[] = [];
		// No mail server: everything waits in the outbox, RILO A/P's copies included.
		const result = await sendNotices(
			t.db,
			admin,
			edition,
			6,
			async (m) => {
				mails.push(m);
				return deliverMail(t.db, undefined, 'portal@portal.test', m);
			},
			september + 120_000,
			(token) => `https://portal.example/apply/offer?token=${token}`,
			'office@rilo-ap.test',
		);
		expect(result).toEqual({ emailed: 0, kept: 6, unchanged: 0, copies: 2 });
		expect(mails.map((m) => m.to).sort()).toEqual(
			[
				'ann1@customs.example',
				'bo2@customs.example',
				'officer1@customs.example',
				'officer2@customs.example',
				'office@rilo-ap.test',
				'office@rilo-ap.test',
			].sort(),
		);
		// The copies: each candidate's notice, marked, without the candidate's offer link.
		const copies = await t.db
			.select()
			.from(mailOutboxTable)
			.where(eq(mailOutboxTable.to, 'office@rilo-ap.test'));
		expect(copies.map((c) => c.subject).sort()).toEqual([
			'Copy: RILO A/P Programme 2026/2027: application of Bo Korea',
			'Copy: RILO A/P Programme 2026/2027: selection of Ann Japan',
		]);
		const annCopy = copies.find((c) => c.subject.includes('Ann Japan'))!;
		expect(annCopy.text).toMatch(/Dear Ann Japan,/);
		expect(annCopy.text).toContain('Copy: the programme office of the Regional Intelligence');
		expect(annCopy.text).not.toMatch(/offer\?token=/);
		expect(annCopy.text).toContain('(the candidate’s link, not copied)');
		const toAnn = mails.find((m) => m.to === 'ann1@customs.example')!;
		expect(toAnn.text).toMatch(/Dear Ann Japan,/);
		expect(toAnn.text).toMatch(/selected you for the 2026\/2027 edition/);
		const toBoOfficer = mails.find((m) => m.to === 'officer2@customs.example')!;
		expect(toBoOfficer.text).toMatch(/Dear Officer 2,/);
		expect(toBoOfficer.text).toMatch(/Bo Korea’s application was not among those selected/);
		expect(toBoOfficer.text).toMatch(/deleted 6 months after the decision/);
		await rejects(
			sendNotices(t.db, admin, edition, 6, async () => 'sent'),
			'conflict',
			/not sent twice/,
		);
		const letter = await readDecisionLetter(t.db, admin, no, 6);
		expect(letter!.facts).toMatchObject({ selected: false, decidedOn: '10 September 2026' });
		expect(noticeText(letter!.facts, 'candidate')).toMatch(/Dear Bo Korea/);
	});
	it('pre-fills the selected candidate’s invitation, and says to create the cohort when there is none', async () => {
		await makeEdition();
		const yes = await submitted('wco-ap-japan', 'Ann Japan');
		const no = await submitted('wco-ap-korea', 'Bo Korea');
		await rejects(
			sendNotices(t.db, admin, edition, 6, async () => 'kept'),
			'conflict',
			/Record the selection first/,
		);
		await decide([yes]);
		const input = { name: 'Ann Japan', email: 'ann1@customs.example' };
		await rejects(inviteSelected(t.db, admin, yes, input), 'conflict', /no cohort yet.*New cohort/);
		await createCohort(t.db, admin.id, cohortInput({ edition: '2026/2027' }));
		await rejects(
			inviteSelected(t.db, admin, no, input),
			'conflict',
			/not among the recorded selection/,
		);
		await rejects(inviteSelected(t.db, secretariat, yes, input), 'forbidden');
		await rejects(inviteSelected(t.db, admin, yes, input), 'conflict', /not been offered/);
		const link = await noticeLinks();
		await rejects(inviteSelected(t.db, admin, yes, input), 'conflict', /not accepted the place/);
		await answerOffer(t.db, link.get('ann1@customs.example')!, 'accept', quietMail, september);
		const made = await inviteSelected(t.db, admin, yes, input);
		expect(made.token.length).toBeGreaterThan(10);
		const [inv] = await t.db
			.select()
			.from(invitationTable)
			.where(eq(invitationTable.id, made.invitation.id));
		expect(inv).toMatchObject({
			email: 'ann1@customs.example',
			name: 'Ann Japan',
			role: 'participant',
			cohortId: made.cohort.id,
			administrationId: 'wco-ap-japan',
		});
	});
});

describe('retention purge', () => {
	const month = 31 * 86_400_000;
	it('deletes only unsuccessful applications past retention, keeps the selected and the recent', async () => {
		await makeEdition();
		const yes = await submitted('wco-ap-japan', 'Ann Japan');
		const no = await submitted('wco-ap-korea', 'Bo Korea');
		const draft = await submitted('wco-ap-mongolia', 'Cy Draft', {}, 'draft');
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: no,
			scores: full,
			comment: 'x',
		});
		await decide([yes]);
		// Recent: nothing is due yet.
		expect(await countPurgeDue(t.db, 6, september + 5 * month)).toEqual({
			nominations: 0,
			applications: 0,
		});
		expect(await purgeApplications(t.db, admin, 6, september + 5 * month)).toEqual({
			nominations: 0,
			applications: 0,
		});
		// Another edition without a decision keeps its applications whatever their age.
		await t.db.insert(editionTable).values({
			id: 'ed2027',
			name: '2027/2028',
			slug: '2027-2028',
			applicationDeadline: '2027-07-31',
			selectionPeriod: 'x',
			programmePeriod: 'x',
			venue: 'x',
			language: 'English',
		});
		await t.db.insert(nominationTable).values({
			id: 'nomnext',
			editionId: 'ed2027',
			administrationId: 'wco-ap-japan',
			officerName: 'O',
			officerPost: 'P',
			officerEmail: 'o@x.example',
			candidateName: 'Next Year',
			candidateEmail: 'next@x.example',
			verifyTokenHash: 'nextverify',
			verifyExpiresAt: new Date(september),
			verifiedAt: new Date(september),
		});
		const later = september + 7 * month;
		expect(await countPurgeDue(t.db, 6, later)).toEqual({ nominations: 2, applications: 2 });
		const participant = await makeUser(t.db, 'participant');
		await rejects(purgeApplications(t.db, participant, 6, later), 'forbidden');
		await rejects(purgeApplications(t.db, secretariat, 6, later), 'forbidden');
		expect(await purgeApplications(t.db, admin, 6, later)).toEqual({
			nominations: 2,
			applications: 2,
		});
		const apps = (await t.db.select().from(applicationTable)).map((a) => a.id);
		expect(apps).toEqual([yes]);
		const noms = (await t.db.select().from(nominationTable)).map((x) => x.candidateName).sort();
		expect(noms).toEqual(['Ann Japan', 'Next Year']);
		const sheets = await t.db.select().from(scoreSheetTable);
		expect(sheets.map((x) => x.applicationId)).toEqual([yes]);
		expect(draft).toBeTruthy();
		// The audit keeps the count only: no name, no address.
		const [purge] = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'application.purge'));
		expect(purge!.details).toEqual({ nominations: 2, applications: 2, retentionMonths: 6 });
		expect(JSON.stringify(purge)).not.toMatch(/Bo Korea|customs\.example/);
		// A shorter configured period deletes sooner.
		expect(await countPurgeDue(t.db, 1, september + 2 * month)).toEqual({
			nominations: 0,
			applications: 0,
		});
	});
});

describe('who may reach applications', () => {
	it('refuses participants, mentors and home contacts on every application read and write', async () => {
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Ann Japan');
		for (const role of ['participant', 'mentor', 'home'] as const) {
			const other = await makeUser(t.db, role);
			await rejects(readApplication(t.db, other, id), 'forbidden');
			await rejects(listApplicationsPage(t.db, other, {}), 'forbidden');
			await rejects(selectionBoard(t.db, other, edition), 'forbidden');
			await rejects(recordSelection(t.db, other, edition, [id]), 'forbidden');
			await rejects(reopenSelection(t.db, other, edition), 'forbidden');
			await rejects(
				sendNotices(t.db, other, edition, 6, async () => 'kept'),
				'forbidden',
			);
			await rejects(readDecisionLetter(t.db, other, id, 6), 'forbidden');
			await rejects(
				inviteSelected(t.db, other, id, { name: 'x', email: 'x@x.example' }),
				'forbidden',
			);
			await rejects(purgeApplications(t.db, other, 6), 'forbidden');
		}
		expect(
			await t.db
				.select()
				.from(auditEventTable)
				.where(eq(auditEventTable.action, 'application.read')),
		).toHaveLength(0);
	});
});

describe('a selection only when it can be right (issue 30)', () => {
	it('refuses before the deadline and while an eligible candidate is unscored; an admin overrides with a reason, audited', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		await submitted('wco-ap-korea', 'Bo Korea');
		const july = Date.parse('2026-07-20T00:00:00Z');
		await rejects(
			recordSelection(t.db, admin, edition, [ann], july),
			'conflict',
			/still open until Fri 31 Jul 2026.*2 eligible candidates have no score sheet yet: Ann Japan, Bo Korea/,
		);
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: ann,
			scores: full,
			comment: '',
		});
		await rejects(
			recordSelection(t.db, admin, edition, [ann], september),
			'conflict',
			/One eligible candidate has no score sheet yet: Bo Korea\. An admin may record it anyway/,
		);
		await rejects(
			recordSelection(t.db, secretariat, edition, [ann], september, 'We agreed by phone.'),
			'forbidden',
		);
		await rejects(recordSelection(t.db, admin, edition, [ann], september, 'ok'), 'invalid');
		expect((await selectionBoard(t.db, admin, edition))!.timing).toHaveLength(1);
		await recordSelection(
			t.db,
			admin,
			edition,
			[ann],
			september,
			'Bo Korea withdrew by letter of 2 September.',
		);
		const board = await selectionBoard(t.db, admin, edition);
		expect(board!.decision!.selection.overrideReason).toBe(
			'Bo Korea withdrew by letter of 2 September.',
		);
		const [audit] = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'selection.record'));
		expect(audit!.details).toMatchObject({
			reason: 'Bo Korea withdrew by letter of 2 September.',
			overridden: [expect.stringMatching(/no score sheet/)],
		});
	});

	it('takes effect only once the programme office and the WCO Secretariat have both confirmed', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		await scoreAll();
		await recordSelection(t.db, admin, edition, [ann], september);
		await createCohort(t.db, admin.id, cohortInput({ edition: '2026/2027' }));
		const kept = async () => 'kept' as const;
		await rejects(
			sendNotices(t.db, admin, edition, 6, kept),
			'conflict',
			/WCO Secretariat has not/,
		);
		await rejects(
			inviteSelected(t.db, admin, ann, { name: 'Ann Japan', email: 'ann1@customs.example' }),
			'conflict',
			/takes effect once both/,
		);
		await rejects(confirmSelection(t.db, admin, edition), 'conflict', /already confirmed/);
		await confirmSelection(t.db, secretariat, edition, september + 1000);
		const decision = (await selectionBoard(t.db, admin, edition))!.decision!;
		expect(decision.inEffect).toBe(true);
		expect(decision.selection.secretariatConfirmedById).toBe(secretariat.id);
		expect(decision.selection.officeConfirmedById).toBe(admin.id);
		const mails: { to: string; text: string }[] = [];
		await sendNotices(t.db, admin, edition, 6, async (m) => {
			mails.push(m);
			return 'kept';
		});
		// In the WCO Secretariat's name, RILO A/P in copy, with the cohort's exact dates.
		expect(mails[0]!.text).toMatch(/The WCO Secretariat, World Customs Organization/);
		expect(mails[0]!.text).toMatch(/Copy: the programme office of .*RILO A\/P/);
		expect(mails[0]!.text).toMatch(/runs from \w{3} \d+ \w{3} 20\d\d to/);
		const actions = (await t.db.select().from(auditEventTable)).map((a) => a.action);
		expect(actions).toContain('selection.confirm');
	});

	it('after a reopening, writes again only to the people whose outcome changed', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		const bo = await submitted('wco-ap-korea', 'Bo Korea');
		await submitted('wco-ap-mongolia', 'Cy Mongolia');
		await decide([ann]);
		const first: string[] = [];
		const r1 = await sendNotices(t.db, admin, edition, 6, async (m) => {
			first.push(m.to);
			return 'kept';
		});
		expect(r1).toEqual({ emailed: 0, kept: 6, unchanged: 0, copies: 0 });
		await reopenSelection(t.db, admin, edition);
		await decide([bo]);
		const second: string[] = [];
		const r2 = await sendNotices(t.db, admin, edition, 6, async (m) => {
			second.push(m.to);
			return 'kept';
		});
		expect(r2).toEqual({ emailed: 0, kept: 4, unchanged: 1, copies: 0 });
		expect(second.sort()).toEqual(
			[
				'ann1@customs.example',
				'bo2@customs.example',
				'officer1@customs.example',
				'officer2@customs.example',
			].sort(),
		);
	});

	it('the purge leaves no row anywhere naming the deleted candidate or their officer', async () => {
		await makeEdition();
		const yes = await submitted('wco-ap-japan', 'Ann Japan');
		const no = await submitted('wco-ap-korea', 'Bo Korea');
		await scoreAssigned(t.db, secretariat, {
			noConflict: true,
			applicationId: no,
			scores: full,
			comment: 'Bo Korea is keen.',
		});
		await decide([yes]);
		await sendNotices(t.db, admin, edition, 6, (m) =>
			deliverMail(t.db, undefined, 'x@x.example', m),
		);
		await deliverMail(t.db, undefined, 'x@x.example', {
			to: 'office@rilo.example',
			subject: 'A second nomination',
			text: 'The form received a nomination of Bo Korea (Korea) from officer2@customs.example.',
		});
		await t.db.insert(reminderSentTable).values({
			key: `application_due|${no}|2026-07-28|bo2@customs.example`,
			kind: 'application_due',
			subjectId: no,
			due: '2026-07-28',
			recipient: 'bo2@customs.example',
			sentAt: new Date(september),
		});
		const traces = ['Bo Korea', 'bo2@customs.example', 'officer2@customs.example', 'Officer 2'];
		const found = async () => {
			const tables = await t.db.all<{ name: string }>(
				sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
			);
			const hits: string[] = [];
			for (const { name } of tables) {
				const rows = await t.db.all(sql.raw(`select * from "${name}"`));
				const text = JSON.stringify(rows);
				for (const trace of traces) if (text.includes(trace)) hits.push(`${name}: ${trace}`);
			}
			return hits;
		};
		expect((await found()).length).toBeGreaterThan(3);
		await purgeApplications(t.db, admin, 6, september + 7 * 31 * 86_400_000);
		expect(await found()).toEqual([]);
		// What is kept stays: the selected candidate's notices.
		const outbox = await t.db.select().from(mailOutboxTable);
		expect(outbox.map((m) => m.to).sort()).toEqual([
			'ann1@customs.example',
			'officer1@customs.example',
		]);
	});
});

describe('fair review (issue 30)', () => {
	it('scores blind: others’ sheets are withheld until the reader has saved their own', async () => {
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Ann Japan');
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: id,
			scores: full,
			comment: 'Ann is strong.',
		});
		const before = await applicationReviewPage(t.db, secretariat, id);
		expect(before!.sheets).toEqual([]);
		expect(before!.hiddenSheets).toBe(1);
		const board = await selectionBoard(t.db, secretariat, edition);
		expect(board!.ranking[0]!.blind).toBe(true);
		// A sheet without the declaration of no conflict is refused, nothing saved.
		await expect(
			scoreAssigned(t.db, secretariat, {
				noConflict: false,
				applicationId: id,
				scores: full,
				comment: '',
			}),
		).rejects.toMatchObject({ problems: { noConflict: expect.stringMatching(/conflict/) } });
		await scoreAssigned(t.db, secretariat, {
			noConflict: true,
			applicationId: id,
			scores: full,
			comment: '',
		});
		const after = await applicationReviewPage(t.db, secretariat, id);
		expect(after!.sheets.map((s) => s.comment)).toContain('Ann is strong.');
		expect((await selectionBoard(t.db, secretariat, edition))!.ranking[0]!.blind).toBe(false);
	});

	it('recuses a reviewer who declares a conflict, and one from the candidate’s own administration', async () => {
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Ann Japan');
		await scoreAssigned(t.db, secretariat, {
			noConflict: true,
			applicationId: id,
			scores: full,
			comment: '',
		});
		await rejects(
			recuse(t.db, secretariat, { applicationId: id, note: 'no' }),
			'invalid',
			/why you recuse/,
		);
		await recuse(t.db, secretariat, { applicationId: id, note: 'Ann Japan is my cousin.' });
		expect((await sheetsFor(t.db, [id])).get(id)).toBeUndefined();
		await rejects(
			scoreAssigned(t.db, secretariat, {
				noConflict: true,
				applicationId: id,
				scores: full,
				comment: '',
			}),
			'conflict',
			/recused yourself.*cousin/,
		);
		const page = await applicationReviewPage(t.db, admin, id);
		expect(page!.recusals).toMatchObject([
			{ name: 'Sam Secretariat', note: 'Ann Japan is my cousin.' },
		]);
		// A reviewer whose account belongs to Japan is recused from Japan's candidate automatically.
		const japanese = await makeUser(t.db, 'secretariat', 'Jun Japan');
		await t.db
			.update(userTable)
			.set({ administrationId: 'wco-ap-japan' })
			.where(eq(userTable.id, japanese.id));
		await rejects(
			scoreAssigned(t.db, japanese, {
				noConflict: true,
				applicationId: id,
				scores: full,
				comment: '',
			}),
			'conflict',
			/recused automatically.*Japan/,
		);
		expect(
			await t.db
				.select()
				.from(auditEventTable)
				.where(eq(auditEventTable.action, 'application.recuse')),
		).toHaveLength(1);
	});

	it('flags totals further apart than the threshold and holds the selection until discussed', async () => {
		expect(disagreement([19, 8])).toBe(11);
		expect(disagreement([20, 14])).toBeNull();
		expect(disagreement([20])).toBeNull();
		await makeEdition();
		const id = await submitted('wco-ap-japan', 'Ann Japan');
		const low = {
			...full,
			experience: '1',
			academic: '1',
			personal: '1',
			motivation: '1',
			leadership: '1',
			management: '1',
			career: '1',
		};
		const high = { ...full, experience: '4', academic: '4', personal: '4', motivation: '4' };
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: id,
			scores: low,
			comment: '',
		});
		await scoreAssigned(t.db, secretariat, {
			noConflict: true,
			applicationId: id,
			scores: high,
			comment: '',
		});
		const board = await selectionBoard(t.db, admin, edition);
		expect(board!.ranking[0]).toMatchObject({
			gap: 17,
			sheets: [expect.anything(), expect.anything()],
		});
		await rejects(
			recordSelection(t.db, admin, edition, [id], september),
			'conflict',
			/disagree on Ann Japan by more than 6 points \(totals (7 and 24|24 and 7)\)/,
		);
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: id,
			scores: high,
			comment: 'Revised after discussion.',
		});
		await recordSelection(t.db, admin, edition, [id], september);
	});
});

describe('reviewer assignment (issue 30)', () => {
	it('the office assigns reviewers; only they score; own administration recused automatically; audited', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		const bo = await submitted('wco-ap-korea', 'Bo Korea');
		// Not assigned: the sheet is refused, saying so (an admin may assign themself).
		await rejects(
			saveScoreSheet(t.db, admin, {
				noConflict: true,
				applicationId: ann,
				scores: full,
				comment: '',
			}),
			'conflict',
			/not assigned to review this candidate.*assign yourself/,
		);
		// Only an admin assigns; unknown records and non-reviewers are refused.
		await rejects(
			assignReviewer(t.db, secretariat, { applicationIds: [ann], reviewerId: secretariat.id }),
			'forbidden',
		);
		await rejects(
			assignReviewer(t.db, admin, { applicationIds: ['nosuchapp'], reviewerId: admin.id }),
			'not_found',
		);
		const mentor = await makeUser(t.db, 'mentor', 'Mo Mentor');
		await rejects(
			assignReviewer(t.db, admin, { applicationIds: [ann], reviewerId: mentor.id }),
			'invalid',
			/admin or a WCO Secretariat account/,
		);
		await rejects(
			assignReviewer(t.db, admin, { applicationIds: [], reviewerId: admin.id }),
			'invalid',
			/Tick the applications/,
		);
		// A reviewer of Japan's administration is never assigned to Japan's candidate.
		const japanese = await makeUser(t.db, 'secretariat', 'Jun Japan');
		await t.db
			.update(userTable)
			.set({ administrationId: 'wco-ap-japan' })
			.where(eq(userTable.id, japanese.id));
		await rejects(
			assignReviewer(t.db, admin, { applicationIds: [ann], reviewerId: japanese.id }),
			'conflict',
			/Jun Japan belongs to .*Japan.*recused automatically/,
		);
		// In bulk: skipped and named, the others assigned.
		const bulk = await assignReviewer(t.db, admin, {
			applicationIds: [ann, bo],
			reviewerId: japanese.id,
		});
		expect(bulk).toMatchObject({ assigned: 1, skipped: ['Ann Japan'] });
		await assignReviewer(t.db, admin, { applicationIds: [ann, bo], reviewerId: admin.id });
		await assignReviewer(t.db, admin, { applicationIds: [ann], reviewerId: secretariat.id });
		// Assigning again changes nothing.
		expect(
			await assignReviewer(t.db, admin, { applicationIds: [ann], reviewerId: admin.id }),
		).toMatchObject({ assigned: 0 });
		expect(
			await t.db
				.select()
				.from(auditEventTable)
				.where(eq(auditEventTable.action, 'application.assign')),
		).toHaveLength(4);
		const page = await applicationReviewPage(t.db, admin, ann);
		expect(page!.assigned.map((a) => a.name).sort()).toEqual(['Ada Admin', 'Sam Secretariat']);
		expect(page!.reviewers.find((r) => r.id === japanese.id)?.recusal).toMatch(
			/recused automatically/,
		);
		expect(page!.progress).toEqual({ expected: 2, in: 0, missing: expect.any(Array) });

		// Blind between assigned reviewers: the second sees the first's sheet only after their own.
		await saveScoreSheet(
			t.db,
			admin,
			{ noConflict: true, applicationId: ann, scores: full, comment: 'Mine.' },
			september,
		);
		const before = await applicationReviewPage(t.db, secretariat, ann);
		expect(before!.sheets).toEqual([]);
		expect(before!.hiddenSheets).toBe(1);
		// The selection waits for the assigned reviewers' sheets (the Secretariat's, Jun's on Bo's).
		await saveScoreSheet(
			t.db,
			admin,
			{ noConflict: true, applicationId: bo, scores: full, comment: '' },
			september,
		);
		await rejects(
			recordSelection(t.db, admin, edition, [ann], september),
			'conflict',
			/Ann Japan waits for the score sheet of Sam Secretariat.*Bo Korea waits for the score sheet of Jun Japan/,
		);
		const board = await selectionBoard(t.db, admin, edition);
		expect(board!.ranking.find((e) => e.row.application.id === ann)!.progress).toMatchObject({
			in: 1,
			expected: 2,
		});
		// A reviewer with a sheet in stays; one without is taken off (audited); unknown: 404.
		await rejects(
			unassignReviewer(t.db, admin, { applicationId: ann, reviewerId: admin.id }),
			'conflict',
			/already scored this candidate/,
		);
		await unassignReviewer(t.db, admin, { applicationId: bo, reviewerId: japanese.id });
		await rejects(
			unassignReviewer(t.db, admin, { applicationId: bo, reviewerId: japanese.id }),
			'not_found',
		);
		await rejects(
			unassignReviewer(t.db, secretariat, { applicationId: ann, reviewerId: secretariat.id }),
			'forbidden',
		);
		expect(
			await t.db
				.select()
				.from(auditEventTable)
				.where(eq(auditEventTable.action, 'application.unassign')),
		).toHaveLength(1);
		// A recused reviewer is not waited for.
		await recuse(t.db, secretariat, { applicationId: ann, note: 'I trained Ann Japan last year.' });
		await recordSelection(t.db, admin, edition, [ann], september);
		// Once recorded, assignments are read-only too.
		await rejects(
			assignReviewer(t.db, admin, { applicationIds: [bo], reviewerId: secretariat.id }),
			'conflict',
			/read-only/,
		);
	});
});

describe('the admin’s to-do and assignments (issue 30)', () => {
	it('lists applications with no reviewer, then those assigned to the admin and not scored', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		await submitted('wco-ap-korea', 'Bo Korea');
		await submitted('wco-ap-mongolia', 'Gus Young', { yearsInCustoms: '1' });
		const texts = async () =>
			buildOfficeTodo(await loadOfficeTodoFacts(t.db, admin, 6, new Date(september))).map(
				(i) => i.text,
			);
		// Gus Young is screened out: nobody needs to review him.
		expect(await texts()).toContain('2 applications for 2026/2027 have no reviewer assigned yet.');
		expect((await texts()).some((x) => /wait for your score/.test(x))).toBe(false);
		await assignReviewer(t.db, admin, { applicationIds: [ann], reviewerId: admin.id });
		expect(await texts()).toEqual(
			expect.arrayContaining([
				'1 application for 2026/2027 has no reviewer assigned yet.',
				'1 application for 2026/2027 waits for your score.',
			]),
		);
	});
});

describe('the office’s list and its CSV (issue 30)', () => {
	it('searches, filters by standing, administration and reviewer, sorts, and exports formula-safe', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		const bo = await submitted('wco-ap-korea', '=1+1\n+2 Korea');
		await submitted('wco-ap-mongolia', 'Gus Young', { yearsInCustoms: '1' });
		await assignReviewer(t.db, admin, { applicationIds: [bo], reviewerId: admin.id });
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: ann,
			scores: full,
			comment: '@SUM(A1) fine',
		});
		const base = readListQuery(new URLSearchParams());
		const all = await editionApplicationList(t.db, admin, edition, base);
		expect(all!.items).toHaveLength(3);
		const names = async (params: Record<string, string>) =>
			(await editionApplicationList(
				t.db,
				admin,
				edition,
				readListQuery(new URLSearchParams(params)),
			))!.items.map((i) => i.name);
		expect(await names({ q: 'japan' })).toEqual(['Ann Japan']);
		expect(await names({ standing: 'not_met' })).toEqual(['Gus Young']);
		expect(await names({ administration: 'wco-ap-korea' })).toEqual(['=1+1\n+2 Korea']);
		// By assignment: everything assigned to the admin, or only what still waits for their sheet.
		expect(await names({ reviewer: admin.id, sort: 'name' })).toEqual([
			'=1+1\n+2 Korea',
			'Ann Japan',
		]);
		expect(await names({ reviewer: admin.id, waiting: '1' })).toEqual(['=1+1\n+2 Korea']);
		expect(await names({ reviewer: secretariat.id })).toEqual([]);
		expect((await names({ sort: 'average' }))[0]).toBe('Ann Japan');
		const csv = toCsv(applicationRows(all!), ['Candidate', 'Administration', 'Standing']);
		expect(csv).toContain(`"'=1+1\n+2 Korea"`);
		// Blind: the Secretariat, who has not scored, gets no sheet in the export.
		const theirs = await editionApplicationList(t.db, secretariat, edition, base);
		expect(sheetRows(theirs!)).toEqual([]);
		const mine = sheetRows(all!);
		expect(mine).toHaveLength(1);
		expect(toCsv(mine, ['Candidate', 'Comment'])).toContain("'@SUM(A1) fine");
	});
});

describe('offer and acceptance (issue 30)', () => {
	beforeEach(() => {
		offered.length = 0;
	});

	it('the notice carries the reply-by date and link; the candidate accepts once, audited; then is invited', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		await submitted('wco-ap-korea', 'Bo Korea');
		await createCohort(t.db, admin.id, cohortInput({ edition: '2026/2027' }));
		await decide([ann]);
		const mails: { to: string; text: string }[] = [];
		await sendNotices(
			t.db,
			admin,
			edition,
			6,
			async (m) => {
				mails.push(m);
				return 'kept';
			},
			september + 120_000,
			(token) => `https://portal.example/apply/offer?token=${token}`,
		);
		const toAnn = mails.find((m) => m.to === 'ann1@customs.example')!.text;
		// Both confirmations on 10 September (Tokyo): 14 days to answer.
		expect(toAnn).toMatch(/accept or decline the place by Thu 24 Sep 2026, 23:59 Tokyo time/);
		expect(toAnn).toMatch(/https:\/\/portal\.example\/apply\/offer\?token=[a-z0-9]+/);
		expect(mails.find((m) => m.to === 'officer1@customs.example')!.text).toMatch(
			/Ann Japan is asked to accept or decline the place by Thu 24 Sep 2026/,
		);
		expect(mails.find((m) => m.to === 'bo2@customs.example')!.text).not.toMatch(/reply|offer\?/);
		const token = /offer\?token=([a-z0-9]+)/.exec(toAnn)![1]!;
		const input = { name: 'Ann Japan', email: 'ann1@customs.example' };
		await rejects(inviteSelected(t.db, admin, ann, input), 'conflict', /not accepted the place/);
		const done = await answerOffer(t.db, token, 'accept', quietMail, september + 86_400_000);
		expect(done.state).toBe('accepted');
		await rejects(
			answerOffer(t.db, token, 'decline', quietMail, september + 2 * 86_400_000),
			'conflict',
			/already answered.*accepted/,
		);
		const [offer] = await t.db.select().from(offerTable).where(eq(offerTable.applicationId, ann));
		expect(offer).toMatchObject({ state: 'accepted', replyBy: '2026-09-24', fromReserve: false });
		const actions = (await t.db.select().from(auditEventTable)).map((a) => a.action);
		expect(actions).toContain('offer.accept');
		expect(offered).toHaveLength(0);
		await inviteSelected(t.db, admin, ann, input);
	});

	it('a decline offers the place to the next of the reserve list, skipping an administration already holding one', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		const bo = await submitted('wco-ap-korea', 'Bo Korea');
		const cy = await submitted('wco-ap-korea', 'Cy Korea');
		const di = await submitted('wco-ap-mongolia', 'Di Mongolia');
		for (const id of [bo, cy])
			await override(admin, id, 'single', 'met', 'Two nominations allowed for this test.');
		await createCohort(t.db, admin.id, cohortInput({ edition: '2026/2027' }));
		await decide([ann, bo]);
		const links = await noticeLinks();
		const declineAt = Date.parse('2026-09-15T01:00:00Z');
		const done = await answerOffer(
			t.db,
			links.get('ann1@customs.example')!,
			'decline',
			{ ...quietMail, copyTo: 'office@rilo-ap.test' },
			declineAt,
		);
		// Cy Korea ranks first of the reserve (same average, by name), but Korea holds Bo's offer.
		expect(done.next).toMatchObject({
			applicationId: di,
			name: 'Di Mongolia',
			replyBy: '2026-09-29',
		});
		// The offer, and RILO A/P's copy of it (without the candidate's link).
		expect(offered).toHaveLength(2);
		expect(offered[1]).toMatchObject({
			to: 'office@rilo-ap.test',
			subject: expect.stringMatching(/^Copy: .*a place offered to Di Mongolia/),
		});
		expect(offered[1]!.text).not.toMatch(/offer\?token=/);
		expect(offered[0]!.to).toBe('di4@customs.example');
		expect(offered[0]!.subject).toMatch(/a place offered to Di Mongolia/);
		expect(offered[0]!.text).toMatch(/by Tue 29 Sep 2026, 23:59 Tokyo time/);
		expect(offered[0]!.text).toMatch(/No insurance|provides no insurance/);
		const offers = await offersOf(
			t.db,
			(await selectionBoard(t.db, admin, edition))!.decision!.selection.id,
		);
		expect(offers.get(ann)?.state).toBe('declined');
		expect(offers.get(bo)?.state).toBe('offered');
		expect(offers.get(cy)).toBeUndefined();
		expect(offers.get(di)).toMatchObject({ state: 'offered', fromReserve: true });
		const actions = (await t.db.select().from(auditEventTable)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['offer.decline', 'offer.reserve']));
		// The reserve candidate accepts from the link in their offer, and is invited.
		const token = /offer\?token=([a-z0-9]+)/.exec(offered[0]!.text)![1]!;
		await answerOffer(t.db, token, 'accept', quietMail, declineAt + 86_400_000);
		await inviteSelected(t.db, admin, di, { name: 'Di Mongolia', email: 'di4@customs.example' });
		await rejects(
			inviteSelected(t.db, admin, cy, { name: 'Cy Korea', email: 'cy3@customs.example' }),
			'conflict',
			/not among the recorded selection/,
		);
		// The letter of the reserve candidate now says selected.
		expect((await readDecisionLetter(t.db, admin, di, 6))!.facts.selected).toBe(true);
	});

	it('an offer not answered by the date lapses when the scheduler runs, and the reserve is offered', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		const bo = await submitted('wco-ap-korea', 'Bo Korea');
		await decide([ann]);
		const links = await noticeLinks();
		const settings = {
			smtpUrl: undefined,
			from: 'portal@example.org',
			publicUrl: 'https://portal.example',
			retentionMonths: 6,
		};
		// Still open on the last day (Tokyo): nothing lapses.
		let report = await runDueWork(t.db, settings, new Date('2026-09-24T14:00:00Z'));
		expect(report.offersLapsed).toBe(0);
		report = await runDueWork(t.db, settings, new Date('2026-09-24T15:01:00Z'));
		expect(report.offersLapsed).toBe(1);
		const [lapsed] = await t.db.select().from(offerTable).where(eq(offerTable.applicationId, ann));
		expect(lapsed!.state).toBe('lapsed');
		const [next] = await t.db.select().from(offerTable).where(eq(offerTable.applicationId, bo));
		expect(next).toMatchObject({ state: 'offered', fromReserve: true, replyBy: '2026-10-09' });
		const mail = await t.db
			.select()
			.from(mailOutboxTable)
			.where(eq(mailOutboxTable.to, 'bo2@customs.example'));
		expect(mail.map((m) => m.text).join()).toMatch(
			/https:\/\/portal\.example\/apply\/offer\?token=[a-z0-9]+/,
		);
		await rejects(
			answerOffer(t.db, links.get('ann1@customs.example')!, 'accept', quietMail),
			'conflict',
			/lapsed/,
		);
		// A rerun changes nothing.
		report = await runDueWork(t.db, settings, new Date('2026-09-24T16:00:00Z'));
		expect(report.offersLapsed).toBe(0);
		const actions = (await t.db.select().from(auditEventTable)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['offer.lapse', 'offer.reserve']));
	});

	it('opens only with the candidate’s own offer or application link: a wrong or foreign one is not found', async () => {
		await makeEdition();
		const ann = await submitted('wco-ap-japan', 'Ann Japan');
		const bo = await submitted('wco-ap-korea', 'Bo Korea');
		await t.db
			.update(applicationTable)
			.set({ tokenHash: hashToken('ann-application-link') })
			.where(eq(applicationTable.id, ann));
		await t.db
			.update(applicationTable)
			.set({ tokenHash: hashToken('bo-application-link') })
			.where(eq(applicationTable.id, bo));
		await decide([ann]);
		await noticeLinks();
		expect((await findOfferByToken(t.db, 'ann-application-link'))?.offer.applicationId).toBe(ann);
		expect(await findOfferByToken(t.db, 'bo-application-link')).toBeNull();
		expect(await findOfferByToken(t.db, 'not-a-link-at-all')).toBeNull();
		expect(await findOfferByToken(t.db, '')).toBeNull();
		await rejects(answerOffer(t.db, 'bo-application-link', 'accept', quietMail), 'not_found');
		await rejects(answerOffer(t.db, 'wrong-token-123', 'decline', quietMail), 'not_found');
		expect(offered).toHaveLength(0);
	});
});
