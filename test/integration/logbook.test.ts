import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEventTable, logEntryTable, notificationTable, reviewDecisionTable } from '~db/schema';
import {
	createEntry,
	deleteEntry,
	findEntryForViewer,
	submitEntry,
	updateEntry,
	VersionConflict,
} from '~/lib/server/logbook/entry';
import {
	approveDay,
	decideEntry,
	listReviewQueue,
	reopenEntry,
	undoDecision,
	countReviewQueue,
} from '~/lib/server/review/decide';
import { addComment, listComments, resolveComment } from '~/lib/server/logbook/comment';
import { RuleError } from '~/lib/server/errors';
import type { SessionUser } from '~/lib/server/auth/session';
import { useTwoCohortsDb } from '../helpers/factories';
import { entryInput } from '../helpers/entries';

const { t, setup } = useTwoCohortsDb();

/** A fresh entry of the participant's, submitted for review (now at version 2). */
const submittedEntry = async (participant: SessionUser) => {
	const e = await createEntry(t.db, participant, entryInput());
	await submitEntry(t.db, participant, e.id, 1);
	return e;
};

/** The review decisions recorded on an entry, oldest first. */
const decisionsOn = async (entryId: string) =>
	(
		await t.db.select().from(reviewDecisionTable).where(eq(reviewDecisionTable.entryId, entryId))
	).map((d) => d.decision);

const statusOf = async (id: string) =>
	(await t.db.select().from(logEntryTable).where(eq(logEntryTable.id, id)))[0]!;

describe('status transitions', () => {
	it('draft -> submitted -> changes requested -> edited -> submitted -> approved', async () => {
		const { mentor, p1 } = await setup();
		const e = await createEntry(t.db, p1, entryInput());
		expect(e).toMatchObject({ status: 'draft', version: 1 });
		const s = await submitEntry(t.db, p1, e.id, 1);
		expect(s).toMatchObject({ status: 'submitted', version: 2 });
		expect(s.submittedAt).toBeInstanceOf(Date);
		const c = await decideEntry(
			t.db,
			mentor,
			e.id,
			'changes_requested',
			'Add the chart you produced.',
		);
		expect(c).toMatchObject({ status: 'changes_requested', version: 3 });
		const u = await updateEntry(t.db, p1, e.id, 3, entryInput({ outputs: '- chart attached' }));
		expect(u).toMatchObject({
			status: 'changes_requested',
			version: 4,
			outputs: '- chart attached',
		});
		await submitEntry(t.db, p1, e.id, 4);
		const ok = await decideEntry(t.db, mentor, e.id, 'approved', '');
		expect(ok.status).toBe('approved');
		expect(await decisionsOn(e.id)).toEqual(['changes_requested', 'approved']);
		const audit = await t.db.select().from(auditEventTable);
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'log_entry.create',
				'log_entry.submit',
				'review.changes_requested',
				'log_entry.update',
				'review.approved',
			]),
		);
	});

	it('locks approved entries until a mentor reopens them', async () => {
		const { mentor, p1 } = await setup();
		const e = await submittedEntry(p1);
		await decideEntry(t.db, mentor, e.id, 'approved', '');
		await expect(updateEntry(t.db, p1, e.id, 3, entryInput())).rejects.toThrow(
			/approved and locked/,
		);
		await expect(submitEntry(t.db, p1, e.id, 3)).rejects.toThrow(/already been submitted/);
		await reopenEntry(t.db, mentor, e.id, 'Please add the source.');
		expect((await statusOf(e.id)).status).toBe('changes_requested');
		await expect(
			updateEntry(t.db, p1, e.id, 4, entryInput({ title: 'Fixed' })),
		).resolves.toMatchObject({ title: 'Fixed' });
	});

	it('refuses reviews that do not fit the status, and changes without a comment', async () => {
		const { mentor, p1 } = await setup();
		const e = await createEntry(t.db, p1, entryInput());
		await expect(decideEntry(t.db, mentor, e.id, 'approved', '')).rejects.toThrow(
			/not waiting for review/,
		);
		await submitEntry(t.db, p1, e.id, 1);
		await expect(decideEntry(t.db, mentor, e.id, 'changes_requested', '  ')).rejects.toMatchObject({
			field: 'comment',
		});
		await expect(reopenEntry(t.db, mentor, e.id, '')).rejects.toThrow(/Only an approved entry/);
		await expect(updateEntry(t.db, p1, e.id, 2, entryInput())).rejects.toThrow(
			/waiting for review/,
		);
	});

	it('undoes a mistaken decision, once, and keeps both in the record', async () => {
		const { mentor, p1 } = await setup();
		const e = await submittedEntry(p1);
		await decideEntry(t.db, mentor, e.id, 'approved', '');
		await undoDecision(t.db, mentor, e.id);
		expect((await statusOf(e.id)).status).toBe('submitted');
		await expect(undoDecision(t.db, mentor, e.id)).rejects.toThrow(/no decision to undo/);
		expect(await decisionsOn(e.id)).toEqual(['approved', 'undone']);
	});

	it('deletes drafts only', async () => {
		const { mentor, p1 } = await setup();
		const draft = await createEntry(t.db, p1, entryInput());
		const sent = await submittedEntry(p1);
		await expect(deleteEntry(t.db, p1, sent.id)).rejects.toThrow(/Only drafts/);
		await deleteEntry(t.db, p1, draft.id);
		expect(await t.db.select().from(logEntryTable)).toHaveLength(1);
		void mentor;
	});

	it('approves a whole day at once, only that participant’s submitted entries', async () => {
		const { mentor, p1, p2 } = await setup();
		const mk = async (p: typeof p1, date: string, submit = true) => {
			const e = await createEntry(t.db, p, entryInput({ date }));
			if (submit) await submitEntry(t.db, p, e.id, 1);
			return e;
		};
		const a = await mk(p1, '2026-12-08');
		const b = await mk(p1, '2026-12-08');
		const draft = await mk(p1, '2026-12-08', false);
		const otherDay = await mk(p1, '2026-12-09');
		const otherPerson = await mk(p2, '2026-12-08');
		expect(await approveDay(t.db, mentor, p1.id, '2026-12-08')).toBe(2);
		expect((await statusOf(a.id)).status).toBe('approved');
		expect((await statusOf(b.id)).status).toBe('approved');
		expect((await statusOf(draft.id)).status).toBe('draft');
		expect((await statusOf(otherDay.id)).status).toBe('submitted');
		expect((await statusOf(otherPerson.id)).status).toBe('submitted');
	});
});

