import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { reportSectionTable } from '~db/schema';
import {
	addSection,
	deleteSection,
	getReportForViewer,
	listRevisions,
	moveSection,
	restoreRevision,
	saveSection,
	SectionConflict,
} from '~/lib/server/report/working-copy';
import { draftReportFromLog } from '~/lib/server/report/draft-from-log';
import { markOutlinePresented } from '~/lib/server/report/outline';
import { submitVersion } from '~/lib/server/report/submit-version';
import { acceptVersion, returnForCorrections } from '~/lib/server/report/decide-version';
import { addReportComment } from '~/lib/server/report/comment';
import { exportMarkdown } from '~/lib/server/report/export-markdown';
import { reportDocx } from '~/lib/server/report/docx';
import { calendarFeed, regenerateCalendarToken } from '~/lib/server/calendar';
import { createEntry, submitEntry } from '~/lib/server/logbook/entry';
import { decideEntry } from '~/lib/server/review/decide';
import { deadlines, requiredSections } from '~/lib/report/rules';
import type { SessionUser } from '~/lib/server/auth/session';
import { useTestDb } from '../helpers/db';
import { makeTwoCohorts } from '../helpers/factories';
import { entryInput } from '../helpers/entries';

const t = useTestDb();

async function setup() {
	const people = await makeTwoCohorts(t.db);
	const view = (await getReportForViewer(t.db, people.p1, people.p1.id))!;
	const section = (kind: string) => view.sections.find((s) => s.kind === kind)!;
	return { ...people, section, recommendations: section('recommendations') };
}

/** The kinds of the sections `viewer` is shown of a participant's report. */
const kindsSeenBy = async (viewer: SessionUser, participantId: string) =>
	(await getReportForViewer(t.db, viewer, participantId))!.sections.map((s) => s.kind);

/** `who` comments on a section and is told it does not exist. */
const commentRefused = (who: SessionUser, sectionId: string) =>
	expect(addReportComment(t.db, who, { sectionId, quote: '', body: 'hi' })).rejects.toMatchObject({
		code: 'not_found',
	});

describe('sections', () => {
	it('start with the four required sections in order', async () => {
		const { p1 } = await setup();
		expect(await kindsSeenBy(p1, p1.id)).toEqual([
			'activities',
			'study_results',
			'recommendations',
			'evaluation',
		]);
	});

	it('refuse a save from a stale tab, keeping the saved text, and keep every version in the history', async () => {
		const { p1, recommendations: s } = await setup();
		const a = await saveSection(t.db, p1, s.id, 1, { outline: '- tab A', notes: '' });
		await expect(
			saveSection(t.db, p1, s.id, 1, { outline: '- tab B', notes: '' }),
		).rejects.toBeInstanceOf(SectionConflict);
		await saveSection(t.db, p1, s.id, 1, { outline: '- tab B', notes: '' }).catch(
			(e: SectionConflict) => expect(e.current.outline).toBe('- tab A'),
		);
		await saveSection(t.db, p1, s.id, a.version, { outline: '- tab B merged', notes: '' });
		expect((await listRevisions(t.db, s.id)).map((r) => r.outline)).toEqual([
			'- tab B merged',
			'- tab A',
		]);
	});

	it('restore brings back an old version as a new one', async () => {
		const { p1, recommendations: s } = await setup();
		await saveSection(t.db, p1, s.id, 1, { outline: 'first', notes: '' });
		await saveSection(t.db, p1, s.id, 2, { outline: 'second', notes: '' });
		const restored = await restoreRevision(t.db, p1, s.id, 2, 3);
		expect(restored).toMatchObject({ outline: 'first', version: 4 });
		expect((await listRevisions(t.db, s.id)).map((r) => r.reason)).toEqual([
			'restore',
			'save',
			'save',
		]);
	});

	it('fold autosaves into one history entry while typing', async () => {
		const { p1, recommendations: s } = await setup();
		let v = 1;
		for (const text of ['a', 'ab', 'abc'])
			v = (await saveSection(t.db, p1, s.id, v, { outline: text, notes: '' }, 'autosave')).version;
		const history = await listRevisions(t.db, s.id);
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({ outline: 'abc', version: 4, reason: 'autosave' });
	});

	it('let the participant add, reorder and delete their own sections but not the required ones', async () => {
		const { p1, section } = await setup();
		const mine = await addSection(t.db, p1, 'Annex: data sources');
		await moveSection(t.db, p1, mine.id, 'up');
		const order = (await getReportForViewer(t.db, p1, p1.id))!.sections.map((s) => s.title);
		expect(order.at(-2)).toBe('Annex: data sources');
		await expect(deleteSection(t.db, p1, section('evaluation').id)).rejects.toThrow(
			/cannot be deleted/,
		);
		await deleteSection(t.db, p1, mine.id);
		expect(
			await t.db.select().from(reportSectionTable).where(eq(reportSectionTable.id, mine.id)),
		).toHaveLength(0);
	});

	it('are 404 to another participant and to mentors of another cohort', async () => {
		const { p1, p2, otherMentor, section } = await setup();
		expect(await getReportForViewer(t.db, p2, p1.id)).toBeNull();
		expect(await getReportForViewer(t.db, otherMentor, p1.id)).toBeNull();
		await expect(
			saveSection(t.db, p2, section('activities').id, 1, { outline: 'x', notes: '' }),
		).rejects.toMatchObject({ code: 'not_found' });
		await commentRefused(otherMentor, section('activities').id);
	});
});

