/**
 * The pre-test and post-test measure the whole programme: the blueprint's topics are the charter's
 * objectives (1(a), 1(b), 2 to 5), every module belongs to one, each test has at least four items
 * per topic, and no test item repeats a module's knowledge-check question (or the other test's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Item = { id: string; topic: string; question: string; options: string[]; answer: number };
type Topic = { id: string; modules: string[]; items: number };

const read = (f: string) => parse(readFileSync(`content/assessments/${f}.yaml`, 'utf8'));
const topics = (read('blueprint') as { topics: Topic[] }).topics;
const tests = {
	pre: (read('pre-test') as { items: Item[] }).items,
	post: (read('post-test') as { items: Item[] }).items,
};

const modules = readdirSync('content/modules')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => {
		const front = parse(
			/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(`content/modules/${f}`, 'utf8'))![1]!,
		);
		return { id: f.slice(0, -4), draft: !!front.draft, quiz: front.quiz as { question: string }[] };
	})
	.filter((m) => !m.draft);

const stop = new Set(
	'a an the of to in on and or is are was were be it its this that which what who whom how why for with by from as at your you their they does do can should must'.split(
		' ',
	),
);
const words = (s: string) =>
	new Set(
		s
			.toLowerCase()
			.replace(/[^a-z0-9 ]/g, ' ')
			.split(/\s+/)
			.filter((w) => w.length > 1 && !stop.has(w)),
	);
/** Share of words two stems have in common (Jaccard): 1 = the same words. */
function overlap(a: string, b: string): number {
	const x = words(a);
	const y = words(b);
	const both = [...x].filter((w) => y.has(w)).length;
	return both / (x.size + y.size - both || 1);
}

describe('the course tests cover the charter objectives', () => {
	it('has one topic per objective: 1(a), 1(b), 2, 3, 4 and 5', () => {
		expect(topics.map((t) => t.id.split('-').slice(0, 2).join('-'))).toEqual([
			'objective-1a',
			'objective-1b',
			'objective-2',
			'objective-3',
			'objective-4',
			'objective-5',
		]);
	});

	it('puts every published module under exactly one objective', () => {
		const listed = topics.flatMap((t) => t.modules);
		expect(new Set(listed).size).toBe(listed.length);
		expect([...listed].sort()).toEqual(modules.map((m) => m.id).sort());
	});

	it('has at least four items per objective in each test, as the blueprint says', () => {
		for (const [name, items] of Object.entries(tests))
			for (const t of topics) {
				expect(t.items, t.id).toBeGreaterThanOrEqual(4);
				expect(items.filter((i) => i.topic === t.id).length, `${name} ${t.id}`).toBe(t.items);
			}
	});

	it('gives both forms the same shape: items, options per item and key length per objective', () => {
		for (const t of topics) {
			const shape = (items: Item[]) => {
				const mine = items.filter((i) => i.topic === t.id);
				const keyShare =
					mine.reduce(
						(s, i) => s + i.options[i.answer]!.length / Math.max(...i.options.map((o) => o.length)),
						0,
					) / mine.length;
				return {
					n: mine.length,
					options: mine.reduce((s, i) => s + i.options.length, 0),
					keyShare,
				};
			};
			const pre = shape(tests.pre);
			const post = shape(tests.post);
			expect(pre.n).toBe(post.n);
			expect(pre.options, t.id).toBe(post.options);
			// A long key is an easy key: the two forms may not differ much in how long the key is.
			expect(Math.abs(pre.keyShare - post.keyShare), t.id).toBeLessThan(0.25);
		}
	});
});

describe('no test item repeats a practice question', () => {
	const practice = modules.flatMap((m) =>
		m.quiz.map((q) => ({ module: m.id, question: q.question })),
	);

	it('measures overlap the way the rule reads', () => {
		expect(overlap('Which route is new?', 'Which route is new?')).toBe(1);
		expect(overlap('Who sends alerts to the RILO?', 'How many CUGs does CENcomm host?')).toBe(0);
	});

	it('keeps every test item far from every module question (under 45% of words shared)', () => {
		for (const [name, items] of Object.entries(tests))
			for (const item of items)
				for (const q of practice)
					expect(
						overlap(item.question, q.question),
						`${name} ${item.id} vs ${q.module}: ${q.question}`,
					).toBeLessThan(0.45);
	});

	it('keeps the two forms apart too', () => {
		for (const a of tests.pre)
			for (const b of tests.post)
				expect(overlap(a.question, b.question), `${a.id} vs ${b.id}`).toBeLessThan(0.6);
	});
});
