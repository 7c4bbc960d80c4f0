/**
 * The server's outer handler on a real HTTP socket: precompressed static files with the right
 * Content-Encoding and Vary, dynamic responses compressed once (never a response that is
 * already compressed, never a Word file), downloads intact, revalidation, and signed-in
 * requests for a prerendered page sent to its server-rendered version.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../src/cli/precompress';
import { createPortalHandler } from '../../src/cli/serving/handler';
import { chooseEncoding } from '../../src/lib/server/http/encoding';
import { compressResponse } from '../../src/lib/server/http/compress';
import { securityHeaders } from '../../src/lib/security-headers';

const css = 'body { color: red; }\n'.repeat(400);
const page = `<!doctype html><html><body><!--signed-in:nav:/curriculum/x/--><a href="/login">Sign in</a><!--/signed-in:nav-->${'<p>text</p>'.repeat(300)}</body></html>`;
const html = `<!doctype html><p>${'dynamic page '.repeat(500)}</p>`;
const docx = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
const csv = 'a,b\n'.repeat(3000);

let dir: string;
let server: Server;
let origin: string;
const seen: string[] = [];

/** What the fake Astro answers, by path. */
function astro(req: IncomingMessage, res: import('node:http').ServerResponse) {
	seen.push(req.url!);
	if (req.url === '/page') return void res.setHeader('Content-Type', 'text/html').end(html);
	if (req.url === '/report.docx') {
		res.setHeader(
			'Content-Type',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		);
		return void res.end(docx);
	}
	if (req.url === '/data.csv') {
		res.setHeader('Content-Type', 'text/csv');
		res.setHeader('Content-Encoding', 'gzip');
		return void res.end(gzipSync(csv));
	}
	res.setHeader('Content-Type', 'text/html').end(`astro saw ${req.url}`);
}

function get(path: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
		(resolve, reject) => {
			request(origin + path, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
				);
			})
				.on('error', reject)
				.end();
		},
	);
}

