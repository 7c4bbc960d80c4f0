/**
 * The to-do lists of the mentor, the programme office, the WCO Secretariat and a home contact:
 * each shows what waits for that person with a link to where to act, is empty when nothing
 * waits, and never shows someone the viewer may not see (a home contact another administration's
 * officer; a mentor outside the cohort anything of it). Factory cohort: training from Mon 30 Nov
 * 2026, OJT 7–25 Dec, departure 26 Dec, corrections until 26 Jan 2027 (Asia/Tokyo).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	activityAgreementTable,
	cenMessageTable,
	cohortMemberTable,
	editionTable,
	labInterpretationTable,
	nominationTable,
	reportDeliveryTable,
	selectionTable,
	studyActivityTable,
} from '~db/schema';
import type { SessionUser } from '~/lib/server/auth/session';
import { createEntry, submitEntry } from '~/lib/server/logbook/entry';
import { getReportForViewer, saveSection } from '~/lib/server/report/working-copy';
import { markOutlinePresented } from '~/lib/server/report/outline';
import { submitVersion } from '~/lib/server/report/submit-version';
import { acceptVersion, returnForCorrections } from '~/lib/server/report/decide-version';
import { acknowledgeDelivery } from '~/lib/server/oversight/delivery';
import { answerActivity } from '~/lib/server/study/agreement';
import { saveMatters } from '~/lib/server/enrolment/matters';
import { mentorTodo } from '~/lib/server/todo/mentor';
import { officeTodo } from '~/lib/server/todo/office';
import { oversightTodo } from '~/lib/server/todo/oversight';
import { workingDaysSince, type TodoItem } from '~/lib/todo/item';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeHome, makeUser } from '../helpers/factories';
import { entryInput } from '../helpers/entries';
import { settledMatters } from '../helpers/matters';

const t = useTestDb();
let admin: SessionUser;
let mentor: SessionUser;
let p1: SessionUser;
let p2: SessionUser;
beforeEach(async () => {
	admin = await makeUser(t.db, 'admin', 'Aiko Admin');
	const made = await makeCohort(t.db, admin, 2);
	({ mentor } = made);
	[p1, p2] = made.participants as [SessionUser, SessionUser];
});

/** 10:00 in Tokyo on a day. */
const tokyo = (day: string) => new Date(`${day}T01:00:00Z`);
const submittedOn = tokyo('2026-12-27');

/** The participant submits version 1 of their final report (delivered to the three recipients). */
async function submitReport(p: SessionUser) {
	const view = (await getReportForViewer(t.db, p, p.id))!;
	const evaluation = view.sections.find((s) => s.kind === 'evaluation')!;
	await saveSection(t.db, p, evaluation.id, 1, { outline: 'Evaluation', notes: '' });
	await markOutlinePresented(t.db, p, p.id, '2026-12-24');
	return submitVersion(t.db, p, submittedOn);
}

/** An activity proposed on `day` that the participant agreed to the same day. */
async function proposeActivity(p: SessionUser, id: string, day: string) {
	await t.db.insert(studyActivityTable).values({
		id,
		participantId: p.id,
		what: `Joint alert ${id}\nwith details`,
		agreedOn: day,
		agreedBy: 'proposed',
		createdAt: tokyo(day),
	});
	await t.db.insert(activityAgreementTable).values({
		activityId: id,
		party: 'participant',
		userId: p.id,
		decision: 'agreed',
		decidedAt: tokyo(day),
	});
}

const byKey = (items: TodoItem[], key: string) => items.find((i) => i.key === key);

describe('working days', () => {
	it('counts Monday to Friday after the first day', () => {
		expect(workingDaysSince('2026-12-07', '2026-12-07')).toBe(0);
		expect(workingDaysSince('2026-12-11', '2026-12-14')).toBe(1); // Fri → Mon
		expect(workingDaysSince('2026-12-07', '2026-12-10')).toBe(3);
	});
});

