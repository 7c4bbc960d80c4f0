/**
 * The programme office's reminders against a real database: the call of the 2027/2028 edition
 * closes on Sat 31 Jul 2027, 23:59 Tokyo time, and every call day is a Tokyo day. Emails to
 * people without an account (nominating officers, candidates) go through a real SMTP server.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { notInArray } from 'drizzle-orm';
import { adminMatterTable, administrationTable, type Edition } from '~db/schema';
import type { Reminder } from '~/lib/clock/reminder';
import { runDueWork } from '~/lib/server/clock/run-jobs';
import { confirmNomination, requestNomination } from '~/lib/server/office/nomination';
import { confirmSelection, recordSelection } from '~/lib/server/office/selection';
import { sendNotices } from '~/lib/server/office/notice';
import type { SessionUser } from '~/lib/server/auth/session';
import { useTestDb } from '../helpers/db';
import { makeApplication, makeCohortWith, makeEdition, makeUser } from '../helpers/factories';
import { eligibleAnswers, scoreAssigned } from '../helpers/applications';
import { assignReviewer } from '~/lib/server/office/assignment';
import { jobSettings } from '../helpers/clock';
import { plainBody, useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
const received = smtp.received;

const t = useTestDb();
let admin: SessionUser;
let secretariat: SessionUser;
let edition: Edition;
beforeEach(async () => {
	admin = await makeUser(t.db, 'admin', 'Ada Admin');
	secretariat = await makeUser(t.db, 'secretariat', 'Sam Secretariat');
	edition = await makeEdition(t.db, '2027-07-31');
});

/** The reminders one run sends at `iso`, of the kinds starting with `prefix`. */
async function run(iso: string, prefix = ''): Promise<Reminder[]> {
	const { reminders } = await runDueWork(t.db, jobSettings(smtp.url), new Date(iso));
	return reminders.filter((r) => r.kind.startsWith(prefix));
}
const to = (r: Reminder) => ('userId' in r.recipient ? r.recipient.userId : r.recipient.email);

