import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The docs name the files they describe; a file moved or renamed must not leave a doc pointing
// at nothing. Every backticked repository path and every relative link is checked on disk.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pathPrefixes = [
	'src/',
	'db/',
	'test/',
	'content/',
	'scripts/',
	'deploy/',
	'docs/',
	'public/',
	'.ci/',
];
const maxReadmeLines = 150;

/** README.md and every Markdown file directly under docs/, as repository-relative paths. */
function documents(): string[] {
	const docs = readdirSync(join(root, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`);
	return ['README.md', ...docs.sort()];
}

/** The text outside fenced code blocks (those hold commands, not references). */
function prose(markdown: string): string {
	return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
}

/** Backticked words that look like repository paths, relative to the repository root. */
function backtickedPaths(markdown: string): string[] {
	const paths: string[] = [];
	for (const [, token] of prose(markdown).matchAll(/`([^`\n]+)`/g)) {
		for (const word of token!.split(/\s+/)) {
			if (!pathPrefixes.some((prefix) => word.startsWith(prefix))) continue;
			if (/[<*…]/.test(word)) continue;
			paths.push(word.replace(/:\d+(-\d+)?$/, '').replace(/[),;.]+$/, ''));
		}
	}
	return paths;
}

/** Targets of Markdown links that point at a file of the repository, relative to the doc. */
function linkedPaths(markdown: string): string[] {
	const paths: string[] = [];
	for (const [, target] of prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
		if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(target!)) continue;
		if (/[<*…]/.test(target!)) continue;
		paths.push(decodeURI(target!.replace(/#.*$/, '')));
	}
	return paths;
}

/** Every path a doc names that is not on disk, as "doc: path". */
function missingPaths(doc: string): string[] {
	const text = readFileSync(join(root, doc), 'utf8');
	const fromRoot = backtickedPaths(text).map((path) => ({ path, abs: join(root, path) }));
	const fromDoc = linkedPaths(text).map((path) => ({
		path,
		abs: join(root, dirname(doc), path),
	}));
	return [...fromRoot, ...fromDoc]
		.filter(({ abs }) => !existsSync(abs))
		.map(({ path, abs }) => `${doc}: ${path} (${relative(root, abs) || '.'})`);
}

describe('paths named in the docs', () => {
	it('finds the docs', () => {
		expect(documents().length).toBeGreaterThan(1);
	});

	it.each(documents())('%s names only paths that exist', (doc) => {
		expect(missingPaths(doc)).toEqual([]);
	});

	it('keeps the README short', () => {
		const lines = readFileSync(join(root, 'README.md'), 'utf8').replace(/\n$/, '').split('\n');
		expect(lines.length, `README.md has ${lines.length} lines`).toBeLessThanOrEqual(maxReadmeLines);
	});
});

describe('path extraction', () => {
	it('reads backticked paths, drops a line number and skips placeholders', () => {
		const text = 'See `src/a.ts:12`, `npx tsx test/b.ts`, `src/<noun>/`, `db/*.ts`, `npm test`.';
		expect(backtickedPaths(text)).toEqual(['src/a.ts', 'test/b.ts']);
	});

	it('reads relative link targets and skips web and site links', () => {
		const text = '[a](clock.md) [b](../test/x.md#top) [c](https://x.org) [d](/login) [e](#here)';
		expect(linkedPaths(text)).toEqual(['clock.md', '../test/x.md']);
	});
});