describe('mentor', () => {
	const today = '2026-12-10';
	const now = tokyo(today);

	it('is empty when nothing waits', async () => {
		expect(await mentorTodo(t.db, mentor, today, now)).toEqual([]);
	});

	it('entries waiting: how many, the oldest and since when, whose — linking to the queue', async () => {
		for (const [p, date] of [
			[p1, '2026-12-08'],
			[p1, '2026-12-09'],
			[p2, '2026-12-09'],
		] as const) {
			const e = await createEntry(t.db, p, entryInput({ date }));
			await submitEntry(t.db, p, e.id, 1);
		}
		const [item] = await mentorTodo(t.db, mentor, today, now);
		expect(item).toMatchObject({ key: 'review', href: '/review', tone: 'waiting' });
		expect(item!.text).toMatch(/^3 logbook entries wait for your review/);
		expect(item!.text).toContain(`${p1.name} 2, ${p2.name} 1`);
		// Submitted today in the test: the oldest waits since today, so not yet overdue.
		expect(item!.text).toContain('since');
	});

	it('a report version waiting for a decision links to the report, until decided', async () => {
		await submitReport(p1);
		const items = await mentorTodo(t.db, mentor, '2026-12-28', tokyo('2026-12-28'));
		expect(byKey(items, `version:${p1.id}`)).toMatchObject({ href: `/report/${p1.id}` });
		await acceptVersion(t.db, mentor, p1.id, tokyo('2026-12-28'));
		expect(
			byKey(await mentorTodo(t.db, mentor, '2026-12-28', tokyo('2026-12-28')), `version:${p1.id}`),
		).toBeUndefined();
	});

	it('an activity shows once it has waited more than two working days for the mentor', async () => {
		await proposeActivity(p1, 'act-1', '2026-12-07');
		const at = (day: string) => mentorTodo(t.db, mentor, day, tokyo(day));
		expect(byKey(await at('2026-12-09'), 'agreement:act-1')).toBeUndefined();
		const item = byKey(await at('2026-12-10'), 'agreement:act-1');
		expect(item).toMatchObject({ tone: 'overdue', href: `/study/${p1.id}#activity-act-1` });
		expect(item!.text).toContain('Joint alert act-1');
		expect(item!.text).not.toContain('with details');
		await answerActivity(t.db, mentor, 'act-1', { decision: 'agreed', comment: '' });
		expect(byKey(await at('2026-12-10'), 'agreement:act-1')).toBeUndefined();
	});

	it('an activity someone asked to change waits on the participant, not the mentor', async () => {
		await proposeActivity(p1, 'act-2', '2026-12-01');
		const home = await makeHome(t.db, p1.id, 'Home One');
		await answerActivity(t.db, home, 'act-2', { decision: 'change', comment: 'Postal only.' });
		expect(byKey(await mentorTodo(t.db, mentor, today, now), 'agreement:act-2')).toBeUndefined();
	});

	it('lab interpretations and practice messages waiting link to where they are reviewed', async () => {
		await t.db.insert(labInterpretationTable).values({
			id: 'interp-1',
			participantId: p1.id,
			exerciseId: 'interpret-concealment-shift',
			body: 'My reading',
		});
		const m = { id: 'msg-1' };
		await t.db.insert(cenMessageTable).values({
			id: m.id,
			participantId: p2.id,
			kind: 'warning',
			subject: 'Practice warning',
			recipientGroup: 'practice',
			status: 'submitted',
			submittedAt: now,
			updatedAt: now,
		});
		const items = await mentorTodo(t.db, mentor, today, now);
		expect(byKey(items, 'interpretations')).toMatchObject({
			href: '/lab/interpretations/interp-1',
		});
		expect(byKey(items, 'messages')).toMatchObject({ href: `/cen/messages/${m.id}` });
	});

	it('a mentor not in the cohort sees nothing of it', async () => {
		const e = await createEntry(t.db, p1, entryInput());
		await submitEntry(t.db, p1, e.id, 1);
		await proposeActivity(p1, 'act-3', '2026-12-01');
		await submitReport(p2);
		const stranger = await makeUser(t.db, 'mentor');
		const other = await makeCohort(t.db, admin, 1);
		for (const who of [stranger, other.mentor])
			expect(await mentorTodo(t.db, who, '2026-12-28', tokyo('2026-12-28'))).toEqual([]);
		expect(
			(await mentorTodo(t.db, mentor, '2026-12-28', tokyo('2026-12-28'))).map((i) => i.key),
		).toEqual(expect.arrayContaining(['review', 'agreement:act-3', `version:${p2.id}`]));
	});
});