describe('the evaluation section', () => {
	it('stays hidden from mentors until the final report is submitted; admins always read it', async () => {
		const { admin, mentor, p1, section } = await setup();
		await saveSection(t.db, p1, section('evaluation').id, 1, {
			outline: '- candid view',
			notes: '',
		});
		expect(await kindsSeenBy(mentor, p1.id)).not.toContain('evaluation');
		expect(await kindsSeenBy(admin, p1.id)).toContain('evaluation');
		await commentRefused(mentor, section('evaluation').id);
		const md = await exportMarkdown(t.db, mentor, p1.id, 'full');
		expect(md!.markdown).not.toContain('candid view');
		await markOutlinePresented(t.db, p1, p1.id, '2026-12-24');
		await submitVersion(t.db, p1);
		expect(await kindsSeenBy(mentor, p1.id)).toContain('evaluation');
	});
});

describe('lifecycle', () => {
	it('runs presented -> version 1 -> corrections -> version 2 -> accepted', async () => {
		const { admin, mentor, p1, section } = await setup();
		await expect(submitVersion(t.db, p1)).rejects.toThrow(/Record the outline presentation first/);
		await markOutlinePresented(t.db, mentor, p1.id, '2026-12-24');
		await submitVersion(t.db, p1);
		expect((await getReportForViewer(t.db, p1, p1.id))!.report.status).toBe('final_submitted');
		await expect(submitVersion(t.db, p1)).rejects.toThrow(/with your mentors/);
		await expect(
			returnForCorrections(t.db, p1, p1.id, { corrections: [], note: '' }),
		).rejects.toMatchObject({ code: 'forbidden' });
		await returnForCorrections(
			t.db,
			mentor,
			p1.id,
			{ corrections: [{ position: 2, what: 'Fix the figures' }], note: '' },
			new Date('2027-01-10T00:00:00Z'),
		);
		const r = (await getReportForViewer(t.db, p1, p1.id))!.report;
		expect(r).toMatchObject({
			status: 'corrections_requested',
			correctionsRequest: 'Results of the thematic study: Fix the figures',
			correctionsRequestedOn: '2027-01-10',
		});
		await saveSection(t.db, p1, section('study_results').id, 1, { outline: 'fixed', notes: '' });
		const v2 = await submitVersion(t.db, p1);
		expect(v2.number).toBe(2);
		expect((await getReportForViewer(t.db, p1, p1.id))!.report.status).toBe(
			'corrections_submitted',
		);
		await acceptVersion(t.db, admin, p1.id, new Date('2027-01-20T00:00:00Z'));
		const closed = (await getReportForViewer(t.db, p1, p1.id))!.report;
		expect(closed.status).toBe('closed');
		expect(closed.acceptedAt).toBeInstanceOf(Date);
	});

	it('shows the deadlines that still matter, with days left', () => {
		const dates = {
			outlinePresentationDate: '2026-12-24',
			reportDueDate: '2027-01-09',
			correctionsUntil: '2027-01-26',
		};
		expect(
			deadlines(dates, 'outline_drafted', '2026-12-20').map((d) => [d.key, d.daysLeft, d.tone]),
		).toEqual([
			['outline', 4, 'info'],
			['final', 20, 'info'],
			['corrections', 37, 'info'],
		]);
		expect(deadlines(dates, 'outline_presented', '2027-01-10').map((d) => [d.key, d.tone])).toEqual(
			[
				['final', 'overdue'],
				['corrections', 'info'],
			],
		);
		expect(
			deadlines(dates, 'final_submitted', '2027-01-24').map((d) => [d.key, d.daysLeft, d.tone]),
		).toEqual([['corrections', 2, 'soon']]);
	});
});

