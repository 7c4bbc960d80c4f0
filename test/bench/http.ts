/**
 * HTTP load against a running server. Each page is measured twice: one request after another
 * (timed here with microsecond resolution, body included: what a single person waits on a warm,
 * idle server), then with autocannon and several connections (throughput; its latencies have
 * millisecond resolution and include queueing behind the other connections).
 */
import autocannon from 'autocannon';

/** A page to measure, with the cookie of whoever is signed in (if anyone). */
export type Target = { name: string; path: string; cookie?: string };

export type LoadSettings = { connections: number; seconds: number; idleSeconds: number };

export type PageResult = {
	name: string;
	path: string;
	bytes: number;
	/** Median of sequential requests: a single request on a warm, idle server (ms). */
	idleP50: number;
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	/** Responses that were not 2xx, plus connection errors: must be 0 for numbers to count. */
	failures: number;
	/** What the failures were, e.g. "HTTP 500 × 2". */
	failureKinds: string;
};

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

/** Fetches the page once: it must answer 200 (not a redirect to /login), and how big it is. */
async function check(origin: string, target: Target): Promise<number> {
	const res = await fetch(origin + target.path, {
		redirect: 'manual',
		headers: target.cookie ? { cookie: target.cookie } : {},
	});
	const body = await res.arrayBuffer();
	if (res.status !== 200)
		throw new Error(`${target.path} answered ${res.status} instead of 200: not measuring it.`);
	return body.byteLength;
}

/** Median time of sequential requests for `seconds` (at least 5, at most 1,000 requests). */
async function sequentialP50(url: string, headers: Record<string, string>, seconds: number) {
	const times: number[] = [];
	const until = performance.now() + seconds * 1000;
	while (times.length < 1000 && (times.length < 5 || performance.now() < until)) {
		const started = performance.now();
		const res = await fetch(url, { headers, redirect: 'manual' });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`${url} answered ${res.status} during the idle run`);
		times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Measures one page: warm-up, sequential requests, then `connections` connections. */
export async function measurePage(
	origin: string,
	target: Target,
	settings: LoadSettings,
): Promise<PageResult> {
	const bytes = await check(origin, target);
	const url = origin + target.path;
	const headers: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
	await run(url, headers, 2, 2);
	const idleP50 = await sequentialP50(url, headers, settings.idleSeconds);
	const { result: load, problems } = await run(
		url,
		headers,
		settings.connections,
		settings.seconds,
	);
	return {
		name: target.name,
		path: target.path,
		bytes,
		idleP50,
		rps: load.requests.average,
		p50: load.latency.p50,
		p99: load.latency.p99,
		requests: load.requests.total,
		failures: load.non2xx + load.errors,
		failureKinds: Object.entries(problems)
			.map(([what, count]) => `${what} × ${count}`)
			.join(', '),
	};
}
