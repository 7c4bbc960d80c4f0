/**
 * The course's own content beyond the modules: the pre-test and post-test follow their
 * blueprint and are themselves balanced; facilitator notes belong to real modules; no module id
 * takes a course route.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blueprintProblems, blueprintSchema, testSchema } from '~/lib/assessment-schema';
import { balanceProblems } from '~/lib/quiz';

const read = (path: string) => parse(readFileSync(path, 'utf8'));
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
		const short = { ...tests.post, items: tests.post.items.filter((i) => i.topic !== 'cen-suite') };
		expect(blueprintProblems(blueprint, { post: short })).toEqual([
			'post: 0 items on cen-suite, the blueprint asks for 2',
		]);
	});
});

describe('course routes and notes', () => {
	it('keeps module ids clear of the course’s own routes', () => {
		for (const reserved of ['glossary', 'pre-test', 'post-test', 'evaluation', 'facilitator'])
			expect(moduleIds).not.toContain(reserved);
	});

	it('has facilitator notes only for real modules, with an aim and a time', () => {
		const notes = readdirSync('content/facilitator').filter((f) => f.endsWith('.mdx'));
		expect(notes.length).toBeGreaterThanOrEqual(3);
		for (const file of notes) {
			expect(moduleIds).toContain(file.slice(0, -4));
			const text = readFileSync(`content/facilitator/${file}`, 'utf8');
			const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
			expect(front.aim, file).toBeTruthy();
			expect(front.minutes, file).toBeGreaterThan(0);
			for (const part of ['## Timing', '## Discussion prompts', '## Common mistakes'])
				expect(text, `${file}: ${part}`).toContain(part);
		}
	});
});
