/**
 * Reads prerendered pages of the running build, split into static HTML and signed-in parts,
 * for the signed-in version of a static page. Kept in memory once read (a bounded number).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitParts, type PagePiece } from '~/lib/signed-in-parts';

/** The built client folder: beside the server folder that holds entry.mjs; null in dev. */
function findClientDir(): string | null {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (existsSync(join(dir, 'entry.mjs'))) return resolve(dir, '..', 'client');
		const up = dirname(dir);
		if (up === dir) return null;
		dir = up;
	}
}

const clientDir = findClientDir();
const cache = new Map<string, PagePiece[]>();
/** Enough for every page of a large curriculum without holding them all. */
const cacheLimit = 300;

/** The HTML file behind a URL path, or null if it is not inside the client folder. */
function fileOf(urlPath: string): string | null {
	if (!clientDir || !/^\/[\w\-./]*$/.test(urlPath) || urlPath.includes('..')) return null;
	const file = resolve(clientDir, '.' + urlPath.replace(/\/?$/, '/index.html'));
	return file.startsWith(clientDir + sep) ? file : null;
}

/** The pieces of the prerendered page at `urlPath`, or null if there is none. */
export async function readPrerenderedPage(urlPath: string): Promise<PagePiece[] | null> {
	const file = fileOf(urlPath);
	if (!file) return null;
	const hit = cache.get(file);
	if (hit) return hit;
	let html: string;
	try {
		html = await readFile(file, 'utf8');
	} catch {
		return null;
	}
	const pieces = splitParts(html);
	if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
	cache.set(file, pieces);
	return pieces;
}
