/**
 * The mentor's and admin's views: the review queue (filters, keyset paging, reviewed today),
 * a participant's entries a page at a time, the cohort page's facts and verdicts, Member
 * administrations as records, and the audit log as sentences.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
	administrationTable,
	cohortMemberTable,
	logEntryTable,
	reportVersionTable,
	type EntryStatus,
	type OjtArea,
} from '~db/schema';
import { linkLegacyAdministrations } from '~db/administrations';
import { migrateDb } from '~db/migrate';
import {
	countReviewQueuePage,
	listReviewQueuePage,
	listReviewedToday,
	parseCursor,
	formatCursor,
	type QueueFilter,
} from '~/lib/server/review/queue';
import { decideEntry, undoDecision } from '~/lib/server/review/decide';
import {
	countEntriesByStatus,
	coverageInSql,
	listEntriesPage,
} from '~/lib/server/review/participant-entries';
import { cohortOverview, reviewBacklog } from '~/lib/server/cohort/overview';
import {
	createAdministration,
	listActiveAdministrations,
	listAdministrations,
	renameAdministration,
	setAdministrationActive,
} from '~/lib/server/cohort/administration';
import { listMembers } from '~/lib/server/cohort/manage';
import { listAuditPage, recordAudit } from '~/lib/server/audit';
import { auditActionLabel, auditLink, auditSentence } from '~/lib/audit-sentences';
import { addActivity } from '~/lib/server/study/activity';
import { answerActivity } from '~/lib/server/study/agreement';
import { coverage } from '~/lib/logbook/coverage';
import { ojtWeeks } from '~/lib/programme-calendar';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';

const t = useTestDb();

let n = 0;
/** Inserts entries directly (many share one submission instant, to test the tie-break). */
async function entries(
	participantId: string,
	count: number,
	make: (i: number) => {
		area?: OjtArea;
		status?: EntryStatus;
		restricted?: boolean;
		date?: string;
	},
) {
	const at = new Date('2026-12-10T03:00:00Z');
	const rows = Array.from({ length: count }, (_, i) => {
		const o = make(i);
		n += 1;
		return {
			id: `e${String(n).padStart(5, '0')}${participantId.slice(0, 4)}`,
			participantId,
			date: o.date ?? `2026-12-${String(7 + (i % 12)).padStart(2, '0')}`,
			area: o.area ?? (((i % 4) + 1) as OjtArea),
			activity: 'other',
			title: `Entry ${i}`,
			minutes: 30 + i,
			summary: 'Did things.',
			status: o.status ?? 'submitted',
			handling: o.restricted ? ('restricted' as const) : ('unrestricted' as const),
			// Every third entry shares the instant of the one before: ties are broken by id.
			submittedAt: new Date(at.getTime() + Math.floor(i / 3) * 1000),
			updatedAt: at,
		};
	});
	await t.db.insert(logEntryTable).values(rows);
	return rows;
}

/** Walks every page of the queue and returns the ids in order. */
async function walkQueue(mentor: Awaited<ReturnType<typeof makeUser>>, filter: QueueFilter) {
	const seen: string[] = [];
	let after = null;
	for (let guard = 0; guard < 100; guard++) {
		const page = await listReviewQueuePage(t.db, mentor, filter, after, 7);
		expect(page.items.length).toBeLessThanOrEqual(7);
		seen.push(...page.items.map((r) => r.entry.id));
		if (!page.next) break;
		// Through the URL form, as the page does.
		after = parseCursor(formatCursor(page.next));
	}
	return seen;
}

