/**
 * The programme's clock against a real database file: each reminder goes out once, on the right
 * day in the cohort's own time zone, never twice (two instances, a rerun), and not once it stopped
 * mattering. The factory cohort trains from Mon 30 Nov 2026; each test sets the dates it needs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createDb } from '~db/client';
import {
	logEntryTable,
	mailOutboxTable,
	notificationTable,
	reminderSentTable,
	reportTable,
	type Cohort,
} from '~db/schema';
import { runDueWork } from '~/lib/server/clock/run-jobs';
import { createEntry, submitEntry } from '~/lib/server/logbook/entry';
import type { SessionUser } from '~/lib/server/auth/session';
import { useTestDb } from '../helpers/db';
import { makeCohortWith, makeUser } from '../helpers/factories';
import { entryInput } from '../helpers/entries';
import { jobSettings } from '../helpers/clock';
import { useSmtpServer } from '../helpers/smtp';

const smtp = useSmtpServer();
/** Without SMTP every email waits in the outbox, which the tests count. */
const settings = jobSettings();

const t = useTestDb();
let admin: SessionUser;
beforeEach(async () => {
	admin = await makeUser(t.db, 'admin');
});

const at = (iso: string) => new Date(iso);
const kinds = async (iso: string, s = settings, db = t.db) =>
	(await runDueWork(db, s, at(iso))).reminders.map((r) => r.kind).sort();
const count = async (table: typeof notificationTable | typeof mailOutboxTable) =>
	(await t.db.select().from(table)).length;

/** A cohort whose final report is due on Sun 20 Dec 2026, in `timezone`. */
function reportCohort(timezone: string, participants = 1) {
	return makeCohortWith(
		t.db,
		admin,
		{ timezone, reportDueDate: '2026-12-20', outlinePresentationDate: '2026-12-10' },
		participants,
	);
}

describe('the right day in the cohort’s time zone', () => {
	it('sends report_due_7d when it is 13 Dec in Tokyo, not while it is still 12 Dec there', async () => {
		const { participants } = await reportCohort('Asia/Tokyo');
		expect(await kinds('2026-12-12T14:00:00Z')).toEqual([]); // 23:00 on 12 Dec in Tokyo
		expect(await kinds('2026-12-12T23:30:00Z')).toEqual(['report_due_7d']); // 08:30 on 13 Dec
		const [note] = await t.db.select().from(notificationTable);
		expect(note!.userId).toBe(participants[0]!.id);
		expect(note!.text).toContain('Sun 20 Dec 2026 (in 7 days)');
		expect(note!.link).toBe('/report');
		const [mail] = await t.db.select().from(mailOutboxTable);
		expect(mail!.text).toContain('Where to act: https://portal.test/report');
	});

	it('waits for 13 Dec in Los Angeles, which comes 17 hours later', async () => {
		await reportCohort('America/Los_Angeles');
		expect(await kinds('2026-12-12T23:30:00Z')).toEqual([]); // 15:30 on 12 Dec in LA
		expect(await kinds('2026-12-13T07:30:00Z')).toEqual([]); // 23:30 on 12 Dec in LA
		expect(await kinds('2026-12-13T08:30:00Z')).toEqual(['report_due_7d']); // 00:30 on 13 Dec
	});
});

describe('never twice', () => {
	it('two instances running at once send each reminder and each email once', async () => {
		await reportCohort('Asia/Tokyo', 3);
		const other = await createDb(t.url);
		try {
			const withMail = jobSettings(smtp.url);
			const now = at('2026-12-12T23:30:00Z');
			const runs = await Promise.all([
				runDueWork(t.db, withMail, now),
				runDueWork(other, withMail, now),
			]);
			expect(runs.flatMap((r) => r.reminders)).toHaveLength(3);
			expect(await count(notificationTable)).toBe(3);
			expect(await count(mailOutboxTable)).toBe(3);
			expect(await t.db.select().from(reminderSentTable)).toHaveLength(3);
			expect(runs.reduce((sum, r) => sum + r.mail.sent, 0)).toBe(3);
			expect(smtp.received).toHaveLength(3);
			// A restart (a fresh run on either connection) finds everything claimed.
			expect(await kinds('2026-12-13T01:00:00Z', withMail, other)).toEqual([]);
			expect(await kinds('2026-12-13T02:00:00Z', withMail)).toEqual([]);
			expect(await count(notificationTable)).toBe(3);
			expect(smtp.received).toHaveLength(3);
		} finally {
			other.$client.close();
		}
	});
});

