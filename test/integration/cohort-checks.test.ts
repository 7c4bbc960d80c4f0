/** The cohort matrix's knowledge-check cells: first attempt and best, each against the pass mark. */
import { describe, expect, it, vi } from 'vitest';
import { useTestDb } from '../helpers/db';
import { takeCheck } from '../helpers/quiz';
import { makeCohort, makeUser } from '../helpers/factories';
import { optionId } from '~/lib/assessment/quiz';
import { cohortChecks } from '~/lib/server/cohort/overview';
import { publishedModules } from '~/lib/server/course/modules';
import { findKnowledgeCheck } from '~/lib/server/assessment/knowledge-check';

// The real modules, notes and rubrics from content/ (Astro's loaders do not run under Vitest).
vi.mock('astro:content', async () => (await import('../helpers/content')).contentFromDisk());

const t = useTestDb();

describe('cohort matrix: knowledge checks', () => {
	it('shows each participant’s first attempt and best score, pass or fail against the pass mark', async () => {
		const check = (await findKnowledgeCheck('wco-and-rilo-network'))!;
		const right = check.questions.map((q) => optionId(q.options[q.answer]!));
		const wrongFirst = (n: number) =>
			check.questions.map((q, i) =>
				optionId(q.options[i < n ? (q.answer + 1) % q.options.length : q.answer]!),
			);
		const total = check.questions.length;
		const admin = await makeUser(t.db, 'admin');
		const { cohort, participants } = await makeCohort(t.db, admin, 3);
		const other = await makeCohort(t.db, admin, 1);
		const [a, b, c] = participants;
		// a: fails first (3 wrong), then passes with full marks.
		await takeCheck(t.db, a!, check, 1, wrongFirst(3));
		await takeCheck(t.db, a!, check, 2, right);
		// b: passes first, then does worse: the first stays first and the best stays best.
		await takeCheck(t.db, b!, check, 3, right);
		await takeCheck(t.db, b!, check, 4, wrongFirst(4));
		// Another cohort's participant never shows up in this cohort's matrix.
		await takeCheck(t.db, other.participants[0]!, check, 5, right);

		const checks = await cohortChecks(t.db, cohort.id, await publishedModules());
		expect(checks.passMarks.get('wco-and-rilo-network')).toBe(check.passMark);
		expect(checks.cell(a!.id, 'wco-and-rilo-network')).toEqual({
			firstScore: total - 3,
			firstTotal: total,
			bestScore: total,
			bestTotal: total,
			attempts: 2,
			firstPassed: false,
			bestPassed: true,
		});
		expect(checks.cell(b!.id, 'wco-and-rilo-network')).toMatchObject({
			firstScore: total,
			bestScore: total,
			attempts: 2,
			firstPassed: true,
			bestPassed: true,
		});
		expect(checks.cell(c!.id, 'wco-and-rilo-network')).toBeUndefined();
		expect(checks.cell(other.participants[0]!.id, 'wco-and-rilo-network')).toBeUndefined();
		expect(checks.cell(a!.id, 'cen-database-and-data-quality')).toBeUndefined();
	});

	it('gives every published module a pass mark no higher than its questions', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 1);
		const modules = await publishedModules();
		const checks = await cohortChecks(t.db, cohort.id, modules);
		for (const m of modules) {
			const mark = checks.passMarks.get(m.id);
			expect(mark, m.id).toBeGreaterThan(0);
			expect(mark!, m.id).toBeLessThanOrEqual((await findKnowledgeCheck(m.id))!.questions.length);
		}
	});
});
