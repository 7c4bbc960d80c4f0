/**
 * A module's printable handout, taken from its MDX source: the checked key facts, the exercise
 * and what to do with it in the OJT (the layout adds objectives and sources from the
 * frontmatter). Pure text work, so the unit tests can run it over every module.
 */

export type HandoutParts = {
	keyFacts: { title: string; markdown: string } | null;
	exercise: { title: string; minutes: number | null; markdown: string } | null;
	/** The body of the closing "## In your OJT" section. */
	ojt: string | null;
};

/** The attribute `name="…"` or `name={…}` of an opening tag, or null. */
function attribute(tag: string, name: string): string | null {
	const m = new RegExp(`${name}=(?:"([^"]*)"|\\{([^}]*)\\})`).exec(tag);
	return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The opening tag and inner Markdown of the first `<Name …>…</Name>` block. */
function block(body: string, name: string): { tag: string; inner: string } | null {
	const m = new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)</${name}>`).exec(body);
	return m ? { tag: m[1] ?? '', inner: dedent(m[2] ?? '').trim() } : null;
}

/** Removes the indentation every non-blank line shares (MDX blocks are often indented). */
function dedent(text: string): string {
	const lines = text.split('\n');
	const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
	const cut = indents.length ? Math.min(...indents) : 0;
	return lines.map((l) => l.slice(cut)).join('\n');
}

/** Component tags left in Markdown (a Callout in the OJT section) become plain Markdown. */
function plain(markdown: string): string {
	return markdown
		.replace(/<Callout\b[^>]*title="([^"]*)"[^>]*>/g, '**$1**')
		.replace(/<\/?[A-Z][A-Za-z]*\b[^>]*>/g, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

export function handoutParts(body: string): HandoutParts {
	const facts = block(body, 'KeyFacts');
	const exercise = block(body, 'Exercise');
	const ojt = /^## In your OJT\s*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(body);
	const minutes = exercise ? Number(attribute(exercise.tag, 'minutes')) : NaN;
	return {
		keyFacts: facts
			? { title: attribute(facts.tag, 'title') ?? 'Key facts', markdown: plain(facts.inner) }
			: null,
		exercise: exercise
			? {
					title: attribute(exercise.tag, 'title') ?? 'Exercise',
					minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : null,
					markdown: plain(exercise.inner),
				}
			: null,
		ojt: ojt ? plain(ojt[1] ?? '') || null : null,
	};
}
