/**
 * The knowledge checks cannot be passed by guessing a position or picking the longest option:
 * over all modules, no position holds more than 40% of the answers and the correct option is the
 * longest in at most 45% of questions. Small fixtures show that the measure passes and fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerBalance, balanceProblems, type AuthoredQuestion } from '~/lib/quiz';

function moduleQuestions(): AuthoredQuestion[] {
	const dir = 'content/modules';
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.flatMap((file) => {
			const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(`${dir}/${file}`, 'utf8'));
			if (!match) throw new Error(`${file}: no frontmatter`);
			const data = parse(match[1]!) as { quiz: AuthoredQuestion[]; draft?: boolean };
			return data.draft ? [] : data.quiz;
		});
}

const q = (options: string[], answer: number): AuthoredQuestion => ({
	question: 'Which one?',
	options,
	answer,
	explanation: 'Fixture.',
});

describe('answer balance (fixtures)', () => {
	it('passes a set whose answers are spread and whose right option is not always the longest', () => {
		const balanced = [
			q(['Right answer here', 'No', 'Nope'], 0),
			q(['Short', 'Right', 'A much longer distractor'], 1),
			q(['Wrong one', 'A long wrong distractor', 'Yes'], 2),
			q(['An even longer wrong distractor', 'Right'], 1),
			q(['Right, and long enough', 'Not it'], 0),
		];
		expect(answerBalance(balanced).positionShares).toEqual([0.4, 0.4, 0.2]);
		expect(answerBalance(balanced).longestShare).toBe(0.4);
		expect(balanceProblems(balanced)).toEqual([]);
	});

	it('fails a set that favours one position', () => {
		const leaning = [0, 1, 1, 1, 2].map((a) => q(['one', 'two', 'three'], a));
		expect(balanceProblems(leaning)).toEqual(['60% of answers are option 2 (at most 40%)']);
	});

	it('fails a set where the right option is usually the longest (ties count, as the review did)', () => {
		const longest = [0, 1, 2, 0, 1].map((a) =>
			q(
				['abc', 'def', 'ghi'].map((o, i) => (i === a ? `${o} and more` : o)),
				a,
			),
		);
		expect(balanceProblems(longest)).toEqual([
			'the correct option is the longest in 100% of questions (at most 45%)',
		]);
	});
});

describe('answer balance over every module', () => {
	it('no position holds more than 40% of answers; the right option is the longest in at most 45%', () => {
		const questions = moduleQuestions();
		expect(questions.length).toBeGreaterThan(50);
		expect(balanceProblems(questions)).toEqual([]);
	});
});
