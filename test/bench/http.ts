/**
 * HTTP load with autocannon against a running server. Each page is measured twice: with one
 * connection (the latency a single person sees on a warm, idle server) and with several
 * (throughput; latency then includes queueing behind the other connections).
 */
import autocannon from 'autocannon';

/** A page to measure, with the cookie of whoever is signed in (if anyone). */
export type Target = { name: string; path: string; cookie?: string };

export type LoadSettings = { connections: number; seconds: number; idleSeconds: number };

export type PageResult = {
	name: string;
	path: string;
	bytes: number;
	/** p50 with one connection: a single request on a warm, idle server. */
	idleP50: number;
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	/** Responses that were not 2xx, plus connection errors: must be 0 for numbers to count. */
	failures: number;
};

function run(url: string, headers: Record<string, string>, connections: number, seconds: number) {
	return autocannon({ url, headers, connections, duration: seconds, timeout: 30 });
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

/** Measures one page: warm-up, one connection, then `connections` connections. */
export async function measurePage(
	origin: string,
	target: Target,
	settings: LoadSettings,
): Promise<PageResult> {
	const bytes = await check(origin, target);
	const url = origin + target.path;
	const headers: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
	await run(url, headers, 2, 2);
	const idle = await run(url, headers, 1, settings.idleSeconds);
	const load = await run(url, headers, settings.connections, settings.seconds);
	return {
		name: target.name,
		path: target.path,
		bytes,
		idleP50: idle.latency.p50,
		rps: load.requests.average,
		p50: load.latency.p50,
		p99: load.latency.p99,
		requests: load.requests.total,
		failures: load.non2xx + load.errors + idle.non2xx + idle.errors,
	};
}