describe('who may touch what', () => {
	it('a participant gets 404 for another participant’s entry, on every action', async () => {
		const { p1, p2 } = await setup();
		const e = await createEntry(t.db, p1, entryInput());
		expect(await findEntryForViewer(t.db, p2, e.id)).toBeNull();
		const notFound = { code: 'not_found' };
		await expect(
			updateEntry(t.db, p2, e.id, 1, entryInput({ title: 'hijack' })),
		).rejects.toMatchObject(notFound);
		await expect(submitEntry(t.db, p2, e.id, 1)).rejects.toMatchObject(notFound);
		await expect(deleteEntry(t.db, p2, e.id)).rejects.toMatchObject(notFound);
		await expect(addComment(t.db, p2, e.id, 'hello')).rejects.toMatchObject(notFound);
		expect(await statusOf(e.id)).toMatchObject({
			title: 'Monthly trend of postal seizures',
			status: 'draft',
			version: 1,
		});
	});

	it('a mentor of another cohort gets 404; a participant cannot review', async () => {
		const { otherMentor, p1, p2 } = await setup();
		const e = await submittedEntry(p1);
		await expect(decideEntry(t.db, otherMentor, e.id, 'approved', '')).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(approveDay(t.db, otherMentor, p1.id, '2026-12-08')).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(decideEntry(t.db, p2, e.id, 'approved', '')).rejects.toMatchObject({
			code: 'forbidden',
		});
		expect(await listReviewQueue(t.db, otherMentor)).toHaveLength(0);
		expect((await statusOf(e.id)).status).toBe('submitted');
	});

	it('admins read every entry but neither write nor review', async () => {
		const { admin, p1 } = await setup();
		const e = await createEntry(t.db, p1, entryInput());
		expect(await findEntryForViewer(t.db, admin, e.id)).not.toBeNull();
		await expect(createEntry(t.db, admin, entryInput())).rejects.toBeInstanceOf(RuleError);
		await expect(addComment(t.db, admin, e.id, 'x')).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('nothing is lost', () => {
	it('refuses a save from a stale tab and returns the saved version', async () => {
		const { p1 } = await setup();
		const e = await createEntry(t.db, p1, entryInput());
		await updateEntry(t.db, p1, e.id, 1, entryInput({ summary: 'Tab A text' }));
		const stale = updateEntry(t.db, p1, e.id, 1, entryInput({ summary: 'Tab B text' }));
		await expect(stale).rejects.toBeInstanceOf(VersionConflict);
		await stale.catch((error: VersionConflict) => expect(error.current.summary).toBe('Tab A text'));
		expect((await statusOf(e.id)).summary).toBe('Tab A text');
	});

	it('lets exactly one of two simultaneous saves win', async () => {
		const { p1 } = await setup();
		const e = await createEntry(t.db, p1, entryInput());
		const results = await Promise.allSettled([
			updateEntry(t.db, p1, e.id, 1, entryInput({ summary: 'first' })),
			updateEntry(t.db, p1, e.id, 1, entryInput({ summary: 'second' })),
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(
			results.filter((r) => r.status === 'rejected' && r.reason instanceof VersionConflict),
		).toHaveLength(1);
		expect((await statusOf(e.id)).version).toBe(2);
	});

	it('refuses an edit after a mentor reopened or decided meanwhile', async () => {
		const { mentor, p1 } = await setup();
		const e = await submittedEntry(p1);
		await decideEntry(t.db, mentor, e.id, 'changes_requested', 'More detail please');
		// The participant's form was opened at version 2 (before the decision).
		await expect(updateEntry(t.db, p1, e.id, 2, entryInput())).rejects.toBeInstanceOf(
			VersionConflict,
		);
	});

	it('asks for confirmation before logging outside the OJT window', async () => {
		const { p1 } = await setup();
		await expect(createEntry(t.db, p1, entryInput({ date: '2027-02-01' }))).rejects.toMatchObject({
			field: 'date',
		});
		await expect(
			createEntry(t.db, p1, entryInput({ date: '2027-02-01' }), true),
		).resolves.toMatchObject({ date: '2027-02-01' });
	});

	it('clears networking fields on other areas', async () => {
		const { p1 } = await setup();
		const e = await createEntry(t.db, p1, entryInput({ area: 3, counterpart: 'X', followUp: 'Y' }));
		expect(e).toMatchObject({ counterpart: '', followUp: '' });
		const n = await createEntry(
			t.db,
			p1,
			entryInput({
				area: 4,
				activity: 'event',
				counterpart: 'Aldoria Customs',
				meetingFormat: 'Online meeting',
			}),
		);
		expect(n.counterpart).toBe('Aldoria Customs');
	});
});

describe('notifications and comments', () => {
	it('tells mentors about submissions and participants about decisions, withholding restricted titles', async () => {
		const { mentor, p1 } = await setup();
		const e = await createEntry(
			t.db,
			p1,
			entryInput({ title: 'Secret target list', handling: 'restricted' }),
		);
		await submitEntry(t.db, p1, e.id, 1);
		expect(await countReviewQueue(t.db, mentor)).toBe(1);
		await decideEntry(t.db, mentor, e.id, 'approved', '');
		const notes = await t.db.select().from(notificationTable);
		expect(notes.map((n) => n.userId).sort()).toEqual([mentor.id, p1.id].sort());
		for (const n of notes) {
			expect(n.text).not.toContain('Secret target list');
			expect(n.text).toContain('restricted entry (title withheld)');
		}
	});

	it('threads comments from both sides and resolves them', async () => {
		const { mentor, p1, p2 } = await setup();
		const e = await createEntry(t.db, p1, entryInput());
		await addComment(t.db, mentor, e.id, 'Which months?');
		await addComment(t.db, p1, e.id, 'Jan to Jun.');
		const thread = await listComments(t.db, e.id);
		expect(thread.map((c) => c.comment.body)).toEqual(['Which months?', 'Jan to Jun.']);
		await expect(resolveComment(t.db, p2, thread[0]!.comment.id)).rejects.toMatchObject({
			code: 'not_found',
		});
		await resolveComment(t.db, p1, thread[0]!.comment.id);
		expect((await listComments(t.db, e.id))[0]!.comment.resolvedAt).toBeInstanceOf(Date);
	});
});
