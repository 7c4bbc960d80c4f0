/**
 * Prerendered pages mark the parts that differ for a signed-in person (navigation, module
 * status, curriculum progress) with HTML comments. A signed-out reader gets the static file as
 * it is, with no script; a signed-in one gets the same file with those parts rendered on the
 * server (src/pages/signed-in/[...path].astro), in one response. Pure: safe anywhere.
 */

/** The kinds of signed-in part a prerendered page can carry. */
export const partKinds = ['nav', 'module-status', 'curriculum-progress'] as const;
/** One kind of signed-in part. */
export type PartKind = (typeof partKinds)[number];

/** A piece of a prerendered page: static HTML, or a signed-in part with its argument. */
export type PagePiece = { html: string } | { kind: PartKind; arg: string };

const argPattern = /^[\w\-./]*$/;

/** The comment that opens a part; `arg` is a path or a module id (no spaces, no `-->`). */
export function partStart(kind: PartKind, arg = ''): string {
	if (!argPattern.test(arg)) throw new Error(`signed-in part argument not allowed: ${arg}`);
	return `<!--signed-in:${kind}:${arg}-->`;
}

/** The comment that closes a part. */
export function partEnd(kind: PartKind): string {
	return `<!--/signed-in:${kind}-->`;
}

const partPattern = /<!--signed-in:([a-z-]+):([\w\-./]*)-->[\s\S]*?<!--\/signed-in:\1-->/g;

/** Splits a prerendered page into static HTML and the signed-in parts to render in between. */
export function splitParts(html: string): PagePiece[] {
	const pieces: PagePiece[] = [];
	let last = 0;
	for (const match of html.matchAll(partPattern)) {
		const kind = match[1] as PartKind;
		if (!partKinds.includes(kind)) continue;
		pieces.push({ html: html.slice(last, match.index) }, { kind, arg: match[2]! });
		last = match.index + match[0].length;
	}
	pieces.push({ html: html.slice(last) });
	return pieces;
}