describe('draft from my log', () => {
	it('adds approved entries by area and week below what was written, never over it, and withholds restricted text', async () => {
		const { mentor, p1, section } = await setup();
		const approve = async (overrides: Parameters<typeof entryInput>[0]) => {
			const e = await createEntry(t.db, p1, entryInput(overrides));
			await submitEntry(t.db, p1, e.id, 1);
			await decideEntry(t.db, mentor, e.id, 'approved', '');
		};
		await approve({
			title: 'Postal trend chart',
			outputs: '- trend chart of postal seizures\n- short alert draft',
			date: '2026-12-08',
		});
		await approve({
			title: 'Secret profile',
			handling: 'restricted',
			outputs: '- target profile',
			area: 1,
			activity: 'liaison',
			date: '2026-12-15',
		});
		await createEntry(t.db, p1, entryInput({ title: 'Unapproved draft' }));
		await saveSection(t.db, p1, section('activities').id, 1, {
			outline: '- My own opening point',
			notes: '',
		});
		const outcome = await draftReportFromLog(t.db, p1);
		// Two approved entries, both naming outputs (three lines): counted as entries, not as
		// "intelligence materials" (those are the register's items).
		expect(outcome).toMatchObject({ entries: 2, withOutputs: 2 });
		expect(outcome).not.toHaveProperty('materials');
		const view = (await getReportForViewer(t.db, p1, p1.id))!;
		const activities = view.sections.find((s) => s.kind === 'activities')!;
		expect(activities.outline.startsWith('- My own opening point')).toBe(true);
		expect(activities.outline).toContain('(3) Data analysis');
		expect(activities.outline).toContain('Week 1');
		expect(activities.outline).toContain('Postal trend chart');
		expect(activities.outline).not.toContain('Secret profile');
		expect(activities.outline).not.toContain('Unapproved draft');
		const results = view.sections.find((s) => s.kind === 'study_results')!;
		expect(results.notes).toContain('trend chart of postal seizures');
		expect(results.notes).toContain('Outputs named in my log entries:');
		expect(results.notes).not.toContain('Intelligence materials produced');
		expect(results.notes).not.toContain('target profile');
		expect((await listRevisions(t.db, activities.id)).map((r) => r.reason)).toContain(
			'draft-from-log',
		);
	});
});

describe('exports', () => {
	it('writes a .docx whose document XML holds every section', async () => {
		const { p1, section } = await setup();
		await saveSection(t.db, p1, section('recommendations').id, 1, {
			outline: '- Set up a **national** alert desk',
			notes: 'Budget note',
		});
		const md = (await exportMarkdown(t.db, p1, p1.id, 'full'))!;
		const bytes = new Uint8Array(await reportDocx(md.docx));
		expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
		const { unzipSync, strFromU8 } = await import('fflate');
		const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
		// Every required section, by its title, even those left empty.
		for (const { title } of requiredSections) expect(xml).toContain(title);
		expect(xml).toContain('national');
		expect(xml).toContain('Budget note');
		const outline = (await exportMarkdown(t.db, p1, p1.id, 'outline'))!;
		expect(outline.markdown).not.toContain('Budget note');
	});

	it('serves a calendar feed only to the current token', async () => {
		const { p1 } = await setup();
		const first = await regenerateCalendarToken(t.db, p1.id);
		const feed = await calendarFeed(t.db, first);
		expect(feed).toContain('BEGIN:VCALENDAR');
		expect(feed).toContain('Final report due');
		// Deadlines carry reminders; the corrections window is its closing day (factory cohort).
		expect(feed).toContain('DESCRIPTION:Final report due: in 7 days');
		expect(feed).toContain('TRIGGER:-P6DT15H');
		expect(feed).toMatch(/DTSTART;VALUE=DATE:20270126\r\nDTEND;VALUE=DATE:20270127/);
		const second = await regenerateCalendarToken(t.db, p1.id);
		expect(await calendarFeed(t.db, first)).toBeNull();
		expect(await calendarFeed(t.db, second)).toContain('Training week');
	});

	it('drops “Final report due” from the feed once the report is submitted', async () => {
		const { p1 } = await setup();
		const token = await regenerateCalendarToken(t.db, p1.id);
		expect(await calendarFeed(t.db, token)).toContain('SUMMARY:Final report due');
		await markOutlinePresented(t.db, p1, p1.id, '2026-12-24');
		await submitVersion(t.db, p1);
		const feed = (await calendarFeed(t.db, token))!;
		expect(feed).not.toContain('Final report due');
		expect(feed).not.toContain('Send it to RILO A/P');
		// What is still to come stays: the corrections window and the programme's phases.
		expect(feed).toContain('Corrections window closes');
		expect(feed).toContain('Training week');
	});
});
