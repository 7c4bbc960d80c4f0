/**
 * Knowledge checks: options shuffled per attempt and scored by identity, the pass mark, the
 * first attempt kept apart from the best, and the cohort results mentors see.
 */
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../helpers/db';
import { takeCheck } from '../helpers/quiz';
import { makeCohort, makeUser } from '../helpers/factories';
import {
	defaultPassMark,
	optionId,
	passMarkOf,
	scoreAnswers,
	showAttempt,
	type AuthoredQuestion,
} from '~/lib/assessment/quiz';
import type { KnowledgeCheck } from '~/lib/server/assessment/knowledge-check';
import { findQuizResult, listQuizResults } from '~/lib/server/assessment/quiz-results';
import { RuleError } from '~/lib/server/errors';

const questions: AuthoredQuestion[] = Array.from({ length: 6 }, (_, i) => ({
	question: `Question ${i + 1}?`,
	options: ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((o) => `${o} ${i + 1}`),
	answer: i % 4,
	explanation: `Because option ${i % 4} is right.`,
}));
const check: KnowledgeCheck = {
	moduleId: 'test-module',
	title: 'Test module',
	day: 1,
	questions,
	passMark: passMarkOf(questions.length),
};
const right = questions.map((q) => optionId(q.options[q.answer]!));
const wrong = questions.map((q) => optionId(q.options[(q.answer + 1) % q.options.length]!));
/** All right but the first `n` questions. */
const withWrong = (n: number) => right.map((id, i) => (i < n ? wrong[i]! : id));

const t = useTestDb();

describe('shuffling and scoring by identity', () => {
	it('shows two attempts in different orders, each a permutation of the authored options', () => {
		const a = showAttempt(questions, 1);
		const b = showAttempt(questions, 2);
		const order = (s: typeof a) => s.map((q) => q.options.map((o) => o.text).join('|')).join('/');
		expect(order(a)).not.toBe(order(b));
		for (const [i, q] of a.entries())
			expect([...q.options.map((o) => o.text)].sort()).toEqual([...questions[i]!.options].sort());
		// The same seed shows the same order again (the results page relies on it).
		expect(order(showAttempt(questions, 1))).toBe(order(a));
	});

	it('spreads the correct option over every position across attempts', () => {
		const positions = new Set<number>();
		for (let seed = 0; seed < 40; seed++) {
			const shown = showAttempt(questions, seed)[0]!;
			positions.add(shown.options.findIndex((o) => o.text === questions[0]!.options[0]));
		}
		expect(positions).toEqual(new Set([0, 1, 2, 3]));
	});

	it('scores the chosen option ids, whatever positions they were shown at', () => {
		for (const seed of [3, 99, 12345]) {
			const shown = showAttempt(questions, seed);
			// Choose, in each shuffled question, the option whose text is the authored answer.
			const picks = shown.map(
				(q, i) => q.options.find((o) => o.text === questions[i]!.options[questions[i]!.answer])!.id,
			);
			expect(scoreAnswers(questions, picks).score).toBe(6);
		}
		// Posting positions instead of ids scores nothing: ids are the only thing that counts.
		expect(scoreAnswers(questions, ['0', '1', '2', '3', '0', '1']).score).toBe(0);
		// An id from another question does not count for this one.
		expect(scoreAnswers(questions, [right[1]!, ...right.slice(1)]).verdicts[0]!.chosen).toBeNull();
	});
});

describe('pass mark', () => {
	it('defaults to five in six of the questions, rounded up, and a module may set its own', () => {
		expect(defaultPassMark(6)).toBe(5);
		expect(defaultPassMark(7)).toBe(6);
		expect(defaultPassMark(5)).toBe(5);
		expect(passMarkOf(6, 4)).toBe(4);
		expect(passMarkOf(6, 9)).toBe(6);
	});

	it('passes at the mark and not below it', async () => {
		const p = await makeUser(t.db, 'participant');
		const below = await takeCheck(t.db, p, check, 1, withWrong(2));
		expect(below).toMatchObject({ score: 4, passMark: 5, passed: false, saved: true });
		const at = await takeCheck(t.db, p, check, 2, withWrong(1));
		expect(at).toMatchObject({ score: 5, passed: true });
	});

	it('refuses an attempt with an unanswered question and records nothing', async () => {
		const p = await makeUser(t.db, 'participant');
		const answers = [...right.slice(0, 5), null];
		await expect(takeCheck(t.db, p, check, 1, answers)).rejects.toThrow(RuleError);
		expect(await findQuizResult(t.db, p.id, check.moduleId)).toBeNull();
	});
});

describe('first attempt and best attempt', () => {
	it('keeps the first attempt apart from the best', async () => {
		const p = await makeUser(t.db, 'participant');
		const first = await takeCheck(t.db, p, check, 1, withWrong(3));
		expect(first.first).toBe(true);
		for (const n of [0, 4]) {
			const later = await takeCheck(t.db, p, check, n + 5, withWrong(n));
			expect(later.first).toBe(false);
		}
		expect(await findQuizResult(t.db, p.id, check.moduleId)).toMatchObject({
			firstScore: 3,
			bestScore: 6,
			attempts: 3,
			passed: true,
		});
	});

	it('records nothing for a signed-out reader, a mentor or an admin', async () => {
		const admin = await makeUser(t.db, 'admin');
		for (const who of [null, await makeUser(t.db, 'mentor'), admin]) {
			const outcome = await takeCheck(t.db, who, check, 1, right);
			expect(outcome).toMatchObject({ score: 6, saved: false, signedIn: who !== null });
		}
		const rows = await t.db.$client.execute('select count(*) as n from quiz_attempt');
		expect(Number(rows.rows[0]!.n)).toBe(0);
	});

	it('lists first, best and pass per participant and module of one cohort only', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, participants } = await makeCohort(t.db, admin, 2);
		const other = await makeCohort(t.db, admin, 1);
		const [a, b] = participants;
		await takeCheck(t.db, a!, check, 1, withWrong(2));
		await takeCheck(t.db, a!, check, 2, right);
		await takeCheck(t.db, b!, check, 3, withWrong(3));
		await takeCheck(t.db, other.participants[0]!, check, 4, right);
		const results = await listQuizResults(t.db, cohort.id);
		expect(results).toHaveLength(2);
		expect(results.find((r) => r.userId === a!.id)).toMatchObject({
			moduleId: 'test-module',
			firstScore: 4,
			bestScore: 6,
			attempts: 2,
			passed: true,
		});
		expect(results.find((r) => r.userId === b!.id)).toMatchObject({
			firstScore: 3,
			bestScore: 3,
			passed: false,
		});
	});

	it('takes the oldest attempt as the first for rows recorded before the flag existed', async () => {
		const p = await makeUser(t.db, 'participant');
		for (const [i, score] of [2, 5].entries())
			await t.db.$client.execute({
				sql: `insert into quiz_attempt (id, user_id, module_id, answers, score, total, duration_seconds, created_at)
					values (?, ?, 'test-module', '[]', ?, 6, 60, ?)`,
				args: [`old${i}`, p.id, score, 1000 + i],
			});
		expect(await findQuizResult(t.db, p.id, 'test-module')).toMatchObject({
			firstScore: 2,
			bestScore: 5,
			attempts: 2,
		});
	});
});
