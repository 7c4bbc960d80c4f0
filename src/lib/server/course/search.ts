/** The server side of curriculum search (the page people reach without JavaScript). */
import { getCollection } from 'astro:content';
import { plainText, searchItems, type Searchable } from '~/lib/search-text';

let index: Promise<Searchable[]> | null = null;

/** Modules and glossary terms as plain text, built once per server process. */
function searchable(): Promise<Searchable[]> {
	index ??= (async () => {
		const modules = await getCollection('modules', ({ data }) => !data.draft);
		const terms = await getCollection('glossary');
		return [
			...modules.map((m) => ({
				url: `/curriculum/${m.id}`,
				title: m.data.title,
				summary: `${m.data.description} ${m.data.objectives.join(' ')}`,
				text: plainText(m.body ?? ''),
			})),
			...terms.map((t) => ({
				url: `/curriculum/glossary#${t.id}`,
				title: `${t.data.term} (glossary)`,
				summary: t.data.expansion ?? '',
				text: t.data.definition,
			})),
		];
	})();
	return index;
}

/** Modules and glossary terms matching every word of `query`, best first. */
export async function searchCurriculum(query: string) {
	return searchItems(await searchable(), query);
}