describe('review queue', () => {
	it('pages through every waiting entry once, oldest first, with filters and counts in SQL', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, participants } = await makeCohort(t.db, admin, 2);
		const [p1, p2] = participants;
		const mine = await entries(p1!.id, 30, (i) => ({
			status: i % 5 === 0 ? 'approved' : 'submitted',
			restricted: i % 4 === 0,
		}));
		await entries(p2!.id, 12, () => ({ area: 2 }));
		const outsider = (await makeCohort(t.db, admin, 1)).participants[0]!;
		await entries(outsider.id, 5, () => ({}));

		const all = await walkQueue(mentor, {});
		expect(all).toHaveLength(24 + 12);
		expect(new Set(all).size).toBe(all.length);
		expect(await countReviewQueuePage(t.db, mentor, {})).toBe(36);
		// The same order as one sorted read: no gap, no duplicate at page edges with equal instants.
		const sorted = await t.db
			.select({ id: logEntryTable.id })
			.from(logEntryTable)
			.where(
				sql`${logEntryTable.status} = 'submitted' and ${logEntryTable.participantId} in (${p1!.id}, ${p2!.id})`,
			)
			.orderBy(logEntryTable.submittedAt, logEntryTable.id);
		expect(all).toEqual(sorted.map((r) => r.id));

		const onlyP2 = await walkQueue(mentor, { participantId: p2!.id });
		expect(onlyP2).toHaveLength(12);
		const area2 = await walkQueue(mentor, { area: 2 });
		expect(area2).toHaveLength(
			mine.filter((e) => e.status === 'submitted' && e.area === 2).length + 12,
		);
		const restricted = await walkQueue(mentor, { handling: 'restricted', participantId: p1!.id });
		expect(restricted).toEqual(
			mine.filter((e) => e.status === 'submitted' && e.handling === 'restricted').map((e) => e.id),
		);
		expect(await countReviewQueuePage(t.db, mentor, { handling: 'restricted' })).toBe(
			restricted.length,
		);
		// Another cohort's participant is never in this mentor's queue, even when asked for.
		expect(await walkQueue(mentor, { participantId: outsider.id })).toEqual([]);
	});

	it('lists today’s decisions with undo until the entry moves on', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, participants } = await makeCohort(t.db, admin, 1);
		const [a, b] = await entries(participants[0]!.id, 2, () => ({}));
		await decideEntry(t.db, mentor, a!.id, 'approved', '');
		await decideEntry(t.db, mentor, b!.id, 'changes_requested', 'Name the data source.');
		const since = new Date(Date.now() - 60_000);
		let today = await listReviewedToday(t.db, mentor, since);
		expect(today.map((r) => [r.entryId, r.decision, r.undoable])).toEqual([
			[b!.id, 'changes_requested', true],
			[a!.id, 'approved', true],
		]);
		await undoDecision(t.db, mentor, a!.id);
		today = await listReviewedToday(t.db, mentor, since);
		// The undone approval is no longer listed as a decision: the entry waits for review again.
		expect(today.map((r) => [r.entryId, r.decision, r.undoable])).toEqual([
			[b!.id, 'changes_requested', true],
		]);
		// Decided again, it is listed once, with its new decision.
		await decideEntry(t.db, mentor, a!.id, 'changes_requested', 'Say which source.');
		today = await listReviewedToday(t.db, mentor, since);
		expect(today.map((r) => [r.entryId, r.decision, r.undoable])).toEqual([
			[a!.id, 'changes_requested', true],
			[b!.id, 'changes_requested', true],
		]);
		// Yesterday's decisions are not "today".
		expect(await listReviewedToday(t.db, mentor, new Date(Date.now() + 60_000))).toEqual([]);
	});

	it('refuses a change request without a comment, naming the field', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, participants } = await makeCohort(t.db, admin, 1);
		const [e] = await entries(participants[0]!.id, 1, () => ({}));
		await expect(decideEntry(t.db, mentor, e!.id, 'changes_requested', '  ')).rejects.toMatchObject(
			{ field: 'comment', message: expect.stringMatching(/Say what should change/) },
		);
	});
});

