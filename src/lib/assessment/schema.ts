/**
 * The course tests' content files (content/assessments/*.yaml) and their rules: a blueprint of
 * topics, and a pre-test and a post-test that follow it with different items. Pure.
 */
import { z } from 'astro/zod';
import { optionId, type Verdict } from './quiz';

const slug = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'use lower-case words joined by -' });

/** One topic of the blueprint: what it covers and how many items each test has on it. */
export const topicSchema = z.object({
	/** Stable id; stored with each attempt's per-topic scores. Never rename one in use. */
	id: slug,
	/** Shown beside the gain. */
	title: z.string().min(3),
	/** The modules that teach it. */
	modules: z.array(slug).min(1),
	/** Items per test on this topic. */
	items: z.number().int().min(1),
});

export const blueprintSchema = z.object({ topics: z.array(topicSchema).min(3) });

/** One multiple-choice item of a test. */
export const itemSchema = z
	.object({
		/** Stable id, unique across both tests. */
		id: slug,
		/** The blueprint topic it measures. */
		topic: slug,
		/** The question: preferably a short case to apply, not a fact to recall. */
		question: z.string().min(10),
		/** Three to five options; each differs from the others. */
		options: z.array(z.string().min(1)).min(3).max(5),
		/** Index (0-based) of the correct option. */
		answer: z.number().int().min(0),
		/** Why the correct answer is right (shown after the test). */
		explanation: z.string().min(20),
	})
	.refine((i) => i.answer < i.options.length, { error: 'answer must index one of the options' })
	.refine((i) => new Set(i.options.map(optionId)).size === i.options.length, {
		error: 'options must differ from each other',
	});

/** A test: the pre-test or the post-test. */
export const testSchema = z.object({
	title: z.string().min(3),
	/** Training day it is meant for. */
	day: z.number().int().min(1).max(5),
	/** What the participant reads before starting. */
	intro: z.string().min(10),
	items: z.array(itemSchema).min(24).max(32),
});

export type Blueprint = z.infer<typeof blueprintSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type TestItem = z.infer<typeof itemSchema>;
export type CourseTest = z.infer<typeof testSchema>;

/** What breaks the blueprint in a pair of tests (empty when both follow it with different items). */
export function blueprintProblems(
	blueprint: Blueprint,
	tests: Record<string, CourseTest>,
): string[] {
	const problems: string[] = [];
	const ids = new Set<string>();
	const questions = new Set<string>();
	for (const [name, test] of Object.entries(tests)) {
		for (const topic of blueprint.topics) {
			const n = test.items.filter((i) => i.topic === topic.id).length;
			if (n !== topic.items)
				problems.push(`${name}: ${n} items on ${topic.id}, the blueprint asks for ${topic.items}`);
		}
		for (const item of test.items) {
			if (!blueprint.topics.some((t) => t.id === item.topic))
				problems.push(`${name}: ${item.id} has unknown topic ${item.topic}`);
			if (ids.has(item.id)) problems.push(`${name}: item id ${item.id} is used twice`);
			if (questions.has(item.question)) problems.push(`${name}: ${item.id} repeats a question`);
			ids.add(item.id);
			questions.add(item.question);
		}
	}
	return problems;
}

/** Correct answers and items per blueprint topic. */
export type TopicScores = Record<string, { correct: number; total: number }>;

/** Sums verdicts (in item order) by the topic of each item. */
export function scoreByTopic(items: Pick<TestItem, 'topic'>[], verdicts: Verdict[]): TopicScores {
	const topics: TopicScores = {};
	items.forEach((item, i) => {
		const t = (topics[item.topic] ??= { correct: 0, total: 0 });
		t.total += 1;
		if (verdicts[i]?.right) t.correct += 1;
	});
	return topics;
}
