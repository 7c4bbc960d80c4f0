/**
 * Plain-text search for the no-JavaScript search page: every word of the query must occur;
 * hits in the title weigh most, then the summary, then the text. Pure: safe anywhere.
 */

/** Something that can be found: a module or a glossary term. */
export type Searchable = { url: string; title: string; summary: string; text: string };

/** A hit, with an excerpt of the text around the first matching word. */
export type SearchHit = { url: string; title: string; excerpt: string; score: number };

/** Lower case, accents folded, MDX/HTML markup and Markdown punctuation turned into spaces. */
export function plainText(source: string): string {
	return source
		.replace(/^(import|export) .*$/gm, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/[#*_`>|[\]{}()]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function fold(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query (at most 8, each at least 2 characters). */
export function queryWords(query: string): string[] {
	return [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u))]
		.filter((w) => w.length >= 2)
		.slice(0, 8);
}

function count(haystack: string, word: string): number {
	let n = 0;
	for (let i = haystack.indexOf(word); i >= 0; i = haystack.indexOf(word, i + word.length)) n++;
	return n;
}

function excerptOf(text: string, folded: string, word: string, radius = 110): string {
	const at = Math.max(0, folded.indexOf(word));
	const start = Math.max(0, at - radius);
	const end = Math.min(text.length, at + word.length + radius);
	return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

/** Items matching every word of the query, best first (at most `limit`). */
export function searchItems(items: Searchable[], query: string, limit = 20): SearchHit[] {
	const words = queryWords(query);
	if (!words.length) return [];
	const hits: SearchHit[] = [];
	for (const item of items) {
		const title = fold(item.title);
		const summary = fold(item.summary);
		const folded = fold(item.text);
		let score = 0;
		let all = true;
		for (const w of words) {
			const s = count(title, w) * 10 + count(summary, w) * 3 + Math.min(count(folded, w), 10);
			if (!s) all = false;
			score += s;
		}
		if (!all) continue;
		const first = words.find((w) => folded.includes(w));
		const excerpt = first ? excerptOf(item.text, folded, first) : item.summary;
		hits.push({ url: item.url, title: item.title, excerpt, score });
	}
	return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
}