describe('a participant’s entries for a mentor', () => {
	it('pages newest first without gaps or duplicates, with coverage and counts from SQL', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, participants } = await makeCohort(t.db, admin, 1);
		const p = participants[0]!;
		const rows = await entries(p.id, 75, (i) => ({
			status: (['draft', 'submitted', 'approved'] as const)[i % 3],
			date: `2026-12-${String(7 + (i % 5)).padStart(2, '0')}`,
		}));
		const seen: string[] = [];
		let before = null;
		for (let guard = 0; guard < 20; guard++) {
			const page = await listEntriesPage(t.db, p.id, before, 20);
			expect(page.items.length).toBeLessThanOrEqual(20);
			seen.push(...page.items.map((e) => e.id));
			if (!page.next) break;
			before = page.next;
		}
		const expected = [...rows]
			.sort((x, y) => (x.date === y.date ? (x.id < y.id ? 1 : -1) : x.date < y.date ? 1 : -1))
			.map((e) => e.id);
		expect(seen).toEqual(expected);
		expect(await countEntriesByStatus(t.db, p.id)).toEqual({
			draft: 25,
			submitted: 25,
			approved: 25,
			changes_requested: 0,
		});
		const weeks = ojtWeeks(cohort);
		const fromSql = await coverageInSql(t.db, p.id, weeks, { 1: 10, 3: 5 });
		expect(fromSql).toEqual(coverage(rows, weeks, { 1: 10, 3: 5 }));
	});
});

describe('cohort page', () => {
	it('judges each participant by the rules and counts the mentor’s backlog', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, mentor, participants } = await makeCohort(t.db, admin, 2);
		const [idle, busy] = participants;
		// Monday 14 Dec 2026, OJT week 2: busy logged on Friday 11 Dec, idle never.
		await entries(busy!.id, 3, () => ({ date: '2026-12-11', area: 1 }));
		const modules = [
			{ id: 'm1', title: 'Orientation', description: '', day: 1, order: 1, duration: 30 },
			{ id: 'm2', title: 'CEN suite', description: '', day: 2, order: 1, duration: 30 },
		];
		const rows = await cohortOverview(t.db, cohort, modules, '2026-12-14');
		const byId = (id: string) => rows.find((r) => r.participant.id === id)!;
		// The start check-in (due Wed 9 Dec) was not recorded for either.
		expect(byId(idle!.id).reasons.map((r) => r.rule)).toEqual(['modules', 'checkin', 'no-entry']);
		expect(byId(idle!.id).reasons[2]!.text).toMatch(/No logbook entry yet/);
		expect(byId(busy!.id).reasons.map((r) => r.rule)).toEqual(['modules', 'checkin']);
		expect(byId(busy!.id).waiting).toBe(3);
		expect(byId(busy!.id).areas[0]).toMatchObject({
			area: 1,
			entries: 3,
			loggedMinutes: 30 + 31 + 32,
		});
		expect(byId(busy!.id).modules).toEqual({ done: 0, total: 2, dueByNow: 2 });
		expect(await reviewBacklog(t.db, mentor.id)).toMatchObject({ waiting: 3 });
	});
});