describe('the call for applications', () => {
	it('tells admins 14 and 3 days before the deadline which Members have not nominated', async () => {
		// Two active Members keep the list short; the seeded others are deactivated.
		await t.db
			.update(administrationTable)
			.set({ deactivatedAt: new Date() })
			.where(notInArray(administrationTable.id, ['wco-ap-japan', 'wco-ap-korea']));
		await makeApplication(t.db, edition.id, 'wco-ap-japan', 'Ann Japan', { status: 'draft' });
		expect(await run('2027-07-16T14:30:00Z', 'call_')).toEqual([]); // 16 Jul in Tokyo: 15 days
		const sent = await run('2027-07-16T15:30:00Z', 'call_'); // 17 Jul in Tokyo
		expect(sent.map((r) => [r.kind, to(r)])).toEqual([['call_deadline_14d', admin.id]]);
		expect(sent[0]!.text).toContain('closes on Sat 31 Jul 2027 (in 14 days), 23:59 Tokyo time');
		expect(sent[0]!.text).toContain('1 of 2 Member administrations');
		expect(sent[0]!.text).toContain('Not yet nominated: Korea.');
		expect(sent[0]!.messageKind).toBe('office');
		expect(await run('2027-07-20T01:00:00Z', 'call_')).toEqual([]);
		expect((await run('2027-07-28T01:00:00Z', 'call_')).map((r) => r.kind)).toEqual([
			'call_deadline_3d',
		]);
	});

	it('sends nothing once every active Member has a confirmed nomination', async () => {
		await t.db
			.update(administrationTable)
			.set({ deactivatedAt: new Date() })
			.where(notInArray(administrationTable.id, ['wco-ap-japan', 'wco-ap-korea']));
		await makeApplication(t.db, edition.id, 'wco-ap-japan', 'Ann Japan');
		await makeApplication(t.db, edition.id, 'wco-ap-korea', 'Bo Korea');
		expect(await run('2027-07-17T01:00:00Z', 'call_')).toEqual([]);
		expect(await run('2027-07-28T01:00:00Z', 'call_')).toEqual([]);
	});

	it('emails the officer whose nomination was not confirmed after 3 days, with the call’s page', async () => {
		const officer = {
			administrationId: 'wco-ap-japan',
			officerName: 'Olga Officer',
			officerPost: 'Director',
			officerEmail: 'olga@customs.example',
			candidateName: 'Cand Idate',
			candidateEmail: 'cand@customs.example',
		};
		const july1 = Date.parse('2027-07-01T03:00:00Z');
		await requestNomination(t.db, edition, officer, july1);
		// A request replaced by a confirmed one for the same candidate is not nudged.
		const other = {
			...officer,
			officerEmail: 'otto@customs.example',
			candidateEmail: 'x@c.example',
		};
		await requestNomination(t.db, edition, other, july1);
		const again = await requestNomination(t.db, edition, other, july1 + 86_400_000);
		await confirmNomination(t.db, again.token, july1 + 86_400_000 + 1000);
		expect(await run('2027-07-03T14:00:00Z', 'nomination_')).toEqual([]); // 3 Jul in Tokyo
		const sent = await run('2027-07-03T15:30:00Z', 'nomination_'); // 4 Jul in Tokyo
		expect(sent.map((r) => [r.kind, to(r), r.messageKind])).toEqual([
			['nomination_unconfirmed', 'olga@customs.example', 'nudge'],
		]);
		expect(received.map((m) => m.to)).toEqual([['olga@customs.example']]);
		const body = plainBody(received[0]!.body);
		expect(body).toContain('Dear Olga Officer');
		expect(body).toContain('has expired');
		expect(body).toContain('https://portal.test/apply/2027-2028');
		expect(await run('2027-07-05T01:00:00Z', 'nomination_')).toEqual([]);
	});

	it('reminds a candidate with an unsubmitted application 3 days before the deadline', async () => {
		const draft = await makeApplication(t.db, edition.id, 'wco-ap-japan', 'Ann Japan', {
			status: 'draft',
		});
		await makeApplication(t.db, edition.id, 'wco-ap-korea', 'Bo Korea');
		expect(await run('2027-07-27T14:00:00Z', 'application_')).toEqual([]); // 27 Jul in Tokyo
		const sent = await run('2027-07-27T15:30:00Z', 'application_'); // 28 Jul in Tokyo
		expect(sent.map((r) => [r.kind, to(r), r.messageKind])).toEqual([
			['application_deadline_3d', draft.candidateEmail, 'deadline'],
		]);
		const body = plainBody(received.find((m) => m.to.includes(draft.candidateEmail))!.body);
		expect(body).toContain('Sat 31 Jul 2027 (in 3 days)');
		expect(body).toContain('the link in the email you received');
		expect(body).toContain('does not keep that link');
		expect(await run('2027-07-31T01:00:00Z', 'application_')).toEqual([]);
	});
});

