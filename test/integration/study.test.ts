import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	auditEventTable,
	notificationTable,
	studyCommentTable,
	studyPaperSectionTable,
} from '~db/schema';
import {
	findStudyForViewer,
	getStudy,
	saveFindings,
	savePlan,
	StudyConflict,
} from '~/lib/server/study/plan';
import { addSource, deleteSource, updateSource } from '~/lib/server/study/source';
import { addMilestone, deleteMilestone, setMilestoneDone } from '~/lib/server/study/milestone';
import {
	addSection,
	deleteSection,
	moveSection,
	PaperConflict,
	renameSection,
	saveSectionBody,
} from '~/lib/server/study/paper';
import { addActivity, updateActivity } from '~/lib/server/study/activity';
import { addStudyComment, resolveStudyComment } from '~/lib/server/study/comment';
import { setCohortArchived } from '~/lib/server/cohort/manage';
import { daysOverdue, isOverdue, parsePart, sectionPart } from '~/lib/study/rules';
import { useTwoCohortsDb } from '../helpers/factories';

const { t, setup } = useTwoCohortsDb();

const plan = (title = 'Postal alerts on precursors') => ({
	title,
	question: 'Which alert indicators find precursor chemicals in postal flows?',
	scope: 'Postal and express, 2024–2026.',
	method: 'CEN seizure data, trend analysis.',
	expectedOutputs: 'A risk indicator list and an alert template.',
});

const source = {
	citation: 'WCO Illicit Trade Report 2024',
	link: 'https://www.wcoomd.org/',
	notes: 'Annual figures.',
	reliability: 'A' as const,
};

const activity = {
	what: 'Joint alert on postal precursor shipments',
	agreedOn: '2026-12-10',
	agreedBy: 'Me, Aldoria Customs and RILO A/P',
	status: 'planned' as const,
	outcome: '',
};

/** One record of every kind in p1's study. */
async function fill(p1: Parameters<typeof addSource>[1]) {
	await savePlan(t.db, p1, 0, plan());
	return {
		source: await addSource(t.db, p1, source),
		milestone: await addMilestone(t.db, p1, { title: 'Data collected', dueDate: '2026-12-11' }),
		section: await addSection(t.db, p1, 'Introduction'),
		activity: await addActivity(t.db, p1, activity),
	};
}

describe('plan and findings', () => {
	it('creates the study on the first save and bumps the version on every save', async () => {
		const { p1 } = await setup();
		expect((await getStudy(t.db, p1.id)).study.version).toBe(0);
		const first = await savePlan(t.db, p1, 0, plan());
		expect(first).toMatchObject({ version: 1, title: 'Postal alerts on precursors' });
		const second = await saveFindings(t.db, p1, 1, 'Most shipments are **declared as samples**.');
		expect(second).toMatchObject({ version: 2, title: 'Postal alerts on precursors' });
		expect(second.findings).toContain('declared as samples');
		const actions = (await t.db.select().from(auditEventTable)).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['study.plan_save', 'study.findings_save']));
	});

	it('refuses a stale plan save and carries the saved text', async () => {
		const { p1 } = await setup();
		await savePlan(t.db, p1, 0, plan('Tab A title'));
		const stale = savePlan(t.db, p1, 0, plan('Tab B title'));
		await expect(stale).rejects.toBeInstanceOf(StudyConflict);
		await stale.catch((e: StudyConflict) => {
			expect(e.code).toBe('conflict');
			expect(e.current).toMatchObject({ title: 'Tab A title', version: 1 });
		});
		expect((await getStudy(t.db, p1.id)).study.title).toBe('Tab A title');
	});

	it('refuses findings saved from a page opened before a plan change', async () => {
		const { p1 } = await setup();
		await savePlan(t.db, p1, 0, plan());
		await saveFindings(t.db, p1, 1, 'First notes');
		await savePlan(t.db, p1, 2, plan('Renamed'));
		const stale = saveFindings(t.db, p1, 2, 'Notes from the old tab');
		await expect(stale).rejects.toBeInstanceOf(StudyConflict);
		await stale.catch((e: StudyConflict) => expect(e.current.findings).toBe('First notes'));
	});

	it('lets exactly one of two simultaneous first saves win', async () => {
		const { p1 } = await setup();
		const results = await Promise.allSettled([
			savePlan(t.db, p1, 0, plan('one')),
			savePlan(t.db, p1, 0, plan('two')),
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(
			results.filter((r) => r.status === 'rejected' && r.reason instanceof StudyConflict),
		).toHaveLength(1);
		expect((await getStudy(t.db, p1.id)).study.version).toBe(1);
	});
});