const decode = (r: { headers: IncomingMessage['headers']; body: Buffer }) =>
	r.headers['content-encoding'] === 'br'
		? brotliDecompressSync(r.body)
		: r.headers['content-encoding'] === 'gzip'
			? gunzipSync(r.body)
			: r.body;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'portal-serving-'));
	const client = join(dir, 'client');
	mkdirSync(join(client, '_astro'), { recursive: true });
	mkdirSync(join(client, 'curriculum/x'), { recursive: true });
	writeFileSync(join(client, '_astro/site.css'), css);
	writeFileSync(join(client, 'curriculum/x/index.html'), page);
	writeFileSync(join(client, 'tiny.txt'), 'small');
	writeFileSync(join(client, 'photo.png'), docx);
	writeFileSync(
		join(dir, '_headers.json'),
		JSON.stringify([
			{
				pathname: '/curriculum/x',
				headers: [{ key: 'Content-Security-Policy', value: "default-src 'self'" }],
			},
		]),
	);
	await precompress(client);
	const handler = createPortalHandler(astro, { clientDir: client });
	// As src/cli/serve.ts wraps it: the security headers first, on every response.
	server = createServer((req, res) => {
		for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
		handler(req, res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address() as { port: number };
	origin = `http://127.0.0.1:${address.port}`;
});

afterAll(() => {
	server.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('precompressed static files', () => {
	it('sends brotli, gzip or the plain file as the client accepts, with Vary', async () => {
		for (const [accept, expected] of [
			['br, gzip', 'br'],
			['gzip, deflate', 'gzip'],
			['gzip;q=0, br;q=0', undefined],
			['', undefined],
		] as const) {
			const res = await get('/_astro/site.css', accept ? { 'accept-encoding': accept } : {});
			expect(res.status).toBe(200);
			expect(res.headers['content-encoding'], accept).toBe(expected);
			expect(res.headers.vary).toBe('Accept-Encoding');
			expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
			expect(res.headers['cache-control']).toContain('immutable');
			expect(Number(res.headers['content-length'])).toBe(res.body.length);
			expect(decode(res).toString()).toBe(css);
		}
	});

	it('writes no copy for small files or compressed types, and serves them as they are', async () => {
		const png = await get('/photo.png', { 'accept-encoding': 'br, gzip' });
		expect(png.headers['content-encoding']).toBeUndefined();
		expect(png.headers['content-type']).toBe('image/png');
		expect(png.body.equals(docx)).toBe(true);
		const tiny = await get('/tiny.txt', { 'accept-encoding': 'br, gzip' });
		expect(tiny.headers['content-encoding']).toBeUndefined();
		expect(tiny.body.toString()).toBe('small');
	});

	it('answers a revalidation with 304', async () => {
		const first = await get('/_astro/site.css', { 'accept-encoding': 'br' });
		const again = await get('/_astro/site.css', {
			'accept-encoding': 'br',
			'if-none-match': String(first.headers.etag),
		});
		expect(again.status).toBe(304);
		const gz = await get('/_astro/site.css', { 'accept-encoding': 'gzip' });
		expect(gz.headers.etag).not.toBe(first.headers.etag);
	});
});

describe('prerendered pages', () => {
	it('are the static file for a signed-out reader, with the page headers and Vary: Cookie', async () => {
		const before = seen.length;
		for (const path of ['/curriculum/x', '/curriculum/x/']) {
			const res = await get(path, { 'accept-encoding': 'br' });
			expect(res.headers['content-encoding']).toBe('br');
			expect(res.headers['content-security-policy']).toBe("default-src 'self'");
			expect(res.headers.vary).toBe('Accept-Encoding, Cookie');
			expect(decode(res).toString()).toBe(page);
		}
		expect(seen.length).toBe(before);
	});

	it('go to their server-rendered version when a session cookie comes with the request', async () => {
		const res = await get('/curriculum/x', { cookie: 'theme=dark; auth_session=abc' });
		expect(res.body.toString()).toBe('astro saw /signed-in/curriculum/x');
		const other = await get('/curriculum/x', { cookie: 'auth_session_old=abc' });
		expect(decode(other).toString()).toBe(page);
	});

	it('drop only the opener isolation header when public; pages made for a person keep it', async () => {
		const pub = await get('/curriculum/x');
		expect(pub.headers['cross-origin-opener-policy']).toBeUndefined();
		expect(pub.headers['x-frame-options']).toBe('DENY');
		expect(pub.headers['x-content-type-options']).toBe('nosniff');
		const asset = await get('/_astro/site.css');
		expect(asset.headers['x-content-type-options']).toBe('nosniff');
		for (const [path, headers] of [
			['/curriculum/x', { cookie: 'auth_session=abc' }],
			['/page', {}],
		] as const) {
			const res = await get(path, headers);
			expect(res.headers['cross-origin-opener-policy'], path).toBe('same-origin');
		}
	});
});

describe('dynamic responses (compressed by the middleware)', () => {
	const page = (body: string | Buffer, headers: Record<string, string>) =>
		new Response(typeof body === 'string' ? body : new Uint8Array(body), { status: 200, headers });
	const ask = (encoding: string, method = 'GET') =>
		new Request('http://x/page', { method, headers: { 'accept-encoding': encoding } });
	const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

	it('are compressed once, with Vary and the length sent, when the type is text', async () => {
		const br = await compressResponse(ask('br, gzip'), page(html, { 'content-type': 'text/html' }));
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toContain('Accept-Encoding');
		const sent = await bytes(br);
		expect(Number(br.headers.get('content-length'))).toBe(sent.byteLength);
		expect(brotliDecompressSync(sent).toString()).toBe(html);
		const gz = await compressResponse(ask('gzip'), page(html, { 'content-type': 'text/html' }));
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(await bytes(gz)).toString()).toBe(html);
		const plain = await compressResponse(ask(''), page(html, { 'content-type': 'text/html' }));
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect((await bytes(plain)).toString()).toBe(html);
	});

	it('leave small bodies, HEAD answers and no-transform responses as they are', async () => {
		const small = await compressResponse(
			ask('br'),
			page('<p>hi</p>', { 'content-type': 'text/html' }),
		);
		expect(small.headers.get('content-encoding')).toBeNull();
		const head = await compressResponse(
			ask('br', 'HEAD'),
			page(html, { 'content-type': 'text/html' }),
		);
		expect(head.headers.get('content-encoding')).toBeNull();
		const kept = await compressResponse(
			ask('br'),
			page(html, { 'content-type': 'text/html', 'cache-control': 'no-transform' }),
		);
		expect(kept.headers.get('content-encoding')).toBeNull();
	});

	it('leave an already compressed response alone (no double compression)', async () => {
		const res = await compressResponse(
			ask('br, gzip'),
			page(gzipSync(csv), { 'content-type': 'text/csv', 'content-encoding': 'gzip' }),
		);
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(await bytes(res)).toString()).toBe(csv);
	});

	it('send Word files as they are (downloads intact)', async () => {
		const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
		const res = await compressResponse(ask('br, gzip'), page(docx, { 'content-type': type }));
		expect(res.headers.get('content-encoding')).toBeNull();
		expect((await bytes(res)).equals(docx)).toBe(true);
	});
});

describe('choosing an encoding', () => {
	it('prefers brotli, honours q-values and falls back to the plain file', () => {
		expect(chooseEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
		expect(chooseEncoding('br;q=0.5, gzip', ['br', 'gzip'])).toBe('gzip');
		expect(chooseEncoding('*', ['gzip'])).toBe('gzip');
		expect(chooseEncoding('br', ['gzip'])).toBe('identity');
		expect(chooseEncoding(undefined, ['br', 'gzip'])).toBe('identity');
	});
});
