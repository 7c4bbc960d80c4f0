/** Small helpers of the review queue page: long entries, their excerpt, and the filter's URL. Pure. */

/** Text of an entry that counts towards "long" (what the mentor would have to scroll through). */
type EntryText = { summary: string; outputs: string; learning: string; followUp: string };

/** Entries longer than this many characters are collapsed behind "Show all". */
export const longEntryChars = 350;

/** True when the entry's text is long enough to collapse in the queue. */
export function isLongEntry(e: EntryText): boolean {
	return (
		e.summary.length + e.outputs.length + e.learning.length + e.followUp.length > longEntryChars
	);
}

/** The first words of Markdown as plain text, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(markdown: string, max = 240): string {
	const plain = markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`>#~|]+/g, '')
		.replace(/^\s*[-+]\s+/gm, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (plain.length <= max) return plain;
	const cut = plain.slice(0, max);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

/** The queue's filter as a query string (empty values left out), optionally with extra keys. */
export function queueQuery(
	filter: { participantId?: string; area?: number; handling?: string },
	extra: Record<string, string> = {},
): string {
	const q = new URLSearchParams();
	if (filter.participantId) q.set('participant', filter.participantId);
	if (filter.area) q.set('area', String(filter.area));
	if (filter.handling) q.set('marking', filter.handling);
	for (const [k, v] of Object.entries(extra)) q.set(k, v);
	const s = q.toString();
	return s ? `?${s}` : '';
}
