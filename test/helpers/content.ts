/**
 * The course's content collections read straight from content/ (frontmatter only), for tests
 * that need real modules, notes or rubrics: `vi.mock('astro:content', () => contentFromDisk())`.
 * Astro's loaders do not run under Vitest, so its own getCollection returns nothing there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const folders: Record<string, string> = {
	modules: 'content/modules',
	facilitator: 'content/facilitator',
	rubrics: 'content/rubrics',
	jobAids: 'content/job-aids',
};

type Entry = { id: string; collection: string; data: Record<string, unknown>; body: string };

function load(collection: string): Entry[] {
	const dir = folders[collection];
	if (!dir || !existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => {
			const text = readFileSync(`${dir}/${f}`, 'utf8');
			const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
			const data = parse(m[1]!) as Record<string, unknown>;
			if (collection === 'modules') data.draft ??= false;
			return { id: f.slice(0, -4), collection, data, body: m[2]! };
		});
}

export function contentFromDisk() {
	return {
		getCollection: async (collection: string, filter?: (e: Entry) => boolean) =>
			load(collection).filter((e) => (filter ? filter(e) : true)),
		getEntry: async (collection: string, id: string) => load(collection).find((e) => e.id === id),
	};
}