describe('Member administrations', () => {
	it('are seeded from the WCO Asia/Pacific list, once, whatever the number of migrations', async () => {
		const first = await listAdministrations(t.db);
		expect(first).toHaveLength(35);
		expect(first.map((a) => a.name)).toEqual(expect.arrayContaining(['Japan', 'Korea', 'Fiji']));
		const admin = await makeUser(t.db, 'admin');
		await renameAdministration(t.db, admin.id, 'wco-ap-japan', 'Japan Customs');
		await migrateDb(t.db);
		const again = await listAdministrations(t.db);
		expect(again).toHaveLength(35);
		expect(again.find((a) => a.id === 'wco-ap-japan')?.name).toBe('Japan Customs');
	});

	it('can be added, renamed and deactivated by admins; names stay unique regardless of case', async () => {
		const admin = await makeUser(t.db, 'admin');
		const added = await createAdministration(t.db, admin.id, '  Aldoria   Customs ');
		expect(added.name).toBe('Aldoria Customs');
		await expect(createAdministration(t.db, admin.id, 'aldoria customs')).rejects.toMatchObject({
			field: 'name',
			message: '“Aldoria Customs” is already in the list.',
		});
		await expect(renameAdministration(t.db, admin.id, added.id, 'JAPAN')).rejects.toMatchObject({
			field: 'name',
		});
		await renameAdministration(t.db, admin.id, added.id, 'Aldoria Customs Service');
		await setAdministrationActive(t.db, admin.id, added.id, false);
		const active = await listActiveAdministrations(t.db);
		expect(active.map((a) => a.id)).not.toContain(added.id);
		await setAdministrationActive(t.db, admin.id, added.id, true);
		expect((await listActiveAdministrations(t.db)).map((a) => a.name)).toContain(
			'Aldoria Customs Service',
		);
	});

	it('a rename shows on every member; older free text is mapped by name or becomes a record', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, participants } = await makeCohort(t.db, admin, 2);
		// Two members as they were before administrations were records: free text only.
		await t.db
			.update(cohortMemberTable)
			.set({ administrationId: null, administration: ' fiji ' })
			.where(eq(cohortMemberTable.userId, participants[0]!.id));
		await t.db
			.update(cohortMemberTable)
			.set({ administrationId: null, administration: 'Customs of Nowhere' })
			.where(eq(cohortMemberTable.userId, participants[1]!.id));
		expect(await linkLegacyAdministrations(t.db)).toBe(2);
		const members = await listMembers(t.db, cohort.id);
		const of = (id: string) => members.find((m) => m.userId === id)!;
		expect(of(participants[0]!.id).administrationId).toBe('wco-ap-fiji');
		const created = of(participants[1]!.id).administrationId!;
		const [record] = await t.db
			.select()
			.from(administrationTable)
			.where(eq(administrationTable.id, created));
		expect(record?.name).toBe('Customs of Nowhere');
		await renameAdministration(t.db, admin.id, 'wco-ap-fiji', 'Fiji Revenue and Customs Service');
		expect(
			(await listMembers(t.db, cohort.id)).find((m) => m.userId === participants[0]!.id)
				?.administration,
		).toBe('Fiji Revenue and Customs Service');
	});
});

