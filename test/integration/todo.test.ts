/**
 * The participant's to-do list: each item appears when its condition holds and not otherwise,
 * the list is ordered by urgency, and a participant with nothing waiting sees an empty list.
 * Factory cohort: OJT Mon 7 – Fri 25 Dec 2026, outline 24 Dec, report due 9 Jan, corrections
 * until 26 Jan 2027.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { checkinTable, reportTable, type Cohort, type ReportStatus } from '~db/schema';
import { createEntry, submitEntry } from '~/lib/server/logbook/entry';
import { decideEntry } from '~/lib/server/review/decide';
import { addComment } from '~/lib/server/logbook/comment';
import { saveCheckin } from '~/lib/server/logbook/ojt-plan';
import { addMilestone, setMilestoneDone } from '~/lib/server/study/milestone';
import { markReadByLink } from '~/lib/server/notify/notification';
import { participantTodo } from '~/lib/server/todo/participant';
import { lastWorkingDay, type TodoFacts } from '~/lib/todo/participant';
import type { SessionUser } from '~/lib/server/auth/session';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { entryInput } from '../helpers/entries';

const t = useTestDb();
let cohort: Cohort;
let mentor: SessionUser;
let p: SessionUser;
let other: SessionUser;
beforeEach(async () => {
	const made = await makeCohort(t.db, await makeUser(t.db, 'admin'), 2);
	({ cohort, mentor } = made);
	[p, other] = made.participants as [SessionUser, SessionUser];
});

const noModule: TodoFacts['nextModule'] = null;
const todo = (today: string, next: TodoFacts['nextModule'] = noModule) =>
	participantTodo(t.db, p.id, cohort, today, next);
const keys = async (today: string, next: TodoFacts['nextModule'] = noModule) =>
	(await todo(today, next)).map((i) => i.key);
const ofKind = async (today: string, prefix: string) =>
	(await todo(today)).filter((i) => i.key.startsWith(prefix));

async function setReport(status: ReportStatus, presented: string | null = '2026-12-24') {
	await t.db
		.insert(reportTable)
		.values({ participantId: p.id, status, outlinePresentedOn: presented, updatedAt: new Date() })
		.onConflictDoUpdate({ target: reportTable.participantId, set: { status } });
}

async function holdAllCheckins() {
	for (const kind of ['start', 'mid', 'departure'] as const)
		await t.db.insert(checkinTable).values({
			participantId: p.id,
			kind,
			heldOn: '2026-12-09',
			mentorId: mentor.id,
			updatedAt: new Date(),
		});
}

describe('empty state', () => {
	it('is an empty list when nothing waits', async () => {
		await holdAllCheckins();
		await setReport('closed');
		expect(await todo('2027-01-27')).toEqual([]);
	});
});

describe('entries', () => {
	it('an entry returned for changes links to the entry until it is submitted again', async () => {
		const e = await createEntry(t.db, p, entryInput({ title: 'Route analysis' }));
		await submitEntry(t.db, p, e.id, 1);
		expect(await ofKind('2026-12-09', 'returned')).toEqual([]);
		await decideEntry(t.db, mentor, e.id, 'changes_requested', 'Name the routes.');
		const [item] = await ofKind('2026-12-09', 'returned');
		expect(item).toMatchObject({ href: `/logbook/${e.id}`, tone: 'overdue' });
		expect(item!.text).toContain('Route analysis');
		await submitEntry(t.db, p, e.id, 3);
		expect(await ofKind('2026-12-09', 'returned')).toEqual([]);
	});

	it('drafts are listed until submitted, a few by name and the rest counted', async () => {
		expect(await ofKind('2026-12-09', 'draft')).toEqual([]);
		const first = await createEntry(t.db, p, entryInput({ date: '2026-12-07' }));
		expect((await ofKind('2026-12-09', 'draft')).map((i) => i.href)).toEqual([
			`/logbook/${first.id}`,
		]);
		for (let i = 0; i < 4; i++) await createEntry(t.db, p, entryInput());
		const drafts = await ofKind('2026-12-09', 'draft');
		expect(drafts.map((i) => i.key)).toHaveLength(4);
		expect(drafts[0]!.href).toBe(`/logbook/${first.id}`); // oldest first
		expect(drafts.at(-1)).toMatchObject({ key: 'draft:more', href: '/logbook' });
		expect(drafts.at(-1)!.text).toMatch(/^2 more drafts/);
		await submitEntry(t.db, p, first.id, 1);
		expect(await ofKind('2026-12-09', 'draft')).toHaveLength(4);
	});

	it('another participant’s entries never appear', async () => {
		await createEntry(t.db, other, entryInput());
		expect(await ofKind('2026-12-09', 'draft')).toEqual([]);
	});
});

describe('today’s log', () => {
	it('asks for a log when nothing is logged for the last working day of the OJT', async () => {
		expect(await ofKind('2026-12-09', 'log')).toEqual([
			expect.objectContaining({ href: '/logbook/new?date=2026-12-08', tone: 'today' }),
		]);
		await createEntry(t.db, p, entryInput({ date: '2026-12-08' }));
		expect(await ofKind('2026-12-09', 'log')).toEqual([]);
	});
	it('on a Monday, the last working day is the Friday before', async () => {
		expect(lastWorkingDay('2026-12-14')).toBe('2026-12-11');
		await createEntry(t.db, p, entryInput({ date: '2026-12-12' })); // a Saturday does not count
		expect((await ofKind('2026-12-14', 'log'))[0]?.href).toBe('/logbook/new?date=2026-12-11');
	});
	it('does not ask outside the OJT', async () => {
		expect(await ofKind('2026-12-07', 'log')).toEqual([]); // first day: Friday before was training
		expect(await ofKind('2027-01-05', 'log')).toEqual([]);
	});
});

describe('check-ins', () => {
	// Due: start 9 Dec, mid 18 Dec, departure 25 Dec.
	it('shows a check-in from three days before its due day, overdue after it, until held', async () => {
		expect((await ofKind('2026-12-07', 'checkin')).map((i) => i.key)).toEqual(['checkin:start']);
		expect((await ofKind('2026-12-10', 'checkin'))[0]).toMatchObject({
			key: 'checkin:start',
			tone: 'overdue',
			href: '/logbook/plan#checkins',
		});
		await saveCheckin(t.db, mentor, p.id, 'start', '2026-12-10', 'Good start.');
		expect(await ofKind('2026-12-10', 'checkin')).toEqual([]);
		expect((await ofKind('2026-12-15', 'checkin')).map((i) => i.key)).toEqual(['checkin:mid']);
	});
	it('does not show check-ins before the OJT', async () => {
		expect(await ofKind('2026-12-01', 'checkin')).toEqual([]);
	});
});

describe('study milestones', () => {
	it('shows a milestone from three days before it is due, overdue after, until done', async () => {
		const m = await addMilestone(t.db, p, { title: 'Source list agreed', dueDate: '2026-12-11' });
		expect(await ofKind('2026-12-07', 'milestone')).toEqual([]);
		expect((await ofKind('2026-12-08', 'milestone'))[0]).toMatchObject({
			tone: 'soon',
			daysLeft: 3,
			href: '/study#milestones',
		});
		expect((await ofKind('2026-12-12', 'milestone'))[0]).toMatchObject({ tone: 'overdue' });
		await setMilestoneDone(t.db, p, m.id, true);
		expect(await ofKind('2026-12-12', 'milestone')).toEqual([]);
	});
});

describe('unread mentor comments', () => {
	it('counts a mentor’s comment until the participant opens the entry', async () => {
		const e = await createEntry(t.db, p, entryInput());
		await addComment(t.db, p, e.id, 'A question for my mentor.');
		expect(await ofKind('2026-12-09', 'comments')).toEqual([]);
		await addComment(t.db, mentor, e.id, 'Which months?');
		expect(await ofKind('2026-12-09', 'comments')).toEqual([
			expect.objectContaining({ href: `/logbook/${e.id}#comments`, tone: 'waiting' }),
		]);
		await addComment(t.db, mentor, e.id, 'And which ports?');
		expect((await ofKind('2026-12-09', 'comments'))[0]).toMatchObject({
			href: '/notifications',
		});
		await markReadByLink(t.db, p.id, [`/logbook/${e.id}`, `/logbook/${e.id}#comments`]);
		expect(await ofKind('2026-12-09', 'comments')).toEqual([]);
	});
});

describe('next module and deadlines', () => {
	it('names the next module only when one is left', async () => {
		const next = { id: 'cen-suite', title: 'The CEN suite' };
		expect((await todo('2026-12-01', next)).find((i) => i.key === 'module')).toMatchObject({
			href: '/curriculum/cen-suite',
		});
		expect(await keys('2026-12-01')).not.toContain('module');
	});

	it('lists each deadline with its days left until it is met', async () => {
		const deadlines = await ofKind('2026-12-21', 'deadline');
		expect(deadlines.map((d) => [d.key, d.daysLeft])).toEqual([
			['deadline:outline', 3],
			['deadline:report', 19],
			['deadline:corrections', 36],
		]);
		expect(deadlines[0]!.text).toContain('in 3 days');
		await setReport('outline_presented');
		expect((await ofKind('2026-12-21', 'deadline')).map((d) => d.key)).toEqual([
			'deadline:report',
			'deadline:corrections',
		]);
		await setReport('final_submitted');
		expect((await ofKind('2027-01-05', 'deadline')).map((d) => d.key)).toEqual([
			'deadline:corrections',
		]);
		await setReport('corrections_requested');
		expect((await ofKind('2027-01-20', 'deadline'))[0]).toMatchObject({
			tone: 'soon',
			text: expect.stringContaining('send the corrected report'),
		});
		await setReport('closed');
		expect(await ofKind('2027-01-20', 'deadline')).toEqual([]);
	});

	it('a missed deadline is overdue', async () => {
		const [outline] = await ofKind('2026-12-28', 'deadline');
		expect(outline).toMatchObject({ key: 'deadline:outline', tone: 'overdue', daysLeft: -4 });
		expect(outline!.text).toContain('4 days ago');
	});
});

describe('order by urgency', () => {
	it('overdue first, then today, waiting, soon, later; sooner due days first', async () => {
		const returned = await createEntry(t.db, p, entryInput({ date: '2026-12-07' }));
		await submitEntry(t.db, p, returned.id, 1);
		await decideEntry(t.db, mentor, returned.id, 'changes_requested', 'More detail.');
		const draft = await createEntry(t.db, p, entryInput({ date: '2026-12-14' }));
		await addMilestone(t.db, p, { title: 'Late', dueDate: '2026-12-15' });
		await addMilestone(t.db, p, { title: 'Soon', dueDate: '2026-12-19' });
		await saveCheckin(t.db, mentor, p.id, 'start', '2026-12-09', '');
		await addComment(t.db, mentor, draft.id, 'Nice.');
		const items = await todo('2026-12-17', { id: 'm', title: 'M' });
		expect(items.map((i) => i.key)).toEqual([
			`returned:${returned.id}`, // overdue, the mentor is waiting
			expect.stringMatching(/^milestone:/), // overdue by 2 days
			'log', // nothing on Wed 16 Dec
			`draft:${draft.id}`,
			'comments',
			'checkin:mid', // tomorrow
			expect.stringMatching(/^milestone:/), // in 2 days
			'deadline:outline', // in 7 days
			'deadline:report',
			'deadline:corrections',
			'module',
		]);
		expect(items.map((i) => i.tone)).toEqual([
			'overdue',
			'overdue',
			'today',
			'waiting',
			'waiting',
			'soon',
			'soon',
			'soon',
			'later',
			'later',
			'later',
		]);
	});
});
