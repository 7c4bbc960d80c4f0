/**
 * The Markdown sanitiser against generated input: fragments of Markdown, raw HTML and the usual
 * XSS tricks, shuffled together. Whatever comes in, the HTML that comes out has only allowed
 * elements, only allowed attributes, no event handler or style, and links only to http(s),
 * mailto or the site itself. Sanitised output escapes every `<` of text, so its tags can be read
 * with a pattern.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '~/lib/server/markdown/render';

const allowedTags = new Set(
	'p br strong em del code pre blockquote ul ol li a h3 h4 h5 h6 table thead tbody tr th td hr'.split(
		' ',
	),
);
const allowedAttributes: Record<string, Set<string>> = {
	a: new Set(['href', 'title', 'rel']),
	th: new Set(['align']),
	td: new Set(['align']),
};

/** An attribute value as the browser reads it (character references decoded). */
function decode(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The scheme a browser would follow for `href`, or null for a relative link. */
function scheme(href: string): string | null {
	// Browsers ignore ASCII whitespace and controls anywhere in a scheme.
	const compact = decode(href)
		// eslint-disable-next-line no-control-regex -- finding control characters is the point
		.replace(/[\u0000-\u0020]/g, '')
		.toLowerCase();
	return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1] ?? null;
}

const fragments = fc.constantFrom(
	'<script>alert(1)</script>',
	'<script>',
	'</script>',
	'<img src=x onerror=alert(1)>',
	'<svg/onload=alert(1)>',
	'<iframe src="https://evil.example">',
	'<style>*{}</style>',
	'<details open ontoggle=alert(1)>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<a href="javascript:alert(1)">x</a>',
	'<a href="jav&#x09;ascript:alert(1)">x</a>',
	'<a title=x href=/ok>ok</a>',
	'<a href="https://www.wcoomd.org" onclick="alert(1)">w</a>',
	'<td align=center style="x">',
	'<form action="https://evil.example"><button>',
	'<base href="https://evil.example/">',
	'<meta http-equiv="refresh" content="0;url=https://evil.example">',
	'<object data="javascript:alert(1)">',
	'<!--',
	'-->',
	'<![CDATA[',
	'[link](',
	'![img](',
	')',
	'](javascript:alert(1))',
	'](JaVaScRiPt&#58;alert(1))',
	'](data:text/html,<script>alert(1)</script>)',
	'](vbscript:msgbox(1))',
	'](//evil.example)',
	'](mailto:a@b.example)',
	'<https://example.org>',
	' onerror=',
	' style="position:fixed"',
	'"',
	"'",
	'`',
	'<',
	'>',
	'&#',
	'x3a;',
	'\n',
	'\n\n',
	'# ',
	'- ',
	'1. ',
	'> ',
	'    ',
	'```\n',
	'| a | b |\n| - | - |\n| c | d |\n',
	'**',
	'_',
	'~~',
	'\u0000',
	'\t',
);
const markdown = fc
	.array(fc.oneof(fragments, fc.string({ maxLength: 6 })), { maxLength: 25 })
	.map((parts) => parts.join(''));

describe('markdown sanitiser, generated input', () => {
	it('lets out only allowed elements and attributes, and only safe links', () => {
		fc.assert(
			fc.property(markdown, (text) => {
				const html = renderMarkdown(text);
				for (const [, tag, attributes] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
					const name = tag!.toLowerCase();
					expect(allowedTags.has(name), `<${name}> in ${html}`).toBe(true);
					for (const [, attr, value] of attributes!
						.replace(/\s*\/$/, '')
						.matchAll(/\s([^\s="]+)(?:="([^"]*)")?/g)) {
						expect(allowedAttributes[name]?.has(attr!.toLowerCase()), `${attr} on <${name}>`).toBe(
							true,
						);
						if (attr === 'href')
							expect(['http', 'https', 'mailto', null]).toContain(scheme(value ?? ''));
						if (attr === 'href') expect(decode(value ?? '')).not.toMatch(/^\s*\/\//);
					}
					if (name === 'a') expect(attributes).toContain('rel="noopener noreferrer nofollow"');
				}
				// Nothing outside a tag can start one: every other `<` is escaped text.
				expect(html.replace(/<\/?[a-zA-Z][\w-]*[^>]*>/g, '')).not.toContain('<');
			}),
			{ numRuns: 3000 },
		);
	}, 180_000);
});
