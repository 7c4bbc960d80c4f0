import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '~/lib/server/markdown/render';

// A list of classic stored-XSS payloads; none may survive as markup that can run.
const payloads = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'<a href="javascript:alert(1)">x</a>',
	'<iframe src="https://evil.example"></iframe>',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'"><script>alert(1)</script>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'![x](x" onerror="alert(1))',
	'<details open ontoggle=alert(1)>',
	'<form action="https://evil.example"><button>go</button></form>',
	'`<script>alert(1)</script>`',
	'<object data="javascript:alert(1)"></object>',
	'[x](vbscript:msgbox(1))',
	'<base href="https://evil.example/">',
	'<meta http-equiv="refresh" content="0;url=https://evil.example">',
];

describe('markdown sanitiser', () => {
	it.each(payloads)('neutralises %s', (payload) => {
		const html = renderMarkdown(payload);
		expect(html).not.toMatch(
			/<(script|iframe|object|svg|math|img|form|base|meta|details|style)\b/i,
		);
		// Escaped text may mention onerror=; what matters is that no tag carries a handler.
		expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
		expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
		expect(html).not.toMatch(/<[a-z][^>]*\sstyle=/i);
	});

	it('keeps the Markdown people actually write', () => {
		const html = renderMarkdown(
			'**Bold** and *em*\n\n- one\n- two\n\n[WCO](https://www.wcoomd.org)',
		);
		expect(html).toContain('<strong>Bold</strong>');
		expect(html).toContain('<li>one</li>');
		expect(html).toContain(
			'<a href="https://www.wcoomd.org" rel="noopener noreferrer nofollow">WCO</a>',
		);
	});

	it('turns typed top-level headings into small ones', () => {
		expect(renderMarkdown('# Big')).toContain('<h3>Big</h3>');
	});
});
