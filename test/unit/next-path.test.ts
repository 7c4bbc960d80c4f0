import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultNext, resolveNext } from '~/lib/next-path';

const origin = 'http://127.0.0.1:4321';

/** Where a browser goes when it follows `Location: <path>` from the portal. */
function followed(path: string): URL {
	return new URL(path, `${origin}/login`);
}

describe('resolveNext', () => {
	it.each([
		['/logbook?week=2026-W23', '/logbook?week=2026-W23'],
		['/curriculum/alert-intelligence#check', '/curriculum/alert-intelligence#check'],
		[`${origin}/review`, '/review'],
		['/a b', '/a%20b'],
	])('keeps the same-origin path %s', (next, expected) => {
		expect(resolveNext(next, origin)).toBe(expected);
	});

	it.each([
		'/\t/evil.example',
		'/%09/evil.example'.replace('%09', '\t'),
		'/\n/x',
		'/\r\n/x',
		'//evil.example',
		'/\\evil.example',
		'/.//evil.example',
		'https://evil.example/',
		'http://127.0.0.1:4322/x',
		'javascript:alert(1)',
		' /logbook',
		'logbook',
		'',
		null,
		undefined,
	])('refuses %j and falls back to the dashboard', (next) => {
		expect(resolveNext(next, origin)).toBe(defaultNext);
	});

	// Invariants over thousands of generated inputs, biased towards the characters that
	// matter here: slashes, backslashes, dots, colons, controls, percent signs, hosts.
	const tricky = fc.constantFrom(
		'/',
		'\\',
		'.',
		':',
		'@',
		'%',
		'#',
		'?',
		'\t',
		'\n',
		'\r',
		'\u0000',
		'\u007f',
		'\u0085',
		' ',
		'evil.example',
		'http',
		'javascript',
		'127.0.0.1:4321',
		'%2F',
		'%5C',
		'%09',
		'é',
	);
	const candidate = fc.oneof(
		fc.string({ unit: 'grapheme-composite' }),
		fc.string({ unit: fc.oneof(tricky, fc.string({ maxLength: 2 })), maxLength: 12 }),
		fc.webUrl().map(String),
		fc.string({ unit: tricky, maxLength: 12 }).map((s) => `/${s}`),
	);

	it('always answers a path on the site, without control characters', () => {
		fc.assert(
			fc.property(candidate, (next) => {
				const path = resolveNext(next, origin);
				expect(path.startsWith('/')).toBe(true);
				expect(path.startsWith('//')).toBe(false);
				// eslint-disable-next-line no-control-regex -- finding control characters is the point
				expect(path).not.toMatch(/[\u0000-\u0020\u007f-\u009f]/);
				expect(path.split(/[?#]/)[0]).not.toContain('\\');
				expect(followed(path).origin).toBe(origin);
				// Resolving again changes nothing: the hidden field round-trips unchanged.
				expect(resolveNext(path, origin)).toBe(path);
			}),
			{ numRuns: 5000 },
		);
	});

	it('keeps every ordinary same-origin path it is given', () => {
		const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
		fc.assert(
			fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (parts) => {
				const path = `/${parts.join('/')}`;
				expect(resolveNext(path, origin)).toBe(path);
			}),
			{ numRuns: 2000 },
		);
	});
});
