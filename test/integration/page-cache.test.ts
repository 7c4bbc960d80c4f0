/**
 * The signed-in page cache on a real HTTP socket, behind the real outer handler (compression
 * included), and its change counter on a real SQLite file: a page comes from memory only for
 * the same request while nothing was committed, while it is young, and when the page allowed it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import {
	createServer,
	request,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '~db/client';
import { openDataVersion } from '../../src/cli/serving/data-version';
import { createPortalHandler } from '../../src/cli/serving/handler';
import { createPageCache, type PageCacheTicket } from '../../src/cli/serving/page-cache';

let dir: string;
let server: Server;
let origin: string;
let renders = 0;
let version = 1;
let clock = 1_000_000;
/** What the fake app does for the next requests. */
let behaviour: { until: number; setCookie?: boolean; status?: number } = { until: Infinity };

/** A fake Astro that marks the ticket as the middleware does and counts its renders. */
function astro(
	req: IncomingMessage,
	res: ServerResponse,
	_next?: () => void,
	locals?: { pageCache?: PageCacheTicket },
) {
	renders++;
	if (locals?.pageCache) locals.pageCache.until = behaviour.until;
	if (behaviour.setCookie) res.setHeader('Set-Cookie', 'flash=1');
	res.statusCode = behaviour.status ?? 200;
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.end(`<!doctype html><p>render ${renders} of ${req.url}</p>${'<p>padding</p>'.repeat(200)}`);
}

const cache = createPageCache({
	version: () => version,
	ttlMs: 30_000,
	maxBytes: 64 * 1024,
	now: () => clock,
});

function get(path: string, cookie = 'auth_session=abc', encoding = 'br') {
	return new Promise<{ status: number; headers: IncomingMessage['headers']; text: string }>(
		(resolve, reject) => {
			const headers: Record<string, string> = { 'accept-encoding': encoding };
			if (cookie) headers.cookie = cookie;
			request(origin + path, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const body = Buffer.concat(chunks);
					const text =
						res.headers['content-encoding'] === 'br'
							? brotliDecompressSync(body).toString()
							: body.toString();
					resolve({ status: res.statusCode!, headers: res.headers, text });
				});
			})
				.on('error', reject)
				.end();
		},
	);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'page-cache-'));
	mkdirSync(join(dir, 'client'));
	const portal = createPortalHandler(astro, { clientDir: join(dir, 'client') }, cache);
	server = createServer(portal);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
	behaviour = { until: Infinity };
	version++;
});

describe('signed-in page cache', () => {
	it('answers the same request again from memory, compressed as before', async () => {
		const first = await get('/dashboard');
		const second = await get('/dashboard');
		expect(first.text).toBe(second.text);
		expect(second.headers['content-encoding']).toBe('br');
		expect(second.headers['content-type']).toMatch(/^text\/html/);
		expect(second.text).toMatch(/render \d+ of \/dashboard/);
		expect(renders).toBe(Number(/render (\d+)/.exec(first.text)![1]));
	});

	it('renders again once anything was committed', async () => {
		const before = await get('/logbook');
		version++;
		const after = await get('/logbook');
		expect(after.text).not.toBe(before.text);
	});

	it('never shares a page between sessions, URLs or encodings', async () => {
		const mine = await get('/review');
		expect((await get('/review', 'auth_session=other')).text).not.toBe(mine.text);
		expect((await get('/review?page=2')).text).not.toBe(mine.text);
		const plain = await get('/review', 'auth_session=abc', 'identity');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.text).not.toBe(mine.text);
	});

	it('does not cache for signed-out readers or other methods', async () => {
		const before = renders;
		await get('/public', '');
		await get('/public', '');
		expect(renders).toBe(before + 2);
	});

	it('keeps nothing the page did not allow, or that set a cookie, or that failed', async () => {
		for (const next of [
			{ until: 0 },
			{ until: Infinity, setCookie: true },
			{ until: Infinity, status: 404 },
		]) {
			behaviour = next;
			const before = renders;
			await get('/study');
			await get('/study');
			expect(renders).toBe(before + 2);
		}
	});

	it('drops a page after 30 seconds, and at the end of the session', async () => {
		const first = await get('/cohort');
		clock += 29_000;
		expect((await get('/cohort')).text).toBe(first.text);
		clock += 2_000;
		expect((await get('/cohort')).text).not.toBe(first.text);

		behaviour = { until: clock + 1_000 };
		const short = await get('/account');
		clock += 1_000;
		expect((await get('/account')).text).not.toBe(short.text);
	});

	it('stays within its memory budget', async () => {
		for (let i = 0; i < 40; i++) await get(`/many?i=${i}`);
		expect(cache.stats().bytes).toBeLessThanOrEqual(64 * 1024);
		expect(cache.stats().entries).toBeGreaterThan(0);
	});
});

describe('the database change counter', () => {
	it('moves when another connection commits, not when it only reads', async () => {
		const file = join(dir, 'counter.db');
		const db = await createDb(`file:${file}`);
		await db.$client.execute('CREATE TABLE t (x)');
		const read = openDataVersion(`file:${file}`)!;
		const start = read();
		await db.$client.execute('SELECT * FROM t');
		expect(read()).toBe(start);
		await db.$client.execute('INSERT INTO t VALUES (1)');
		expect(read()).not.toBe(start);
		db.$client.close();
	});

	it('is not offered for a libSQL server', () => {
		expect(openDataVersion('libsql://example.turso.io')).toBeNull();
	});
});
