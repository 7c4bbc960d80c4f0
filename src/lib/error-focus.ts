/**
 * A refused form comes back with the person at it, without script: the page's answer to a post
 * gets `autofocus` on its first invalid field (marked aria-invalid beside its message), or, when
 * the refusal belongs to no field, on the first alert in the main part. The browser then moves
 * focus there and scrolls it into view as the page loads. Pure: the middleware applies it.
 */

/** A tag of the main part that says the person must act: an invalid control, or an alert. */
const invalidControl =
	/<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\baria-invalid="true"[^>]*>/;
const alertBox = /<[a-z]+\b[^>]*\brole="alert"[^>]*>/;

/** `html` with the first tag `pattern` matches after `from` given `extra` attributes. */
function mark(html: string, from: number, pattern: RegExp, extra: string): string | null {
	const match = pattern.exec(html.slice(from));
	if (!match) return null;
	const at = from + match.index;
	const nameEnd = at + /^<[a-z]+/.exec(match[0])![0].length;
	return `${html.slice(0, nameEnd)} ${extra}${html.slice(nameEnd)}`;
}

/**
 * The page with focus set on what a refused post must show: the first invalid field, else (when
 * `refused`, the answer being an error) the first alert, which also becomes focusable. A page that
 * sets its own autofocus, or has neither, is returned as it is.
 */
export function focusFirstError(html: string, refused: boolean): string {
	if (/<[^>]+\sautofocus[\s=>]/.test(html)) return html;
	const main = html.search(/<main\b/);
	const from = main === -1 ? 0 : main;
	const field = mark(html, from, invalidControl, 'autofocus');
	if (field) return field;
	if (!refused) return html;
	const alertTag = alertBox.exec(html.slice(from))?.[0] ?? '';
	return (
		mark(
			html,
			from,
			alertBox,
			/\btabindex=/.test(alertTag) ? 'autofocus' : 'tabindex="-1" autofocus',
		) ?? html
	);
}
