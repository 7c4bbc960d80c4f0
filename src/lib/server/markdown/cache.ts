/**
 * renderMarkdown() with a bounded memory of recent results. Marked + sanitize-html cost about a
 * millisecond per text, and a mentor's pages render the same submitted texts again and again
 * (the review queue shows twenty entries of three texts each); a text's HTML depends on the text
 * alone, so the result can be reused. Least recently used texts are forgotten first.
 */
import { renderMarkdown } from './render';

/** How many texts are remembered (a few MB at most). */
const capacity = 2000;
const cache = new Map<string, string>();

/** The same safe HTML renderMarkdown() gives, from memory when the text was rendered lately. */
export function renderMarkdownCached(text: string): string {
	const hit = cache.get(text);
	if (hit !== undefined) {
		// Re-insert so a Map's insertion order stays least-recently-used first.
		cache.delete(text);
		cache.set(text, hit);
		return hit;
	}
	const html = renderMarkdown(text);
	cache.set(text, html);
	if (cache.size > capacity) cache.delete(cache.keys().next().value!);
	return html;
}
