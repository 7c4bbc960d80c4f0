/**
 * Intelligence materials inside the report: a section holds a reference block (one line, a
 * link to the material) where the participant inserted it, and the exports put the material
 * itself there — or, when it is restricted, only its name as withheld. Pure.
 */

/** A material as the exports show it: everything they may print, nothing of a restricted one. */
export type ReportMaterial =
	| { id: string; title: string; withheld: true }
	| {
			id: string;
			title: string;
			withheld: false;
			kind: 'search' | 'seizure' | 'message' | 'upload' | 'chart';
			/** The chart (or an uploaded PNG) image, when there is one. */
			image: { bytes: Uint8Array; width: number; height: number } | null;
			/** What the material says, as labelled lines (message fields, seizure facts, chart settings). */
			fields: { label: string; text: string }[];
			/** A line under the image or the fields (the chart in words). */
			caption: string;
	  };

/** A line that is a reference to a material: `[Material: Title](/materials/<id>)`. */
const referenceLine = /^\[Material: ([^\]\n]*)\]\(\/materials\/([A-Za-z0-9_-]{1,40})\)$/;

/** The reference block the picker inserts for a material. */
export function materialReference(m: { id: string; title: string }): string {
	const title = m.title.replace(/[[\]\n\r]/g, ' ').trim();
	return `[Material: ${title}](/materials/${m.id})`;
}

/** Markdown split into its text runs and the material references between them. */
export type ReportPart = { markdown: string } | { materialId: string; title: string };

/** Splits a section's Markdown at every line that is a material reference. */
export function splitMaterialRefs(markdown: string): ReportPart[] {
	const parts: ReportPart[] = [];
	let text: string[] = [];
	const flush = () => {
		if (text.join('\n').trim()) parts.push({ markdown: text.join('\n') });
		text = [];
	};
	for (const line of markdown.split('\n')) {
		const m = referenceLine.exec(line.trim());
		if (m) {
			flush();
			parts.push({ materialId: m[2]!, title: m[1]!.trim() });
		} else text.push(line);
	}
	flush();
	return parts;
}

/** The ids of every material a text refers to. */
export function materialIdsIn(texts: string[]): string[] {
	const ids = new Set<string>();
	for (const t of texts)
		for (const p of splitMaterialRefs(t)) if ('materialId' in p) ids.add(p.materialId);
	return [...ids];
}

/** The sentence that stands for a restricted material in every export. */
export function withheldSentence(title: string): string {
	return `Material withheld (restricted): “${title}”. Restricted material does not leave the portal.`;
}

/** The sentence for a reference that finds no material of the report's author. */
export function missingSentence(title: string): string {
	return `Material not available: “${title}” is no longer in the materials register.`;
}

/** A material as Markdown (for the .md export, which carries no images). */
export function materialMarkdown(m: ReportMaterial | undefined, title: string): string {
	if (!m) return `_${missingSentence(title)}_`;
	if (m.withheld) return `_${withheldSentence(m.title)}_`;
	const lines = [`**Intelligence material: ${m.title}**`, ''];
	if (m.image) lines.push(`_(Chart image: see the Word or printable version.)_`, '');
	for (const f of m.fields) lines.push(`- **${f.label}:** ${f.text.replace(/\n+/g, ' ')}`);
	if (m.caption) lines.push('', `_${m.caption}_`);
	return lines.join('\n');
}

/** Width and height of a PNG from its header, or null when it is not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
	if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A text with each reference replaced by the material as Markdown (restricted ones withheld). */
export function replaceMaterialRefs(
	markdown: string,
	materials: Map<string, ReportMaterial>,
): string {
	return splitMaterialRefs(markdown)
		.map((p) =>
			'markdown' in p ? p.markdown : materialMarkdown(materials.get(p.materialId), p.title),
		)
		.join('\n\n');
}
