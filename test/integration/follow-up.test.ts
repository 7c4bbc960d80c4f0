/**
 * Follow-up on the report's recommendations: who answers, when a round opens, who may read it,
 * and the reminders 3 and 6 months after departure (once each, to the alumnus and home contact).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notificationTable, reportVersionSectionTable, reportVersionTable } from '~db/schema';
import type { SessionUser } from '~/lib/server/auth/session';
import { loadFollowUp } from '~/lib/server/followup/load';
import { listFollowUps } from '~/lib/server/followup/overview';
import { saveFollowUp, type FollowUpInput } from '~/lib/server/followup/save';
import { runDueWork } from '~/lib/server/clock/run-jobs';
import { recommendationsFrom } from '~/lib/followup/rules';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeHome, makeUser } from '../helpers/factories';
import { jobSettings } from '../helpers/clock';

const t = useTestDb();

const settings = jobSettings();
// The factory cohort leaves Japan on 2026-12-26: the rounds open on 2027-03-26 and 2027-06-26.
const beforeRound = new Date('2027-03-25T03:00:00Z');
const inRound3 = new Date('2027-03-27T03:00:00Z');

/** `who` answers one recommendation (`item`) in the 3-month round of `alumnusId`, as of `at`. */
const answerRound3 = (
	who: SessionUser,
	alumnusId: string,
	at: Date,
	item: number,
	answer: FollowUpInput['answer'],
	note = '',
) => saveFollowUp(t.db, who, alumnusId, 3, [{ item, answer, note }], at);

async function setup() {
	const admin = await makeUser(t.db, 'admin');
	const { mentor, participants } = await makeCohort(t.db, admin, 2);
	const [alumnus, other] = participants as [SessionUser, SessionUser];
	await t.db.insert(reportVersionTable).values({
		id: 'v1',
		participantId: alumnus.id,
		number: 1,
		submittedAt: new Date('2027-01-05T00:00:00Z'),
		decision: 'accepted',
		decidedBy: admin.id,
		decidedAt: new Date('2027-01-20T00:00:00Z'),
	});
	await t.db.insert(reportVersionSectionTable).values({
		versionId: 'v1',
		position: 3,
		kind: 'recommendations',
		title: 'Recommendations',
		outline: '- Give feedback on every alert\n- Train one more analyst',
		notes: '',
	});
	return {
		admin,
		mentor,
		alumnus,
		other,
		home: await makeHome(t.db, alumnus.id, 'Home'),
		otherHome: await makeHome(t.db, other.id, 'Elsewhere'),
		secretariat: await makeUser(t.db, 'secretariat'),
	};
}

describe('recommendations of a report section', () => {
	it('are its list items, or its lines when it has no list', () => {
		expect(recommendationsFrom('Intro\n- One\n  - nested\n2. Two')).toEqual(['One', 'Two']);
		expect(recommendationsFrom('First idea\n\nSecond idea')).toEqual(['First idea', 'Second idea']);
	});
});

describe('the follow-up of a former participant', () => {
	it('opens 3 months after departure, and the alumnus and their home contact answer', async () => {
		const { alumnus, home } = await setup();
		const early = await loadFollowUp(t.db, alumnus, alumnus.id, beforeRound);
		expect(early.rounds.map((r) => r.open)).toEqual([false, false]);
		await expect(answerRound3(alumnus, alumnus.id, beforeRound, 1, 'adopted')).rejects.toThrow(
			/opens on 2027-03-26/,
		);
		await answerRound3(alumnus, alumnus.id, inRound3, 1, 'adopted', 'Done');
		await answerRound3(home, alumnus.id, inRound3, 2, 'in_progress');
		const view = await loadFollowUp(t.db, home, alumnus.id, inRound3);
		expect(view.rounds[0]!.items.map((i) => i.answer?.answer)).toEqual(['adopted', 'in_progress']);
		expect(view.rounds[0]!.items[0]!.recommendation).toBe('Give feedback on every alert');
	});

	it('is a 404 for another administration’s contact and another participant; read-only for mentors and the Secretariat', async () => {
		const { alumnus, other, otherHome, mentor, secretariat } = await setup();
		await expect(loadFollowUp(t.db, otherHome, alumnus.id, inRound3)).rejects.toThrow(/No such/);
		await expect(loadFollowUp(t.db, other, alumnus.id, inRound3)).rejects.toThrow(/No such/);
		expect((await loadFollowUp(t.db, mentor, alumnus.id, inRound3)).canAnswer).toBe(false);
		expect((await loadFollowUp(t.db, secretariat, alumnus.id, inRound3)).canAnswer).toBe(false);
		await expect(answerRound3(secretariat, alumnus.id, inRound3, 1, 'adopted')).rejects.toThrow(
			/No such/,
		);
		expect((await listFollowUps(t.db, secretariat)).map((l) => l.participantId)).toEqual([
			alumnus.id,
		]);
		expect(await listFollowUps(t.db, otherHome)).toEqual([]);
	});

	it('reminds the alumnus and the home contact once when a round opens, and not once answered', async () => {
		const { alumnus, home } = await setup();
		const kinds = async (userId: string) =>
			(
				await t.db.select().from(notificationTable).where(eq(notificationTable.userId, userId))
			).filter((n) => n.kind === 'follow_up');
		await runDueWork(t.db, settings, beforeRound);
		expect(await kinds(alumnus.id)).toHaveLength(0);
		const first = await runDueWork(t.db, settings, inRound3);
		expect(first.reminders.filter((r) => r.kind === 'follow_up_3m')).toHaveLength(2);
		await runDueWork(t.db, settings, new Date('2027-03-28T03:00:00Z'));
		expect(await kinds(alumnus.id)).toHaveLength(1);
		expect(await kinds(home.id)).toHaveLength(1);
		const answered = [1, 2].map((item) => ({ item, answer: 'adopted' as const, note: '' }));
		await saveFollowUp(t.db, alumnus, alumnus.id, 6, answered, new Date('2027-06-26T03:00:00Z'));
		const six = await runDueWork(t.db, settings, new Date('2027-06-27T03:00:00Z'));
		expect(six.reminders.filter((r) => r.kind === 'follow_up_6m')).toHaveLength(0);
	});
});
