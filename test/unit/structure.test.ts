/**
 * The shape of the code, checked on every run: no import cycles anywhere in src/ and db/, the
 * one dependency direction (pure src/lib never reaches the server side; src/lib/server never
 * reaches pages, actions or components; db never reaches src), and the folder-by-noun rule for
 * src/lib/server (no family of three or more files left at its top level).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const sourceExt = /\.(ts|tsx|astro|mjs)$/;

function filesUnder(dir: string): string[] {
	return readdirSync(join(root, dir)).flatMap((name) => {
		const path = join(dir, name);
		return statSync(join(root, path)).isDirectory()
			? filesUnder(path)
			: sourceExt.test(name)
				? [path]
				: [];
	});
}

const importPattern = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;
const candidates = ['', '.ts', '.tsx', '.astro', '.mjs', '/index.ts'];

function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('~/')) base = join('src', spec.slice(2));
	else if (spec.startsWith('~db/')) base = join('db', spec.slice(4));
	else if (spec.startsWith('.')) base = normalize(join(dirname(from), spec));
	else return null;
	for (const ext of candidates) {
		try {
			if (statSync(join(root, base + ext)).isFile()) return base + ext;
		} catch {
			// not this extension
		}
	}
	return null;
}

/** Each file's imports of other files of the project (type-only imports included: they tie too). */
function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of [...filesUnder('src'), ...filesUnder('db')]) {
		const text = readFileSync(join(root, file), 'utf8');
		const targets = [...text.matchAll(importPattern)]
			.map((m) => resolveImport(file, m[2]!))
			.filter((t): t is string => t !== null && t !== file);
		graph.set(file, [...new Set(targets)]);
	}
	return graph;
}

/** Strongly connected components with more than one file (Tarjan), i.e. the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string) => {
		index.set(v, counter);
		low.set(v, counter++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1) found.push(component.sort());
		}
	};
	for (const v of graph.keys()) if (!index.has(v)) visit(v);
	return found;
}

const graph = importGraph();
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const under = (path: string, dir: string) => !relative(dir, path).startsWith('..');

describe('the structure of the code', () => {
	it('has no import cycle', () => {
		expect(cycles(graph)).toEqual([]);
	});

	it('finds a cycle when there is one (the check itself works)', () => {
		const looped = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts']],
			['c.ts', ['a.ts']],
			['d.ts', ['a.ts']],
		]);
		expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
	});

	it('keeps one dependency direction', () => {
		const wrong = edges.filter(
			({ from, to }) =>
				// pure rules never reach the server side
				(under(from, 'src/lib') && !under(from, 'src/lib/server') && under(to, 'src/lib/server')) ||
				// the server side never reaches the web layer
				(under(from, 'src/lib/server') &&
					['src/pages', 'src/actions', 'src/components', 'src/islands', 'src/layouts'].some((d) =>
						under(to, d),
					)) ||
				// the database layer never reaches the site
				(under(from, 'db') && under(to, 'src')),
		);
		expect(wrong).toEqual([]);
	});

	it('keeps src/lib/server in folders by noun', () => {
		const top = readdirSync(join(root, 'src/lib/server')).filter((n) => n.endsWith('.ts'));
		const families = new Map<string, string[]>();
		for (const name of top) {
			const noun = name.replace(/\.ts$/, '').split('-')[0]!;
			families.set(noun, [...(families.get(noun) ?? []), name]);
		}
		const crowded = [...families].filter(([, names]) => names.length > 2);
		expect(crowded, 'a family of three or more files belongs in its own folder').toEqual([]);
	});
});
