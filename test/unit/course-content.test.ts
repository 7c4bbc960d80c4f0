/**
 * The course's own content beyond the modules: the pre-test and post-test follow their
 * blueprint and are themselves balanced; facilitator notes belong to real modules; no module id
 * takes a course route.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blueprintProblems, blueprintSchema, testSchema } from '~/lib/assessment/schema';
import { balanceProblems } from '~/lib/assessment/quiz';

const read = (path: string) => parse(readFileSync(path, 'utf8'));
const frontmatter = (path: string) =>
	parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path, 'utf8'))![1]!) as Record<string, unknown>;
const moduleIds = readdirSync('content/modules')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.slice(0, -4));

describe('pre-test and post-test', () => {
	const blueprint = blueprintSchema.parse(read('content/assessments/blueprint.yaml'));
	const tests = {
		pre: testSchema.parse(read('content/assessments/pre-test.yaml')),
		post: testSchema.parse(read('content/assessments/post-test.yaml')),
	};

	it('follow the blueprint with different items', () => {
		expect(blueprintProblems(blueprint, tests)).toEqual([]);
		expect(tests.pre.day).toBe(1);
		expect(tests.post.day).toBe(5);
	});

	it('name only modules that exist', () => {
		for (const topic of blueprint.topics)
			for (const id of topic.modules) expect(moduleIds, topic.id).toContain(id);
	});

	it.each(Object.entries(tests))('%s cannot be passed by position or length', (_name, test) => {
		expect(balanceProblems(test.items)).toEqual([]);
	});

	it('catches a test that leaves a topic out', () => {
		const short = {
			...tests.post,
			items: tests.post.items.filter((i) => i.topic !== 'objective-4-network'),
		};
		expect(blueprintProblems(blueprint, { post: short })).toEqual([
			'post: 0 items on objective-4-network, the blueprint asks for 4',
		]);
	});
});

describe('course routes and notes', () => {
	it('keeps module ids clear of the course’s own routes', () => {
		for (const reserved of [
			'glossary',
			'pre-test',
			'post-test',
			'evaluation',
			'facilitator',
			'job-aids',
		])
			expect(moduleIds).not.toContain(reserved);
	});

	it('has facilitator notes only for real modules, with an aim and a time', () => {
		const notes = readdirSync('content/facilitator').filter((f) => f.endsWith('.mdx'));
		for (const file of notes) {
			expect(moduleIds).toContain(file.slice(0, -4));
			const front = frontmatter(`content/facilitator/${file}`);
			expect(front.aim, file).toBeTruthy();
			expect(front.minutes, file).toBeGreaterThan(0);
		}
	});
});

describe('for the people who deliver it', () => {
	const published = moduleIds
		.map((id) => ({ id, front: frontmatter(`content/modules/${id}.mdx`) }))
		.filter((m) => !m.front.draft);
	const sections = ['## Timing', '## Discussion prompts', '## Common mistakes', '## Model answer'];

	it.each(published.map((m) => [m.id, m.front] as const))(
		'%s has facilitator notes with timing, prompts, common mistakes and a model answer',
		(id, front) => {
			const path = `content/facilitator/${id}.mdx`;
			expect(existsSync(path), `${path} is missing`).toBe(true);
			const text = readFileSync(path, 'utf8');
			for (const part of sections) expect(text, `${id}: ${part}`).toContain(`\n${part}`);
			// Each section says something: at least two lines of content before the next heading.
			for (const part of sections) {
				const body = text.split(`\n${part}`)[1]!.split(/\n## /)[0]!;
				expect(
					body
						.trim()
						.split('\n')
						.filter((l) => l.trim()).length,
					`${id}: ${part}`,
				).toBeGreaterThan(2);
			}
			// The notes' time is the module's time, and the timing table fills it exactly.
			const notes = frontmatter(path);
			expect(notes.minutes, id).toBe(front.duration);
			const ends = [...text.matchAll(/^\| (\d+)–(\d+) \|/gm)].map((m) => [
				Number(m[1]),
				Number(m[2]),
			]);
			expect(ends.length, id).toBeGreaterThanOrEqual(3);
			expect(ends[0]![0], id).toBe(0);
			for (let i = 1; i < ends.length; i++) expect(ends[i]![0], id).toBe(ends[i - 1]![1]);
			expect(ends.at(-1)![1], id).toBe(front.duration);
			// The exercise gets the minutes the module gives it.
			const exercise = /^\| (\d+)–(\d+) \| Exercise/m.exec(text);
			const minutes = /<Exercise[^>]*minutes=\{(\d+)\}/.exec(
				readFileSync(`content/modules/${id}.mdx`, 'utf8'),
			);
			expect(exercise, `${id}: no Exercise row in the timing`).not.toBeNull();
			expect(Number(exercise![2]) - Number(exercise![1]), id).toBe(Number(minutes![1]));
		},
	);

	it('fails when a module has no notes (the rule above is real)', () => {
		const ids = new Set(
			readdirSync('content/facilitator')
				.filter((f) => f.endsWith('.mdx'))
				.map((f) => f.slice(0, -4)),
		);
		const missing = (modules: string[]) => modules.filter((id) => !ids.has(id));
		expect(missing(published.map((m) => m.id))).toEqual([]);
		expect(missing([...published.map((m) => m.id), 'a-new-module-without-notes'])).toEqual([
			'a-new-module-without-notes',
		]);
	});

	it('has a rubric for the alert, the study plan, the research paper and the final report', () => {
		for (const id of ['alert', 'study-plan', 'research-paper', 'final-report']) {
			const path = `content/rubrics/${id}.mdx`;
			expect(existsSync(path), path).toBe(true);
			// A rubric is a table of criteria against levels.
			expect(readFileSync(path, 'utf8'), id).toMatch(
				/\| Criterion \| Strong \| Adequate \| Not yet \|/,
			);
		}
	});

	it('has the three job aids, each tied to a real module', () => {
		const aids = readdirSync('content/job-aids').filter((f) => f.endsWith('.mdx'));
		expect(aids.sort()).toEqual([
			'alert-template.mdx',
			'cleaning-checklist.mdx',
			'four-by-four-card.mdx',
		]);
		for (const file of aids)
			expect(moduleIds, file).toContain(frontmatter(`content/job-aids/${file}`).module);
	});
});
