/** The published modules from the content collection, and scoring of their knowledge checks. */
import { getCollection, getEntry } from 'astro:content';
import { sortModules, type ModuleSummary } from '~/lib/modules';

/** Every non-draft module in teaching order. */
export async function publishedModules(): Promise<ModuleSummary[]> {
	const entries = await getCollection('modules', ({ data }) => !data.draft);
	return sortModules(
		entries.map(({ id, data }) => ({
			id,
			title: data.title,
			description: data.description,
			day: data.day,
			order: data.order,
			duration: data.duration,
		})),
	);
}

/** The questions of a published module's knowledge check, or null for an unknown module. */
export async function findQuiz(moduleId: string) {
	const entry = await getEntry('modules', moduleId);
	if (!entry || entry.data.draft) return null;
	return entry.data.quiz;
}

/** One question's result, as the participant sees it after submitting. */
export type QuestionResult = { chosen: number; correct: number; explanation: string };

/** Scores answers against the questions; unanswered (-1 or missing) count as wrong. */
export function scoreQuiz(quiz: { answer: number; explanation: string }[], answers: number[]) {
	const results: QuestionResult[] = quiz.map((q, i) => ({
		chosen: answers[i] ?? -1,
		correct: q.answer,
		explanation: q.explanation,
	}));
	return {
		results,
		score: results.filter((r) => r.chosen === r.correct).length,
		total: quiz.length,
	};
}