describe('not once it stopped mattering', () => {
	it('sends no report reminder once the report is submitted', async () => {
		const { participants } = await reportCohort('Asia/Tokyo');
		await t.db.insert(reportTable).values({
			participantId: participants[0]!.id,
			status: 'final_submitted',
			updatedAt: new Date(),
		});
		expect(await kinds('2026-12-12T23:30:00Z')).toEqual([]);
		expect(await kinds('2026-12-21T01:00:00Z')).toEqual([]);
	});

	it('sends nothing for a deadline passed longer ago than the overdue window', async () => {
		await reportCohort('Asia/Tokyo');
		expect(await kinds('2027-01-04T01:00:00Z')).toEqual([]); // 15 days overdue
		expect(await count(notificationTable)).toBe(0);
	});

	it('after a server down over the 7-day stage, sends the 2-day stage only', async () => {
		await reportCohort('Asia/Tokyo');
		expect(await kinds('2026-12-18T23:30:00Z')).toEqual(['report_due_2d']); // 19 Dec, 1 day before
		expect(await kinds('2026-12-19T05:00:00Z')).toEqual([]);
		expect(await kinds('2026-12-20T01:00:00Z')).toEqual(['report_due_0d']);
	});
});

describe('the mentor’s morning digest', () => {
	let cohort: Cohort;
	let mentor: SessionUser;
	let p: SessionUser;
	const secret = 'Target list for operation X';

	beforeEach(async () => {
		const made = await makeCohortWith(
			t.db,
			admin,
			{ reportDueDate: '2027-02-20', correctionsUntil: '2027-03-20' },
			1,
		);
		({ cohort, mentor } = made);
		p = made.participants[0]!;
		const open = await createEntry(t.db, p, entryInput({ title: secret, handling: 'restricted' }));
		await submitEntry(t.db, p, open.id, open.version);
		await createEntry(t.db, p, entryInput({ title: `${secret} (draft)`, handling: 'restricted' }));
		// Written on Mon 7 Dec (Tokyo), whatever day the tests run.
		await t.db
			.update(logEntryTable)
			.set({ createdAt: at('2026-12-07T01:00:00Z'), submittedAt: at('2026-12-07T02:00:00Z') });
	});

	const digests = async (iso: string) =>
		(await kinds(iso)).filter((k) => k === 'review_digest').length;

	it('goes from 08:00 cohort time, once a working day, not at the weekend', async () => {
		expect(cohort.timezone).toBe('Asia/Tokyo');
		expect(await digests('2026-12-14T22:30:00Z')).toBe(0); // Tue 15 Dec, 07:30 in Tokyo
		expect(await digests('2026-12-14T23:30:00Z')).toBe(1); // 08:30
		expect(await digests('2026-12-15T05:00:00Z')).toBe(0); // 14:00, same day
		expect(await digests('2026-12-19T01:00:00Z')).toBe(0); // Sat 19 Dec, 10:00
		expect(await digests('2026-12-20T01:00:00Z')).toBe(0); // Sun 20 Dec
		expect(await digests('2026-12-20T23:30:00Z')).toBe(1); // Mon 21 Dec, 08:30
		const sent = await t.db
			.select()
			.from(reminderSentTable)
			.where(eq(reminderSentTable.kind, 'review_digest'));
		expect(sent.map((s) => [s.due, s.recipient])).toEqual([
			['2026-12-15', mentor.id],
			['2026-12-21', mentor.id],
		]);
	});

	it('is not sent while the queue is empty', async () => {
		await t.db
			.update(logEntryTable)
			.set({ status: 'approved' })
			.where(eq(logEntryTable.status, 'submitted'));
		expect(await digests('2026-12-14T23:30:00Z')).toBe(0);
	});

	it('never puts a restricted title in any reminder text or email', async () => {
		const sent = await kinds('2026-12-14T23:30:00Z');
		expect(sent).toEqual(expect.arrayContaining(['review_digest', 'entry_draft']));
		const notes = await t.db
			.select()
			.from(notificationTable)
			.where(inArray(notificationTable.userId, [mentor.id, p.id]));
		const mails = await t.db.select().from(mailOutboxTable);
		expect(notes.length).toBeGreaterThanOrEqual(2);
		for (const text of [...notes.map((n) => n.text), ...mails.map((m) => m.subject + m.text)])
			expect(text).not.toContain('operation X');
		expect(notes.map((n) => n.text).join('\n')).toContain('restricted entry (title withheld)');
	});
});