describe('after the call', () => {
	let japan: string;
	let korea: string;
	beforeEach(async () => {
		({ id: japan } = await makeApplication(t.db, edition.id, 'wco-ap-japan', 'Ann Japan'));
		({ id: korea } = await makeApplication(t.db, edition.id, 'wco-ap-korea', 'Bo Korea'));
		// Screened out (too few years in Customs): nobody scores it.
		await makeApplication(t.db, edition.id, 'wco-ap-hong-kong-china', 'Gus Young', {
			answers: eligibleAnswers({ yearsInCustoms: '1' }),
		});
		const levels = { experience: '3', academic: '3', personal: '3', motivation: '3' };
		const scores = { ...levels, leadership: '3', management: '3', career: '3' };
		await scoreAssigned(t.db, admin, {
			noConflict: true,
			applicationId: japan,
			scores,
			comment: '',
		});
		// The office assigned both reviewers to both eligible candidates.
		await assignReviewer(t.db, admin, { applicationIds: [japan, korea], reviewerId: admin.id });
		await assignReviewer(t.db, admin, {
			applicationIds: [japan, korea],
			reviewerId: secretariat.id,
		});
	});

	it('asks for the selection once and for missing scores weekly, per reviewer', async () => {
		// Still 31 Jul in Tokyo: the call is open, and nothing about the selection goes out yet.
		expect((await run('2027-07-31T14:30:00Z')).map((r) => r.kind)).toEqual(['call_deadline_3d']);
		const first = await run('2027-07-31T15:30:00Z'); // 1 Aug in Tokyo
		expect(first.map((r) => [r.kind, to(r)]).sort()).toEqual(
			[
				['selection_due', admin.id],
				['scoring_waiting', admin.id],
				['scoring_waiting', secretariat.id],
			].sort(),
		);
		const text = (id: string) => first.find((r) => r.kind === 'scoring_waiting' && to(r) === id)!;
		expect(text(admin.id).text).toMatch(/^1 eligible application to the 2027\/2028 edition waits/);
		expect(text(secretariat.id).text).toMatch(/^2 eligible applications/);
		expect(first.find((r) => r.kind === 'selection_due')!.text).toContain(
			'closed on Sat 31 Jul 2027 (1 day ago) with 2 eligible applications',
		);
		expect(await run('2027-08-03T01:00:00Z')).toEqual([]);
		const week = await run('2027-08-08T01:00:00Z');
		expect(week.map((r) => [r.kind, r.due])).toEqual([
			['scoring_waiting', '2027-08-08'],
			['scoring_waiting', '2027-08-08'],
		]);
	});

	it('stops once the selection is recorded, then reminds of the notices until they are sent', async () => {
		const at = Date.parse('2027-08-09T02:00Z');
		await recordSelection(
			t.db,
			admin,
			edition.id,
			[japan, korea],
			at,
			'Reminder test: scored on paper.',
		);
		await confirmSelection(t.db, secretariat, edition.id, at);
		expect(await run('2027-08-09T05:00:00Z')).toEqual([]);
		const next = await run('2027-08-10T01:00:00Z');
		expect(next.map((r) => [r.kind, to(r)])).toEqual([['notices_unsent', admin.id]]);
		expect(next[0]!.link).toBe('/admin/selection/2027-2028');
		await sendNotices(t.db, admin, edition.id, 6, async () => 'kept');
		expect(await run('2027-08-17T01:00:00Z')).toEqual([]);
	});
});

describe('admin matters before training', () => {
	it('names what is missing for each participant 21 and 7 days before the first day', async () => {
		const { cohort, participants } = await makeCohortWith(t.db, admin, {
			trainingStart: '2026-12-28',
		});
		const [done, open] = participants as [SessionUser, SessionUser];
		await t.db.insert(adminMatterTable).values([
			{
				participantId: done.id,
				cohortId: cohort.id,
				allowancePaidOn: '2026-12-01',
				ticketItinerary: 'NRT, 29 Nov',
				insuranceConfirmedOn: '2026-12-01',
				visaStatus: 'not_needed',
				updatedAt: new Date(),
			},
			{
				participantId: open.id,
				cohortId: cohort.id,
				visaStatus: 'obtained',
				visaObtainedOn: '2026-12-02',
				updatedAt: new Date(),
			},
		]);
		expect(await run('2026-12-06T14:00:00Z', 'admin_matters')).toEqual([]); // 22 days before
		const sent = await run('2026-12-06T15:30:00Z', 'admin_matters'); // 7 Dec in Tokyo
		expect(sent.map((r) => [r.kind, r.subjectId, to(r)])).toEqual([
			['admin_matters_21d', open.id, admin.id],
		]);
		expect(sent[0]!.text).toContain('starts on Mon 28 Dec 2026 (in 21 days)');
		expect(sent[0]!.text).toContain(
			'ticket not issued, insurance not confirmed, allowance not paid',
		);
		expect(sent[0]!.text).not.toContain('visa');
		expect(sent[0]!.link).toBe(`/admin/participants/${open.id}`);
		expect(await run('2026-12-15T01:00:00Z', 'admin_matters')).toEqual([]);
		expect((await run('2026-12-21T01:00:00Z', 'admin_matters')).map((r) => r.kind)).toEqual([
			'admin_matters_7d',
		]);
	});
});