describe('who may touch what', () => {
	it('another participant gets 404 on every part', async () => {
		const { p1, p2 } = await setup();
		const r = await fill(p1);
		const notFound = { code: 'not_found' };
		expect(await findStudyForViewer(t.db, p2, p1.id)).toBeNull();
		await expect(updateSource(t.db, p2, r.source.id, source)).rejects.toMatchObject(notFound);
		await expect(deleteSource(t.db, p2, r.source.id)).rejects.toMatchObject(notFound);
		await expect(setMilestoneDone(t.db, p2, r.milestone.id, true)).rejects.toMatchObject(notFound);
		await expect(deleteMilestone(t.db, p2, r.milestone.id)).rejects.toMatchObject(notFound);
		await expect(renameSection(t.db, p2, r.section.id, 'x')).rejects.toMatchObject(notFound);
		await expect(saveSectionBody(t.db, p2, r.section.id, 1, 'x')).rejects.toMatchObject(notFound);
		await expect(moveSection(t.db, p2, r.section.id, 'down')).rejects.toMatchObject(notFound);
		await expect(deleteSection(t.db, p2, r.section.id)).rejects.toMatchObject(notFound);
		await expect(
			updateActivity(t.db, p2, r.activity.id, { status: 'done', outcome: 'x' }),
		).rejects.toMatchObject(notFound);
		await expect(addStudyComment(t.db, p2, p1.id, 'plan', 'hi')).rejects.toMatchObject(notFound);
		// A participant's own writes never reach into someone else's study either.
		await savePlan(t.db, p2, 0, plan('Mine'));
		const study = await getStudy(t.db, p1.id);
		expect(study.study.title).toBe('Postal alerts on precursors');
		expect(study.sources[0]!.citation).toBe(source.citation);
		expect(study.milestones[0]!.doneAt).toBeNull();
		expect(study.sections).toHaveLength(1);
		expect(study.activities[0]!.status).toBe('planned');
	});

	it('a mentor of another cohort gets 404 on every part; mentors never write the study', async () => {
		const { mentor, otherMentor, p1 } = await setup();
		const r = await fill(p1);
		await addStudyComment(t.db, mentor, p1.id, 'plan', 'Narrow the period?');
		const [comment] = await t.db.select().from(studyCommentTable);
		expect(await findStudyForViewer(t.db, otherMentor, p1.id)).toBeNull();
		for (const part of ['plan', 'sources', 'milestones', 'findings', 'activities', 'paper'])
			await expect(addStudyComment(t.db, otherMentor, p1.id, part, 'x')).rejects.toMatchObject({
				code: 'not_found',
			});
		await expect(
			addStudyComment(t.db, otherMentor, p1.id, sectionPart(r.section.id), 'x'),
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(resolveStudyComment(t.db, otherMentor, comment!.id)).rejects.toMatchObject({
			code: 'not_found',
		});
		expect(await findStudyForViewer(t.db, mentor, p1.id)).not.toBeNull();
		const forbidden = { code: 'forbidden' };
		await expect(savePlan(t.db, mentor, 1, plan())).rejects.toMatchObject(forbidden);
		await expect(addSource(t.db, mentor, source)).rejects.toMatchObject(forbidden);
		await expect(updateSource(t.db, mentor, r.source.id, source)).rejects.toMatchObject(forbidden);
		await expect(addSection(t.db, mentor, 'x')).rejects.toMatchObject(forbidden);
	});

	it('admins read every study but neither write nor comment', async () => {
		const { admin, mentor, p1 } = await setup();
		const r = await fill(p1);
		await addStudyComment(t.db, mentor, p1.id, 'plan', 'Good question.');
		const [comment] = await t.db.select().from(studyCommentTable);
		const view = await findStudyForViewer(t.db, admin, p1.id);
		expect(view).toMatchObject({ study: { title: 'Postal alerts on precursors' } });
		expect(view!.comments).toHaveLength(1);
		await expect(addStudyComment(t.db, admin, p1.id, 'plan', 'x')).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(resolveStudyComment(t.db, admin, comment!.id)).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(savePlan(t.db, admin, 1, plan('x'))).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			updateActivity(t.db, admin, r.activity.id, { status: 'done', outcome: '' }),
		).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('refuses every write once the cohort is archived', async () => {
		const { admin, cohort, mentor, p1 } = await setup();
		const r = await fill(p1);
		await setCohortArchived(t.db, admin.id, cohort.id, true);
		const archived = { code: 'forbidden', message: expect.stringContaining('archived') };
		await expect(savePlan(t.db, p1, 1, plan('late'))).rejects.toMatchObject(archived);
		await expect(addSource(t.db, p1, source)).rejects.toMatchObject(archived);
		await expect(setMilestoneDone(t.db, p1, r.milestone.id, true)).rejects.toMatchObject(archived);
		await expect(saveSectionBody(t.db, p1, r.section.id, 1, 'x')).rejects.toMatchObject(archived);
		await expect(addActivity(t.db, p1, activity)).rejects.toMatchObject(archived);
		await expect(addStudyComment(t.db, mentor, p1.id, 'plan', 'x')).rejects.toMatchObject(archived);
		expect(await findStudyForViewer(t.db, p1, p1.id)).toMatchObject({ archived: true });
	});
});

describe('milestones', () => {
	it('is overdue only when open and past its due day', () => {
		const open = { dueDate: '2026-12-08', doneAt: null };
		expect(isOverdue(open, '2026-12-07')).toBe(false);
		expect(isOverdue(open, '2026-12-08')).toBe(false);
		expect(isOverdue(open, '2026-12-09')).toBe(true);
		expect(daysOverdue(open, '2026-12-11')).toBe(3);
		expect(isOverdue({ ...open, doneAt: new Date() }, '2026-12-20')).toBe(false);
		expect(daysOverdue({ ...open, doneAt: new Date() }, '2026-12-20')).toBe(0);
	});

	it('are marked done and not done again, and deleted', async () => {
		const { p1 } = await setup();
		const later = await addMilestone(t.db, p1, { title: 'Draft to mentor', dueDate: '2026-12-20' });
		const sooner = await addMilestone(t.db, p1, { title: 'Data collected', dueDate: '2026-12-09' });
		expect((await getStudy(t.db, p1.id)).milestones.map((m) => m.id)).toEqual([
			sooner.id,
			later.id,
		]);
		expect((await setMilestoneDone(t.db, p1, sooner.id, true)).doneAt).toBeInstanceOf(Date);
		expect((await setMilestoneDone(t.db, p1, sooner.id, false)).doneAt).toBeNull();
		await deleteMilestone(t.db, p1, later.id);
		expect((await getStudy(t.db, p1.id)).milestones).toHaveLength(1);
	});
});

describe('sources and activities', () => {
	it('updates and deletes sources', async () => {
		const { p1 } = await setup();
		const s = await addSource(t.db, p1, source);
		const u = await updateSource(t.db, p1, s.id, { ...source, reliability: 'C', notes: 'Dated.' });
		expect(u).toMatchObject({ reliability: 'C', notes: 'Dated.' });
		await deleteSource(t.db, p1, s.id);
		expect((await getStudy(t.db, p1.id)).sources).toHaveLength(0);
	});

	it('moves an activity through its statuses and keeps what was agreed', async () => {
		const { p1 } = await setup();
		const a = await addActivity(t.db, p1, activity);
		expect(a.status).toBe('planned');
		await updateActivity(t.db, p1, a.id, { status: 'in_progress', outcome: '' });
		const done = await updateActivity(t.db, p1, a.id, {
			status: 'done',
			outcome: 'Alert issued to three administrations.',
		});
		expect(done).toMatchObject({
			status: 'done',
			outcome: 'Alert issued to three administrations.',
			what: activity.what,
			agreedBy: activity.agreedBy,
			agreedOn: activity.agreedOn,
		});
		const actions = (await t.db.select().from(auditEventTable)).map((e) => e.action);
		expect(actions.filter((x) => x === 'study.activity_update')).toHaveLength(2);
	});
});

describe('the paper', () => {
	it('keeps sections in order, moves them, and refuses a stale body save', async () => {
		const { p1 } = await setup();
		const intro = await addSection(t.db, p1, 'Introduction');
		const method = await addSection(t.db, p1, 'Method');
		const findings = await addSection(t.db, p1, 'Findings');
		const titles = async () => (await getStudy(t.db, p1.id)).sections.map((s) => s.title);
		expect(await titles()).toEqual(['Introduction', 'Method', 'Findings']);
		await moveSection(t.db, p1, findings.id, 'up');
		expect(await titles()).toEqual(['Introduction', 'Findings', 'Method']);
		await moveSection(t.db, p1, intro.id, 'up'); // already first: nothing happens
		expect(await titles()).toEqual(['Introduction', 'Findings', 'Method']);
		await renameSection(t.db, p1, method.id, 'Method and data');
		expect(await titles()).toEqual(['Introduction', 'Findings', 'Method and data']);

		await saveSectionBody(t.db, p1, intro.id, 1, 'Tab A text');
		const stale = saveSectionBody(t.db, p1, intro.id, 1, 'Tab B text');
		await expect(stale).rejects.toBeInstanceOf(PaperConflict);
		await stale.catch((e: PaperConflict) => expect(e.current.body).toBe('Tab A text'));
		// Renaming does not bump the body's version: an open editor still saves.
		await renameSection(t.db, p1, intro.id, 'Introduction and context');
		expect(await saveSectionBody(t.db, p1, intro.id, 2, 'Tab A, more')).toMatchObject({
			version: 3,
			title: 'Introduction and context',
		});
	});

	it('deletes a section with its comment thread', async () => {
		const { mentor, p1 } = await setup();
		const s = await addSection(t.db, p1, 'Draft');
		await addStudyComment(t.db, mentor, p1.id, sectionPart(s.id), 'Shorten it.');
		await addStudyComment(t.db, mentor, p1.id, 'plan', 'Stays.');
		await deleteSection(t.db, p1, s.id);
		expect(await t.db.select().from(studyPaperSectionTable)).toHaveLength(0);
		expect((await t.db.select().from(studyCommentTable)).map((c) => c.body)).toEqual(['Stays.']);
	});
});

describe('comments', () => {
	it('notifies the other side, names the part, never the text', async () => {
		const { mentor, otherMentor, p1, p2 } = await setup();
		const section = await addSection(t.db, p1, 'Confidential target list');
		await addStudyComment(t.db, mentor, p1.id, 'plan', 'Which period exactly?');
		await addStudyComment(t.db, p1, p1.id, 'plan', 'Jan 2024 to Jun 2026.');
		await addStudyComment(t.db, mentor, p1.id, sectionPart(section.id), 'Good start.');
		const notes = await t.db.select().from(notificationTable);
		const to = (id: string) => notes.filter((n) => n.userId === id);
		expect(to(p1.id).map((n) => n.link)).toEqual([
			'/study#comments-plan',
			`/study/paper#comments-paper-${section.id}`,
		]);
		expect(to(p1.id)[0]!.text).toContain('commented on the plan of your thematic study');
		expect(to(mentor.id)).toHaveLength(1);
		expect(to(mentor.id)[0]!.link).toBe(`/study/${p1.id}#comments-plan`);
		expect(to(otherMentor.id)).toHaveLength(0);
		expect(to(p2.id)).toHaveLength(0);
		for (const n of notes) {
			expect(n.text).not.toContain('period');
			expect(n.text).not.toContain('Confidential target list');
		}
	});

	it('either side resolves; unknown parts and sections are 404', async () => {
		const { mentor, p1, p2 } = await setup();
		await addStudyComment(t.db, mentor, p1.id, 'sources', 'Add a second source for B.');
		const [c] = await t.db.select().from(studyCommentTable);
		await expect(resolveStudyComment(t.db, p2, c!.id)).rejects.toMatchObject({
			code: 'not_found',
		});
		expect(await resolveStudyComment(t.db, p1, c!.id)).toEqual({
			participantId: p1.id,
			part: 'sources',
		});
		const [after] = await t.db
			.select()
			.from(studyCommentTable)
			.where(eq(studyCommentTable.id, c!.id));
		expect(after!.resolvedAt).toBeInstanceOf(Date);
		await expect(addStudyComment(t.db, mentor, p1.id, 'budget', 'x')).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(
			addStudyComment(t.db, mentor, p1.id, 'paper:nosuchsection', 'x'),
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(addStudyComment(t.db, mentor, p1.id, 'plan', '   ')).rejects.toMatchObject({
			field: 'body',
		});
	});

	it('reads parts strictly', () => {
		expect(parsePart('plan')).toEqual({ part: 'plan', sectionId: null });
		expect(parsePart('paper:abc123')).toEqual({ part: 'paper', sectionId: 'abc123' });
		expect(parsePart('paper:demopaper-0-1')).toMatchObject({ sectionId: 'demopaper-0-1' });
		expect(parsePart('paper:')).toBeNull();
		expect(parsePart('plan:x')).toBeNull();
		expect(parsePart('constructor')).toBeNull();
	});
});
