/** The published modules from the content collection (knowledge checks: quiz.ts). */
import { getCollection } from 'astro:content';
import { sortModules, type ModuleSummary } from '~/lib/course/modules';

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
