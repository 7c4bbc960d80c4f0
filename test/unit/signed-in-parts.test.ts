import { describe, expect, it } from 'vitest';
import { partEnd, partStart, splitParts } from '~/lib/signed-in-parts';
import { searchItems } from '~/lib/search-text';

describe('signed-in parts of a prerendered page', () => {
	it('split the page into static HTML and the parts to render for a person', () => {
		const html = `<h>${partStart('nav', '/a/')}<a>Sign in</a>${partEnd('nav')}<main>${partStart('module-status', 'alert-intelligence')}<p>x</p>${partEnd('module-status')}</main>`;
		expect(splitParts(html)).toEqual([
			{ html: '<h>' },
			{ kind: 'nav', arg: '/a/' },
			{ html: '<main>' },
			{ kind: 'module-status', arg: 'alert-intelligence' },
			{ html: '</main>' },
		]);
	});

	it('refuse an argument that could end the comment', () => {
		expect(() => partStart('nav', '--><script>')).toThrow();
	});
});

describe('server search', () => {
	const items = [
		{ url: '/a', title: 'Alert intelligence', summary: 'Alerts', text: 'An alert names a risk.' },
		{ url: '/b', title: 'CENcomm', summary: 'Messaging', text: 'Alerts travel over CENcomm.' },
	];
	it('finds items with every word, title hits first, with an excerpt', () => {
		const hits = searchItems(items, 'alert');
		expect(hits.map((h) => h.url)).toEqual(['/a', '/b']);
		expect(hits[0]!.excerpt).toContain('An alert names a risk.');
		expect(searchItems(items, 'alerts cencomm').map((h) => h.url)).toEqual(['/b']);
		expect(searchItems(items, 'x')).toEqual([]);
	});
});
