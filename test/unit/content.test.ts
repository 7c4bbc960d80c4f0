/**
 * The curriculum's own rules, checked on the files themselves (the build checks the schema;
 * these check what a schema cannot: uniqueness, references, links, the required parts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Module = {
	id: string;
	body: string;
	data: {
		title: string;
		day: number;
		order: number;
		duration: number;
		objectives: string[];
		prerequisites: string[];
		sources: { url?: string }[];
		quiz: { options: string[]; answer: number; explanation: string }[];
		draft?: boolean;
	};
};

const dir = 'content/modules';
const modules: Module[] = readdirSync(dir)
	.filter((f) => f.endsWith('.mdx'))
	.map((file) => {
		const text = readFileSync(`${dir}/${file}`, 'utf8');
		const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
		if (!match) throw new Error(`${file}: no frontmatter`);
		return { id: file.slice(0, -4), data: parse(match[1]!), body: match[2]! };
	});
const ids = new Set(modules.map((m) => m.id));
const glossary = parse(readFileSync('content/glossary.yaml', 'utf8')) as {
	term: string;
	module?: string;
}[];

describe('curriculum content', () => {
	it('has at least 19 modules over all five days', () => {
		expect(modules.length).toBeGreaterThanOrEqual(19);
		expect(new Set(modules.map((m) => m.data.day))).toEqual(new Set([1, 2, 3, 4, 5]));
	});

	it('keeps every training day under five hours of module time', () => {
		for (const day of [1, 2, 3, 4, 5]) {
			const minutes = modules
				.filter((m) => m.data.day === day)
				.reduce((sum, m) => sum + m.data.duration, 0);
			expect(minutes, `day ${day}: ${minutes} minutes`).toBeLessThanOrEqual(300);
		}
	});

	it('puts every prerequisite earlier in the week than the module that needs it', () => {
		const position = new Map(modules.map((m) => [m.id, m.data.day * 100 + m.data.order]));
		for (const m of modules)
			for (const p of m.data.prerequisites)
				expect(position.get(p), `${m.id} needs ${p}`).toBeLessThan(position.get(m.id)!);
	});

	it('uses kebab-case file names as stable ids', () => {
		for (const m of modules) expect(m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it('has a unique order within each day', () => {
		const seen = modules.map((m) => `${m.data.day}/${m.data.order}`);
		expect(new Set(seen).size).toBe(seen.length);
	});

	it.each(modules.map((m) => [m.id, m] as const))(
		'%s has objectives, sources, and a knowledge check of 5+ explained questions',
		(_id, m) => {
			expect(m.data.objectives.length).toBeGreaterThanOrEqual(3);
			expect(m.data.objectives.length).toBeLessThanOrEqual(5);
			expect(m.data.sources.length).toBeGreaterThan(0);
			expect(m.data.quiz.length).toBeGreaterThanOrEqual(5);
			for (const q of m.data.quiz) {
				expect(q.explanation.length).toBeGreaterThan(20);
				expect(q.answer).toBeLessThan(q.options.length);
			}
		},
	);

	it.each(modules.map((m) => [m.id, m] as const))(
		'%s has a worked example, an exercise and an OJT section',
		(_id, m) => {
			expect(m.body).toContain('<WorkedExample');
			expect(m.body).toContain('<Exercise');
			expect(m.body).toMatch(/^## In your OJT/m);
			expect(m.body).not.toMatch(/^# /m);
		},
	);

	it('has no broken internal link or prerequisite', () => {
		for (const m of modules) {
			for (const p of m.data.prerequisites) expect(ids, `${m.id} prerequisite ${p}`).toContain(p);
			for (const [, target] of m.body.matchAll(/\]\(\/curriculum\/([a-z0-9-]+)/g))
				expect(ids, `${m.id} links to ${target}`).toContain(target);
			for (const [, path] of m.body.matchAll(/\]\((\/[^)#\s]*)/g))
				expect(path, `${m.id} links to ${path}`).toMatch(
					/^\/(curriculum|lab|logbook|study|report|programme|cen)(\/|$)/,
				);
		}
	});

	it('marks every worked example as a teaching example (the component does) and sources have addresses but the charter and dated official press releases', () => {
		// An official release whose exact address could not be confirmed is cited by issuer and date, never with a guessed address.
		for (const m of modules)
			for (const s of m.data.sources)
				if (!s.url)
					expect(JSON.stringify(s)).toMatch(/Charter|press release, \d{1,2} [A-Z][a-z]+ \d{4}/);
	});

	it('has a glossary whose entries point at real modules and do not repeat', () => {
		expect(glossary.length).toBeGreaterThanOrEqual(30);
		for (const required of ['CEN', 'nCEN', 'CENcomm', 'RILO', 'NCP', 'OCU'])
			expect(glossary.map((g) => g.term)).toContain(required);
		for (const g of glossary) if (g.module) expect(ids, `glossary ${g.term}`).toContain(g.module);
		expect(new Set(glossary.map((g) => g.term.toLowerCase())).size).toBe(glossary.length);
	});
});