describe('programme office', () => {
	const matters = settledMatters({ visaStatus: 'not_needed', visaObtainedOn: null });
	const settle = async (p: SessionUser) => saveMatters(t.db, admin, p.id, matters);

	it('is empty when nothing waits', async () => {
		await settle(p1);
		await settle(p2);
		expect(await officeTodo(t.db, admin, 6, tokyo('2026-11-20'))).toEqual([]);
	});

	it('admin matters: later, soon from 21 days before training, overdue from 7; gone once complete', async () => {
		await settle(p2);
		await saveMatters(t.db, admin, p1.id, {
			...matters,
			ticketItinerary: '',
			visaStatus: 'pending',
		});
		const at = async (day: string) =>
			byKey(await officeTodo(t.db, admin, 6, tokyo(day)), `matters:${p1.id}`);
		expect(await at('2026-10-20')).toMatchObject({ tone: 'later' });
		expect(await at('2026-11-09')).toMatchObject({ tone: 'soon' });
		const item = await at('2026-11-23');
		expect(item).toMatchObject({ tone: 'overdue', href: `/admin/participants/${p1.id}` });
		expect(item!.text).toContain('visa, ticket');
		expect(item!.text).toContain('Mon 30 Nov 2026');
		expect(await at('2026-12-27')).toBeUndefined(); // after departure
		await settle(p1);
		expect(await at('2026-11-23')).toBeUndefined();
	});

	it('report versions waiting for a decision and deliveries pending a home contact', async () => {
		await settle(p1);
		await settle(p2);
		const v = await submitReport(p1); // nobody at the home administration has an account
		const items = await officeTodo(t.db, admin, 6, tokyo('2026-12-28'));
		expect(byKey(items, `version:${p1.id}`)).toMatchObject({ href: `/report/${p1.id}` });
		const [delivery] = await t.db
			.select()
			.from(reportDeliveryTable)
			.where(eq(reportDeliveryTable.versionId, v.id));
		const pending = items.filter((i) => i.key.startsWith('delivery:'));
		expect(pending.map((i) => i.href)).toEqual([
			`/report/${p1.id}#delivery`,
			`/report/${p1.id}#delivery`,
		]);
		expect(pending.map((i) => i.text).join()).toContain('not delivered to the home administration');
		expect(delivery).toBeDefined();
	});

	it('the call: unconfirmed nominations, notices not sent, the purge when due', async () => {
		await settle(p1);
		await settle(p2);
		await t.db.insert(editionTable).values({
			id: 'ed1',
			name: '2026/2027',
			slug: '2026-2027',
			applicationDeadline: '2026-07-31',
			selectionPeriod: 'September',
			programmePeriod: 'November',
			venue: 'Tokyo',
			language: 'English',
		});
		const [administration] = await t.db
			.select({ id: cohortMemberTable.administrationId })
			.from(cohortMemberTable)
			.where(eq(cohortMemberTable.userId, p1.id));
		const now = new Date('2026-07-20T01:00:00Z');
		await t.db.insert(nominationTable).values({
			id: 'nom1',
			editionId: 'ed1',
			administrationId: administration!.id!,
			officerName: 'Officer',
			officerPost: 'Head',
			officerEmail: 'officer@example.test',
			candidateName: 'Candidate',
			candidateEmail: 'candidate@example.test',
			verifyTokenHash: 'hash-1',
			verifyExpiresAt: new Date(now.getTime() + 3_600_000),
		});
		const keys = async (at: Date) => (await officeTodo(t.db, admin, 6, at)).map((i) => i.key);
		expect(await keys(now)).toEqual(['unconfirmed:ed1']);
		// Once its link expired, the request is not a nomination to wait for.
		await t.db.insert(selectionTable).values({ id: 'sel1', editionId: 'ed1', decidedAt: now });
		const later = new Date('2026-08-01T01:00:00Z');
		expect(await keys(later)).toEqual(['notices:2026-2027']);
		const items = await officeTodo(t.db, admin, 6, later);
		expect(items[0]!.href).toBe('/admin/selection/2026-2027');
		await t.db.update(selectionTable).set({ noticesAt: later });
		expect(await keys(later)).toEqual([]);
		// Seven months after the decision, the unsuccessful nomination is past the six months kept.
		const purge = byKey(
			await officeTodo(t.db, admin, 6, new Date('2027-02-21T01:00:00Z')),
			'purge',
		);
		expect(purge).toMatchObject({ href: '/admin/applications/purge', tone: 'overdue' });
	});
});

