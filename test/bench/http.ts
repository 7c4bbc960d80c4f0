/**
 * HTTP load against a running server. Each page is measured twice: one request after another
 * (timed here with microsecond resolution, body included: what a single person waits on a warm,
 * idle server), then with autocannon and several connections (throughput; its latencies have
 * millisecond resolution and include queueing behind the other connections). Every request
 * says `Accept-Encoding: br, gzip` as browsers do, so sizes are what travels. The server's own
 * CPU time (user + system, from /proc/<pid>/stat) is read around each run and divided by the
 * requests it served: a figure that holds on a shared machine, unlike requests/s.
 */
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** A page to measure, with the cookie of whoever is signed in (if anyone). */
export type Target = { name: string; path: string; cookie?: string; connections?: number[] };

export type LoadSettings = { connections: number; seconds: number; idleSeconds: number };

/** One autocannon run at a number of connections. */
export type LoadRun = {
	connections: number;
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	/** Server CPU milliseconds per request during the run. */
	cpuMs: number;
	/** Responses that were not 2xx, plus connection errors: must be 0 for numbers to count. */
	failures: number;
	/** What the failures were, e.g. "HTTP 500 × 2". */
	failureKinds: string;
};

export type PageResult = {
	name: string;
	path: string;
	/** Bytes as transferred (compressed when the server compresses). */
	bytes: number;
	/** Bytes once decoded. */
	rawBytes: number;
	encoding: string;
	/** Median of sequential requests: a single request on a warm, idle server (ms). */
	idleP50: number;
	/** Server CPU milliseconds per request, sequential requests (no contention). */
	idleCpuMs: number;
	runs: LoadRun[];
};

const acceptEncoding = 'br, gzip';
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux Node runs on). */
const ticksPerSecond = 100;

/** The server's CPU time so far (user + system), in milliseconds. */
export function cpuTimeMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may contain spaces) start at ") ".
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** One GET as a browser sends it: status, bytes on the wire, decoded bytes, encoding. */
export function fetchRaw(url: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; bytes: number; body: Buffer; encoding: string }>(
		(resolve, reject) => {
			const req = request(url, { headers: { 'accept-encoding': acceptEncoding, ...headers } });
			req.on('response', (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', async () => {
					const wire = Buffer.concat(chunks);
					const encoding = String(res.headers['content-encoding'] ?? 'identity');
					const zlib = await import('node:zlib');
					const body =
						encoding === 'br'
							? zlib.brotliDecompressSync(wire)
							: encoding === 'gzip'
								? zlib.gunzipSync(wire)
								: wire;
					resolve({ status: res.statusCode ?? 0, bytes: wire.length, body, encoding });
				});
			});
			req.on('error', reject);
			req.end();
		},
	);
}

/** One autocannon run; also tallies what went wrong (status codes, error messages). */
async function run(
	url: string,
	headers: Record<string, string>,
	connections: number,
	seconds: number,
) {
	const problems: Record<string, number> = {};
	const tally = (what: string) => (problems[what] = (problems[what] ?? 0) + 1);
	// With a callback autocannon returns the running instance, whose events tell what failed.
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{ url, headers, connections, duration: seconds, timeout: 30 },
			(error, done) => (error ? reject(error) : resolve(done)),
		);
		instance.on('response', (_client, status) => {
			if (status < 200 || status > 299) tally(`HTTP ${status}`);
		});
		instance.on('reqError', (error: Error) =>
			tally((error as NodeJS.ErrnoException).code ?? error.message),
		);
	});
	return { result, problems };
}

/** Median time and server CPU of sequential requests for `seconds` (5 to 5,000 requests: /proc counts CPU in 10 ms ticks, so a cheap page needs many). */
async function sequential(
	pid: number,
	url: string,
	headers: Record<string, string>,
	seconds: number,
) {
	const times: number[] = [];
	const until = performance.now() + seconds * 1000;
	const cpuBefore = cpuTimeMs(pid);
	while (times.length < 5000 && (times.length < 5 || performance.now() < until)) {
		const started = performance.now();
		const res = await fetch(url, { headers, redirect: 'manual' });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`${url} answered ${res.status} during the idle run`);
		times.push(performance.now() - started);
	}
	const cpuMs = (cpuTimeMs(pid) - cpuBefore) / times.length;
	return { p50: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, cpuMs };
}

/** Measures one page: size, warm-up, sequential requests, then each number of connections. */
export async function measurePage(
	origin: string,
	pid: number,
	target: Target,
	settings: LoadSettings,
): Promise<PageResult> {
	const url = origin + target.path;
	const headers: Record<string, string> = {
		'accept-encoding': acceptEncoding,
		...(target.cookie ? { cookie: target.cookie } : {}),
	};
	const first = await fetchRaw(url, headers);
	if (first.status !== 200)
		throw new Error(`${target.path} answered ${first.status} instead of 200: not measuring it.`);
	await run(url, headers, 2, 2);
	const idle = await sequential(pid, url, headers, settings.idleSeconds);
	const runs: LoadRun[] = [];
	for (const connections of target.connections ?? [settings.connections]) {
		const cpuBefore = cpuTimeMs(pid);
		const { result: load, problems } = await run(url, headers, connections, settings.seconds);
		const served = Math.max(1, load.requests.total);
		runs.push({
			connections,
			rps: load.requests.average,
			p50: load.latency.p50,
			p99: load.latency.p99,
			requests: load.requests.total,
			cpuMs: (cpuTimeMs(pid) - cpuBefore) / served,
			failures: load.non2xx + load.errors,
			failureKinds: Object.entries(problems)
				.map(([what, count]) => `${what} × ${count}`)
				.join(', '),
		});
	}
	return {
		name: target.name,
		path: target.path,
		bytes: first.bytes,
		rawBytes: first.body.length,
		encoding: first.encoding,
		idleP50: idle.p50,
		idleCpuMs: idle.cpuMs,
		runs,
	};
}
