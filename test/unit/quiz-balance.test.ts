/**
 * Knowledge checks that cannot be passed by a pattern: over all modules, the correct answer is not
 * parked in one position, and it is not simply the longest option. The figures are computed on the
 * frontmatter as written (the server may shuffle options per attempt, but the file order is what a
 * reader without shuffling sees, and long correct answers stay long whatever their position).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Question = { question: string; options: string[]; answer: number };

const dir = 'content/modules';
const questions: (Question & { module: string })[] = readdirSync(dir)
	.filter((f) => f.endsWith('.mdx'))
	.flatMap((file) => {
		const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(`${dir}/${file}`, 'utf8'));
		if (!match) throw new Error(`${file}: no frontmatter`);
		const data = parse(match[1]!) as { quiz: Question[]; draft?: boolean };
		return data.draft ? [] : data.quiz.map((q) => ({ ...q, module: file.slice(0, -4) }));
	});

/** True when the correct option is at least as long as every other option (ties count as longest). */
function correctIsLongest(q: Question): boolean {
	const correct = q.options[q.answer]!.length;
	return q.options.every((option) => option.length <= correct);
}

describe('knowledge-check balance over all modules', () => {
	it('has questions to measure', () => {
		expect(questions.length).toBeGreaterThanOrEqual(96);
	});

	it('puts no more than 40% of the answers in any one position', () => {
		const counts = new Map<number, number>();
		for (const q of questions) counts.set(q.answer, (counts.get(q.answer) ?? 0) + 1);
		for (const [position, count] of counts)
			expect(
				count / questions.length,
				`position ${position}: ${count} of ${questions.length}`,
			).toBeLessThanOrEqual(0.4);
	});

	it('makes the correct option the longest in at most 45% of the questions', () => {
		const longest = questions.filter(correctIsLongest).length;
		expect(longest / questions.length, `${longest} of ${questions.length}`).toBeLessThanOrEqual(
			0.45,
		);
	});

	it('never gives the answer away inside one module (no module has all answers in one position)', () => {
		const byModule = Map.groupBy(questions, (q) => q.module);
		for (const [module, list] of byModule)
			expect(new Set(list.map((q) => q.answer)).size, module).toBeGreaterThan(1);
	});
});
