/** Small text rules shared by every place that stores what a person typed. Pure. */

/**
 * One line-ending convention for stored text: browsers send textarea content with CRLF
 * (HTML's form encoding), pasted text may carry lone CRs, and Markdown parsing, diffs and the
 * Word export all expect LF.
 */
export function normaliseNewlines(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}
