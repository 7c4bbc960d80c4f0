/**
 * Knowledge checks that cannot be passed by a pattern: over all modules, the correct answer is not
 * parked in one position, and it is not simply the longest option. Over every item (the modules'
 * checks and the pre- and post-test), the key's length gives no cue either: it is rarely among the
 * two longest options, sometimes the shortest, and no longer than the distractors on average. The figures are computed on the
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

type TestFile = { items: Question[] };
const courseTests = ['pre-test', 'post-test'].flatMap((name) =>
	(parse(readFileSync(`content/assessments/${name}.yaml`, 'utf8')) as TestFile).items.map((q) => ({
		...q,
		module: name,
	})),
);
const allItems = [...questions, ...courseTests];

/** True when at most one other option is strictly longer than the key. */
function keyAmongTwoLongest(q: Question): boolean {
	const key = q.options[q.answer]!.length;
	return q.options.filter((o, i) => i !== q.answer && o.length > key).length <= 1;
}

/** True when no other option is shorter than the key (ties count as shortest). */
function keyIsShortest(q: Question): boolean {
	const key = q.options[q.answer]!.length;
	return q.options.every((o) => o.length >= key);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

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

describe('key length gives no cue, over every item (module checks, pre-test and post-test)', () => {
	it('has the course tests among the items', () => {
		expect(courseTests.length).toBeGreaterThanOrEqual(28);
	});

	it('puts the key among the two longest options in at most 55% of items', () => {
		const n = allItems.filter(keyAmongTwoLongest).length;
		expect(n / allItems.length, `${n} of ${allItems.length}`).toBeLessThanOrEqual(0.55);
	});

	it('makes the key the shortest option in at least 15% of items', () => {
		const n = allItems.filter(keyIsShortest).length;
		expect(n / allItems.length, `${n} of ${allItems.length}`).toBeGreaterThanOrEqual(0.15);
	});

	it('keeps the average key no longer than the average distractor', () => {
		const keys = mean(allItems.map((q) => q.options[q.answer]!.length));
		const distractors = mean(
			allItems.map((q) => mean(q.options.filter((_, i) => i !== q.answer).map((o) => o.length))),
		);
		expect(
			keys,
			`key ${keys.toFixed(1)} vs distractor ${distractors.toFixed(1)}`,
		).toBeLessThanOrEqual(distractors);
	});

	it('has no joke distractors (doubled hedges, absurd magnitudes)', () => {
		const jokes = /probably maybe|maybe probably|10,000 CUGs|About 10,000$/i;
		for (const q of allItems) for (const o of q.options) expect(o, q.question).not.toMatch(jokes);
	});

	it('measures the two cues on hand-made items the way the rule reads', () => {
		const q = (options: string[], answer: number) => ({ question: 'q', options, answer });
		expect(keyAmongTwoLongest(q(['aaaa', 'bbb', 'cc', 'd'], 1))).toBe(true);
		expect(keyAmongTwoLongest(q(['aaaa', 'bbb', 'cc', 'd'], 2))).toBe(false);
		expect(keyIsShortest(q(['aa', 'b', 'c'], 1))).toBe(true);
		expect(keyIsShortest(q(['aa', 'b', 'c'], 0))).toBe(false);
	});
});