describe('WCO Secretariat and home contacts', () => {
	it('is empty when nothing waits', async () => {
		const secretariat = await makeUser(t.db, 'secretariat');
		const home = await makeHome(t.db, p1.id, 'Home One');
		for (const who of [secretariat, home]) expect(await oversightTodo(t.db, who)).toEqual([]);
	});

	it('a delivered version to acknowledge and the corrections window, until acknowledged and decided', async () => {
		const secretariat = await makeUser(t.db, 'secretariat');
		const home1 = await makeHome(t.db, p1.id, 'Home One');
		const v = await submitReport(p1);
		const now = tokyo('2026-12-28');
		for (const who of [secretariat, home1]) {
			const items = await oversightTodo(t.db, who, now);
			expect(byKey(items, `acknowledge:${p1.id}:1`)).toMatchObject({
				href: `/oversight/${p1.id}/report?version=1`,
				tone: 'waiting',
			});
			const window = byKey(items, `corrections:${p1.id}`);
			expect(window).toMatchObject({ href: `/oversight/${p1.id}/report?version=1` });
			expect(window!.text).toContain('Tue 26 Jan 2027');
		}
		expect(
			byKey(await oversightTodo(t.db, secretariat, now), `corrections:${p1.id}`)!.text,
		).toContain('you may still request corrections');
		await acknowledgeDelivery(t.db, secretariat, v.id, now);
		const after = await oversightTodo(t.db, secretariat, now);
		expect(byKey(after, `acknowledge:${p1.id}:1`)).toBeUndefined();
		expect(byKey(await oversightTodo(t.db, home1, now), `acknowledge:${p1.id}:1`)).toBeDefined();
		// Returned: the window still shows, saying a corrected version is awaited.
		await returnForCorrections(
			t.db,
			secretariat,
			p1.id,
			{ corrections: [{ position: 1, what: 'Cite the sources.' }], note: '' },
			now,
		);
		expect(byKey(await oversightTodo(t.db, home1, now), `corrections:${p1.id}`)!.text).toContain(
			'returned for corrections',
		);
		// After the window closes there is nothing left to request.
		expect(
			byKey(await oversightTodo(t.db, home1, tokyo('2027-01-27')), `corrections:${p1.id}`),
		).toBeUndefined();
	});

	it('a home contact answers activities waiting for their agreement; the Secretariat is no party', async () => {
		const secretariat = await makeUser(t.db, 'secretariat');
		const home1 = await makeHome(t.db, p1.id, 'Home One');
		await proposeActivity(p1, 'act-h', '2026-12-07');
		const now = tokyo('2026-12-10');
		const item = byKey(await oversightTodo(t.db, home1, now), 'agreement:act-h');
		expect(item).toMatchObject({ href: `/oversight/${p1.id}#activity-act-h`, tone: 'overdue' });
		expect(byKey(await oversightTodo(t.db, secretariat, now), 'agreement:act-h')).toBeUndefined();
		await answerActivity(t.db, home1, 'act-h', { decision: 'agreed', comment: '' });
		expect(await oversightTodo(t.db, home1, now)).toEqual([]);
	});

	it('a home contact never sees another administration’s officer', async () => {
		const home1 = await makeHome(t.db, p1.id, 'Home One');
		const home2 = await makeHome(t.db, p2.id, 'Home Two');
		await proposeActivity(p2, 'act-p2', '2026-12-01');
		await submitReport(p2);
		const mine = await oversightTodo(t.db, home2, tokyo('2026-12-28'));
		expect(mine.map((i) => i.key)).toEqual(
			expect.arrayContaining([
				`acknowledge:${p2.id}:1`,
				`corrections:${p2.id}`,
				'agreement:act-p2',
			]),
		);
		const theirs = await oversightTodo(t.db, home1, tokyo('2026-12-28'));
		expect(theirs).toEqual([]);
		expect(JSON.stringify(theirs)).not.toContain(p2.name);
	});
});
