/**
 * Markdown from participants and mentors, rendered with `marked` and cleaned with
 * `sanitize-html`: a short allow-list of tags, no raw HTML survives, links only to
 * http(s)/mailto, and every link opens safely.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const allowed: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'del',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'a',
		'h3',
		'h4',
		'h5',
		'h6',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'hr',
	],
	allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowProtocolRelative: false,
	// Headings a person types (#, ##) become small headings so they never compete with the page's own.
	transformTags: {
		h1: 'h3',
		h2: 'h4',
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'noopener noreferrer nofollow' },
		}),
	},
	disallowedTagsMode: 'escape',
};
allowed.allowedAttributes = { ...allowed.allowedAttributes, a: ['href', 'title', 'rel'] };

/** Safe HTML for a Markdown text. */
export function renderMarkdown(text: string): string {
	if (!text.trim()) return '';
	return sanitizeHtml(marked.parse(text) as string, allowed);
}
