/**
 * The course evaluation: saved per participant and cohort, shown to the programme office only
 * where at least three answered, and copied into the report unless the report is locked.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { reportSectionTable, reportTable } from '~db/schema';
import { evaluationItems } from '~/lib/evaluation/items';
import { RuleError } from '~/lib/server/errors';
import {
	evaluationDraftMarkdown,
	findEvaluation,
	saveEvaluation,
} from '~/lib/server/evaluation/answers';
import { evaluationResults } from '~/lib/server/evaluation/results';
import { copyEvaluationToReport } from '~/lib/server/evaluation/copy-to-report';
import type { SessionUser } from '~/lib/server/auth/session';

const items = evaluationItems([
	{ id: 'mod-a', title: 'Module A', description: 'A module.', day: 1, order: 1, duration: 60 },
	{ id: 'mod-b', title: 'Module B', description: 'B module.', day: 2, order: 1, duration: 60 },
]);

const t = useTestDb();

const save = (
	p: SessionUser,
	ratings: Record<string, string>,
	comments: Record<string, string> = {},
) => saveEvaluation(t.db, p, { ratings, comments }, items);

describe('course evaluation', () => {
	it('asks about each day, each module and the week', () => {
		expect(items.map((i) => i.key)).toEqual([
			'day-1',
			'module:mod-a',
			'day-2',
			'module:mod-b',
			'overall',
		]);
	});

	it('saves, updates and clears a participant’s answers; unknown items are ignored', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { participants } = await makeCohort(t.db, admin, 1);
		const p = participants[0]!;
		expect(
			await save(
				p,
				{ 'day-1': '4', 'module:mod-a': '5', 'module:nope': '1' },
				{ overall: 'Good week' },
			),
		).toEqual({ answered: 3 });
		await save(p, { 'day-1': '', 'module:mod-a': '3' });
		const mine = await findEvaluation(t.db, p.id);
		expect([...mine.keys()].sort()).toEqual(['module:mod-a']);
		expect(mine.get('module:mod-a')?.rating).toBe(3);
	});

	it('is for participants in a cohort only', async () => {
		const mentor = await makeUser(t.db, 'mentor');
		await expect(save(mentor, { 'day-1': '5' })).rejects.toThrow(RuleError);
		const loner = await makeUser(t.db, 'participant');
		await expect(save(loner, { 'day-1': '5' })).rejects.toThrow(/not in a cohort/);
	});

	it('shows the programme office no rating or comment that fewer than three gave', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, participants } = await makeCohort(t.db, admin, 4);
		const [a, b, c, d] = participants;
		await save(a!, { 'day-1': '5', 'day-2': '2' }, { 'day-1': 'Clear', 'day-2': 'Too long' });
		await save(b!, { 'day-1': '4', 'day-2': '3' }, { 'day-1': 'Useful' });
		await save(c!, { 'day-1': '3' }, { 'day-1': 'Busy' });
		await save(d!, {}, { overall: 'Thanks' });
		const { respondents, results } = await evaluationResults(t.db, cohort.id, items);
		expect(respondents).toBe(4);
		const byKey = Object.fromEntries(results.map((r) => [r.item.key, r]));
		expect(byKey['day-1']!.ratings).toEqual({ count: 3, mean: 4, counts: [0, 0, 1, 1, 1] });
		expect(byKey['day-1']!.comments).toEqual(['Busy', 'Clear', 'Useful']);
		// Two ratings and one comment: counted, never shown.
		expect(byKey['day-2']).toMatchObject({
			ratingCount: 2,
			ratings: null,
			commentCount: 1,
			comments: null,
		});
		expect(byKey['overall']).toMatchObject({ commentCount: 1, comments: null });
	});

	it('drafts Markdown from the participant’s own answers and copies it into the report', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { participants } = await makeCohort(t.db, admin, 1);
		const p = participants[0]!;
		await expect(copyEvaluationToReport(t.db, p, items)).rejects.toThrow(/nothing to copy/);
		await save(
			p,
			{ 'day-1': '4', 'module:mod-b': '2' },
			{ 'module:mod-b': 'More practice,\nplease' },
		);
		const draft = await evaluationDraftMarkdown(t.db, p.id, items);
		expect(draft).toContain(
			'- **Day 1: The WCO, the RILO network, RILO A/P and the programme**: 4 of 5',
		);
		expect(draft).toContain('- Module B: 2 of 5 — More practice, please');
		const section = await copyEvaluationToReport(t.db, p, items);
		expect(section.kind).toBe('evaluation');
		expect(section.outline).toContain('Module B: 2 of 5');
		// A second copy goes below what is there, never replacing it.
		const again = await copyEvaluationToReport(t.db, p, items);
		expect(again.outline.match(/Module B: 2 of 5/g)).toHaveLength(2);
	});

	it('refuses to copy into a locked (closed) report and leaves it unchanged', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { participants } = await makeCohort(t.db, admin, 1);
		const p = participants[0]!;
		await save(p, { 'day-1': '4' });
		await copyEvaluationToReport(t.db, p, items);
		await t.db
			.update(reportTable)
			.set({ status: 'closed' })
			.where(eq(reportTable.participantId, p.id));
		const before = await t.db
			.select()
			.from(reportSectionTable)
			.where(eq(reportSectionTable.participantId, p.id));
		await expect(copyEvaluationToReport(t.db, p, items)).rejects.toThrow(/report is closed/);
		const after = await t.db
			.select()
			.from(reportSectionTable)
			.where(eq(reportSectionTable.participantId, p.id));
		expect(after).toEqual(before);
	});
});
