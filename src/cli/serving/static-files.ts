/**
 * Serves the built client folder (assets and prerendered pages) straight from an index made at
 * start, choosing the brotli or gzip file written beside each one at build time. Astro's own
 * static handler stats the disk and matches routes on every request, even dynamic ones, and
 * never sends a compressed file; this answers a static request without either.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseEncoding, type Encoding } from '../../lib/server/http/encoding';
import { contentTypeOf } from './content-types';

/** One variant of a file on disk: identity, or its precompressed copy. */
type Variant = { path: string; size: number; etag: string; body: Buffer | null };

/** A file the client folder serves, with whatever precompressed copies exist. */
export type StaticFile = {
	type: string;
	variants: Partial<Record<Encoding | 'identity', Variant>>;
	headers: [string, string][];
	/** Prerendered HTML that carries signed-in parts (see src/lib/signed-in-parts.ts). */
	personal: boolean;
};

/** Files up to this size are kept in memory once read; larger ones stream from disk. */
const keepInMemoryBelow = 256 * 1024;
/** The sum of what is kept in memory stops growing here, so memory stays bounded. */
const memoryCap = 24 * 1024 * 1024;

function* walk(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(full);
		else if (entry.isFile()) yield full;
	}
}

function variantOf(path: string, tag: string): Variant {
	const stat = statSync(path);
	const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${tag}"`;
	return { path, size: stat.size, etag, body: null };
}

/** The URL paths a file answers to: `/a/index.html` also answers `/a` and `/a/`. */
function urlPathsOf(rel: string): string[] {
	const url = '/' + rel.split(sep).join('/');
	if (!url.endsWith('/index.html')) return [url];
	const dir = url.slice(0, -'index.html'.length);
	return dir === '/' ? ['/', url] : [dir, dir.slice(0, -1), url];
}

/** CSP and other per-page headers Astro wrote for prerendered pages (dist/_headers.json). */
function readPageHeaders(distDir: string): Map<string, [string, string][]> {
	try {
		const list = JSON.parse(readFileSync(join(distDir, '_headers.json'), 'utf8')) as {
			pathname: string;
			headers: { key: string; value: string }[];
		}[];
		return new Map(list.map((e) => [e.pathname, e.headers.map((h) => [h.key, h.value])]));
	} catch {
		return new Map();
	}
}

/** Indexes every file of the client folder by the URL paths it answers to. */
export function indexClientFiles(clientDir: string, distDir: string): Map<string, StaticFile> {
	const pageHeaders = readPageHeaders(distDir);
	const index = new Map<string, StaticFile>();
	for (const path of walk(clientDir)) {
		if (path.endsWith('.br') || path.endsWith('.gz')) continue;
		const rel = relative(clientDir, path);
		const variants: StaticFile['variants'] = { identity: variantOf(path, '') };
		for (const [encoding, suffix] of [
			['br', '.br'],
			['gzip', '.gz'],
		] as const) {
			try {
				variants[encoding] = variantOf(path + suffix, `-${encoding}`);
			} catch {
				// no precompressed copy: small files and already-compressed types have none
			}
		}
		const urls = urlPathsOf(rel);
		const isHtml = extname(path) === '.html';
		const headers = isHtml ? (pageHeaders.get(urls[0]!.replace(/\/$/, '') || '/') ?? []) : [];
		const personal = isHtml && readFileSync(path, 'utf8').includes('<!--signed-in:');
		const file: StaticFile = { type: contentTypeOf(path), variants, headers, personal };
		for (const url of urls) index.set(url, file);
	}
	return index;
}

let kept = 0;

function readBody(variant: Variant): Buffer | null {
	if (variant.body) return variant.body;
	if (variant.size > keepInMemoryBelow || kept + variant.size > memoryCap) return null;
	variant.body = readFileSync(variant.path);
	kept += variant.size;
	return variant.body;
}

/** Caching: hashed assets forever; everything else revalidated with its ETag. */
function cacheControlOf(url: string): string {
	return url.startsWith('/_astro/')
		? 'public, max-age=31536000, immutable'
		: 'public, max-age=0, must-revalidate';
}

/** If-None-Match may list several tags; weak comparison, as for a GET. */
function matchesEtag(header: string | undefined, etag: string): boolean {
	if (!header) return false;
	return header === '*' || header.split(',').some((tag) => tag.trim() === etag);
}

/** Sends one indexed file (GET or HEAD), honouring If-None-Match. */
export async function sendStaticFile(
	req: IncomingMessage,
	res: ServerResponse,
	url: string,
	file: StaticFile,
): Promise<void> {
	const encoding = chooseEncoding(
		req.headers['accept-encoding'],
		Object.keys(file.variants) as Encoding[],
	);
	const variant = file.variants[encoding] ?? file.variants.identity!;
	const compressible = Boolean(file.variants.br || file.variants.gzip);
	for (const [name, value] of file.headers) res.setHeader(name, value);
	res.setHeader('Content-Type', file.type);
	// A prerendered page is the same public text for every reader and holds nothing of anyone's.
	// Isolating it from cross-origin openers protects nothing, and costs every arrival from
	// another site (or a new tab) a browsing-context-group switch: a new renderer process,
	// ~300 ms more main-thread work, Lighthouse 93-98 instead of 100. Pages made for a signed-in
	// person go through Astro and keep the header (src/lib/security-headers.ts).
	if (file.type.startsWith('text/html')) res.removeHeader('Cross-Origin-Opener-Policy');
	res.setHeader('Cache-Control', cacheControlOf(url));
	// Signed-in people get another page at this URL (see src/lib/signed-in-parts.ts).
	if (compressible || file.personal)
		res.setHeader('Vary', file.personal ? 'Accept-Encoding, Cookie' : 'Accept-Encoding');
	res.setHeader('ETag', variant.etag);
	if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
	if (matchesEtag(req.headers['if-none-match'], variant.etag)) {
		res.statusCode = 304;
		res.end();
		return;
	}
	res.setHeader('Content-Length', variant.size);
	if (req.method === 'HEAD') return void res.end();
	const body = readBody(variant);
	if (body) return void res.end(body);
	createReadStream(variant.path).pipe(res);
}