describe('audit log', () => {
	it('reads as sentences that link to the record, filters by person, action and date, and pages by id', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, participants } = await makeCohort(t.db, admin, 1);
		const mara = participants[0]!;
		const kenji = await makeUser(t.db, 'mentor', 'Kenji Morita');
		await t.db.insert(cohortMemberTable).values({
			cohortId: (await t.db.select().from(cohortMemberTable).limit(1))[0]!.cohortId,
			userId: kenji.id,
			role: 'mentor',
		});
		await t.db.run(sql`update "user" set name = 'Mara Santos' where id = ${mara.id}`);
		const [e] = await entries(mara.id, 1, () => ({}));
		await t.db
			.update(logEntryTable)
			.set({ title: 'Orientation briefing on the RILO A/P liaison network and its partners' })
			.where(eq(logEntryTable.id, e!.id));
		await decideEntry(t.db, { ...kenji, name: 'Kenji Morita' }, e!.id, 'approved', '');
		const page = await listAuditPage(t.db, { actorId: kenji.id }, null);
		expect(page.items).toHaveLength(1);
		const r = page.items[0]!;
		const facts = {
			action: r.event.action,
			actorName: r.actorName,
			subjectType: r.event.subjectType,
			subjectId: r.event.subjectId,
			subjectLabel: r.subjectLabel,
			ownerId: r.ownerId,
			ownerName: r.ownerName,
			details: r.event.details,
		};
		expect(auditSentence(facts)).toBe(
			'Kenji Morita approved ‘Orientation briefing on the RILO A/P li…’ of Mara Santos.',
		);
		expect(auditLink(facts)).toBe(`/logbook/${e!.id}`);

		// Paging: 120 events, 50 a page, newest first, none lost or repeated.
		for (let i = 0; i < 120; i++)
			await recordAudit(
				t.db,
				{ actorId: mentor.id, action: 'auth.sign_in', subjectType: 'user', subjectId: mentor.id },
				Date.parse('2026-12-09T01:00:00Z') + i,
			);
		const ids: number[] = [];
		let before: number | null = null;
		for (let guard = 0; guard < 10; guard++) {
			const p = await listAuditPage(t.db, { actorId: mentor.id, action: 'auth.sign_in' }, before);
			expect(p.items.length).toBeLessThanOrEqual(50);
			ids.push(...p.items.map((x) => x.event.id));
			if (!p.next) break;
			before = p.next;
		}
		expect(ids).toHaveLength(120);
		expect([...ids].sort((a, b) => b - a)).toEqual(ids);
		expect(new Set(ids).size).toBe(120);
		// Dates are Tokyo days: 01:00 UTC on the 9th is the 9th in Tokyo.
		expect(
			(await listAuditPage(t.db, { from: '2026-12-09', to: '2026-12-09' }, null)).items,
		).toHaveLength(50);
		expect(
			(await listAuditPage(t.db, { from: '2026-12-10', to: '2026-12-10' }, null)).items,
		).toHaveLength(0);
	});

	it('names the object of report and study events: version number, activity title, owner', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, participants } = await makeCohort(t.db, admin, 1);
		const mara = participants[0]!;
		await t.db.run(sql`update "user" set name = 'Mara Santos' where id = ${mara.id}`);
		const named = { ...mara, name: 'Mara Santos' };
		const activity = await addActivity(t.db, named, {
			what: 'Joint alert on postal shipments',
			agreedOn: '2026-12-10',
			agreedBy: 'proposed',
			status: 'planned',
			outcome: '',
		});
		await answerActivity(t.db, mentor, activity.id, { decision: 'agreed', comment: '' });
		await t.db.insert(reportVersionTable).values({
			id: 'version-two',
			participantId: mara.id,
			number: 2,
			submittedAt: new Date(),
		});
		await recordAudit(t.db, {
			actorId: mara.id,
			action: 'report.version_submit',
			subjectType: 'report_version',
			subjectId: 'version-two',
			details: { participant: mara.id, number: 2 },
		});
		const page = await listAuditPage(t.db, {}, null);
		const sentences = page.items.map((r) =>
			auditSentence({
				action: r.event.action,
				actorName: r.actorName,
				subjectType: r.event.subjectType,
				subjectId: r.event.subjectId,
				subjectLabel: r.subjectLabel,
				ownerId: r.ownerId,
				ownerName: r.ownerName,
				details: r.event.details,
			}),
		);
		expect(sentences).toContain('Mara Santos submitted version 2 of Mara Santos’s final report.');
		expect(sentences).toContain(
			`${mentor.name} agreed to the intelligence activity ‘Joint alert on postal shipments’ of Mara Santos.`,
		);
		expect(sentences).toContain(
			'Mara Santos proposed the intelligence activity ‘Joint alert on postal shipments’ of Mara Santos.',
		);
		for (const sentence of sentences) expect(sentence).not.toMatch(/did “|[a-z]_[a-z]/);
		expect(auditActionLabel('study.activity_agree')).toBe('Intelligence activity agreed');
		expect(auditActionLabel('report.version_submit')).toBe('Final report version submitted');
	});

	it('says what happened for actions without a phrase of their own, and for failed sign-ins', () => {
		const base = {
			actorName: 'Mara Santos',
			subjectId: 'p1',
			subjectLabel: 'Mara Santos',
			ownerId: 'p1',
			ownerName: 'Mara Santos',
			details: null,
		};
		expect(
			auditSentence({ ...base, action: 'report.final_submitted', subjectType: 'report' }),
		).toBe('Mara Santos did “final submitted” on the report of Mara Santos.');
		expect(
			auditSentence({
				...base,
				actorName: null,
				action: 'auth.sign_in_failed',
				subjectType: 'user',
				details: { email: 'x@y.test' },
			}),
		).toBe('A sign-in failed for x@y.test.');
		expect(auditLink({ ...base, action: 'report.final_submitted', subjectType: 'report' })).toBe(
			'/report/p1',
		);
	});
});
