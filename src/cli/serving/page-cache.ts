/**
 * A short-lived cache of signed-in pages, exact by construction.
 *
 * Why: a signed-in page costs the server 3–10 ms of CPU (session lookup, queries, rendering,
 * compression), a static file 0.03 ms. People reload and go back and forth between the same
 * pages far more often than anything changes. A page is answered again from memory only when
 *
 * - the request is the same: method GET, URL, Host, every cookie (so the same session and the
 *   same one-time state) and Accept-Encoding (the body is kept as it was compressed);
 * - the database is the same: SQLite's `PRAGMA data_version` on a connection of our own that
 *   never writes changes whenever any connection, in this process or another, commits;
 * - the page said it may be: the middleware sets `until` on the request's ticket only for a
 *   200 HTML page to a signed-in person, and the page is not stored if it sets a cookie;
 * - it is young: at most `ttlMs` old (times like "today" and "2 minutes ago" move on their own)
 *   and never past the session's own expiry.
 *
 * Memory is bounded (oldest entries go first). Only for an embedded SQLite file: a libSQL server
 * has no data_version we can read for free, so there the cache is off.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What the middleware fills in: until when (ms since epoch) the page may be served again. */
export type PageCacheTicket = { until: number };

type Entry = {
	version: number;
	expires: number;
	status: number;
	headers: OutgoingHttpHeaders;
	body: Buffer;
};

export type PageCacheOptions = {
	/** The database's change counter: equal values mean nothing was committed in between. */
	version: () => number;
	ttlMs: number;
	/** The sum of stored bodies stays below this. */
	maxBytes: number;
	now?: () => number;
};

/** A body larger than this is not worth keeping (and would crowd out everything else). */
const maxEntryBytes = 256 * 1024;

const sessionCookie = /(?:^|;\s*)auth_session=[^;\s]/;

/** Headers that belong to one response, not to the page. */
const perResponse = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

export function createPageCache({ version, ttlMs, maxBytes, now = Date.now }: PageCacheOptions) {
	const entries = new Map<string, Entry>();
	let bytes = 0;

	function remove(key: string) {
		const entry = entries.get(key);
		if (!entry) return;
		bytes -= entry.body.byteLength;
		entries.delete(key);
	}

	function store(key: string, entry: Entry) {
		remove(key);
		while (bytes + entry.body.byteLength > maxBytes && entries.size > 0)
			remove(entries.keys().next().value!);
		entries.set(key, entry);
		bytes += entry.body.byteLength;
	}

	/** The cache key of a request that may be answered from the cache, or null. */
	function keyOf(req: IncomingMessage): string | null {
		if (req.method !== 'GET') return null;
		const cookie = req.headers.cookie ?? '';
		if (!sessionCookie.test(cookie)) return null;
		const { host = '' } = req.headers;
		return `${host}\n${req.url}\n${cookie}\n${req.headers['accept-encoding'] ?? ''}`;
	}

	/** Answers from the cache when an entry is still exact; false when the page must be made. */
	function answer(key: string, current: number, res: ServerResponse): boolean {
		const entry = entries.get(key);
		if (!entry) return false;
		if (entry.version !== current || now() >= entry.expires) {
			remove(key);
			return false;
		}
		// Most recently used last, so the oldest is dropped first.
		entries.delete(key);
		entries.set(key, entry);
		for (const [name, value] of Object.entries(entry.headers))
			if (value !== undefined) res.setHeader(name, value);
		res.setHeader('Content-Length', entry.body.byteLength);
		res.writeHead(entry.status);
		res.end(entry.body);
		return true;
	}

	/**
	 * Records what `res` sends (after compression: call before the compressing layer wraps it),
	 * and stores it when the response finishes if the page allowed it.
	 */
	function capture(key: string, seen: number, ticket: PageCacheTicket, res: ServerResponse) {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooBig = false;
		const keep = (chunk: unknown, encoding?: unknown) => {
			if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return;
			const buffer =
				typeof chunk === 'string'
					? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
					: Buffer.from(chunk as Uint8Array);
			size += buffer.byteLength;
			if (size > maxEntryBytes) tooBig = true;
			else chunks.push(buffer);
		};
		const write = res.write.bind(res) as (...args: unknown[]) => boolean;
		const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			keep(chunk, rest[0]);
			return write(chunk, ...rest);
		}) as ServerResponse['write'];
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			keep(chunk, rest[0]);
			return end(chunk, ...rest);
		}) as ServerResponse['end'];
		res.once('finish', () => {
			const type = String(res.getHeader('content-type') ?? '');
			if (
				tooBig ||
				ticket.until <= 0 ||
				res.statusCode !== 200 ||
				res.hasHeader('set-cookie') ||
				!type.startsWith('text/html')
			)
				return;
			const headers: OutgoingHttpHeaders = {};
			for (const [name, value] of Object.entries(res.getHeaders()))
				if (!perResponse.has(name) && name !== 'content-length') headers[name] = value;
			store(key, {
				version: seen,
				expires: Math.min(now() + ttlMs, ticket.until),
				status: res.statusCode,
				headers,
				body: Buffer.concat(chunks),
			});
		});
	}

	return {
		keyOf,
		answer,
		capture,
		version,
		/** For tests and the benchmark: how much is held. */
		stats: () => ({ entries: entries.size, bytes }),
	};
}

export type PageCache = ReturnType<typeof createPageCache>;
