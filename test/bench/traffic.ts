/**
 * Issue 26, traffic with writes:
 * - tail latency: 50 connections on /dashboard, four participants' sessions
 *   taking turns request by request, and a comment saved through the real form action every
 *   second;
 * - a realistic simulation: six people (four participants, the mentor, the admin) each opening a
 *   random page of their role every 2–8 s, a comment every 10 s, for BENCH_SIM_SECONDS, from a
 *   seeded script: the server's CPU over the run and per request. (It decided the fate of the
 *   page cache: with it and without it side by side, the cache saved ~1% here, so it went.)
 */
import autocannon from 'autocannon';
import { copyDatabase, createDb } from '~db/client';
import { demoAccounts, type DemoIds } from '~db/seed-demo';
import { cpuTimeMs, fetchRaw } from './http';
import { benchPassword, median, noClock } from './scratch';
import { bulkEntryId } from './seed-bulk';
import { freePort, signIn, startServer, type RunningServer } from './server';

type Log = (line: string) => void;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small seeded PRNG (mulberry32): the same script on every run. */
export function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Saves a comment on one of the participant's own entries through the real form action
 * (`comment.add` on /logbook/<id>, with the Origin header a browser sends): 303 when saved.
 */
export async function postComment(origin: string, cookie: string, entryId: string, text: string) {
	const res = await fetch(`${origin}/logbook/${entryId}?_action=comment.add`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ entryId, body: text }),
	});
	await res.arrayBuffer();
	return res.status;
}

/** The four participants, signed in, with an entry each of them may comment on. */
async function participants(origin: string, ids: DemoIds) {
	return Promise.all(
		demoAccounts.participants.map(async (p, k) => ({
			cookie: await signIn(origin, p.email, benchPassword),
			entryId: bulkEntryId(ids.participantIds[k]!, 0),
		})),
	);
}

export type TailResult = {
	connections: number;
	seconds: number;
	requests: number;
	rps: number;
	p50: number;
	p99: number;
	cpuMs: number;
	failures: number;
	writes: number;
	writesSaved: number;
};

/** 50 connections on /dashboard, sessions rotating, a comment every second. */
export async function measureTail(
	url: string,
	ids: DemoIds,
	seconds: number,
	log: Log,
): Promise<TailResult> {
	const server = await startServer(url, await freePort(5), undefined, noClock);
	try {
		const people = await participants(server.origin, ids);
		const cookies = people.map((p) => p.cookie);
		let turn = 0;
		const connections = 50;
		log(`tail: ${connections} connections on /dashboard for ${seconds} s, a comment a second…`);
		let writes = 0;
		let saved = 0;
		let writing = true;
		const writer = (async () => {
			while (writing) {
				const started = performance.now();
				const p = people[writes % people.length]!;
				writes++;
				const status = await postComment(server.origin, p.cookie, p.entryId, `Load ${writes}`);
				if (status === 303) saved++;
				await sleep(Math.max(0, 1000 - (performance.now() - started)));
			}
		})();
		const before = cpuTimeMs(server.pid);
		const result = await new Promise<autocannon.Result>((resolve, reject) =>
			autocannon(
				{
					url: server.origin + '/dashboard',
					connections,
					duration: seconds,
					timeout: 30,
					headers: { 'accept-encoding': 'br, gzip' },
					requests: [
						{
							method: 'GET',
							path: '/dashboard',
							setupRequest: (req) => ({
								...req,
								headers: { ...req.headers, cookie: cookies[turn++ % cookies.length]! },
							}),
						},
					],
				},
				(error, done) => (error ? reject(error) : resolve(done)),
			),
		);
		const cpu = cpuTimeMs(server.pid) - before;
		writing = false;
		await writer;
		return {
			connections,
			seconds,
			requests: result.requests.total,
			rps: result.requests.average,
			p50: result.latency.p50,
			p99: result.latency.p99,
			cpuMs: cpu / Math.max(1, result.requests.total + writes),
			failures: result.non2xx + result.errors,
			writes,
			writesSaved: saved,
		};
	} finally {
		await server.stop();
	}
}

type Person = { cookie: string; pages: string[]; entryId?: string };

/** Who clicks, and the pages of each one's role. */
async function cast(origin: string, ids: DemoIds): Promise<Person[]> {
	const p = await participants(origin, ids);
	const participantPages = (entryId: string) => [
		'/dashboard',
		'/logbook',
		`/logbook/${entryId}`,
		'/notifications',
		'/programme',
		'/curriculum',
		'/curriculum/alert-intelligence',
		'/report',
	];
	const mentor = await signIn(origin, demoAccounts.mentor.email, benchPassword);
	const admin = await signIn(origin, demoAccounts.admin.email, benchPassword);
	return [
		...p.map((x) => ({ cookie: x.cookie, entryId: x.entryId, pages: participantPages(x.entryId) })),
		{
			cookie: mentor,
			pages: [
				'/dashboard',
				'/review',
				...ids.participantIds.map((id) => `/review/${id}`),
				'/cohort',
				'/progress/assessments',
				'/notifications',
			],
		},
		{ cookie: admin, pages: ['/dashboard', '/admin', '/cohort', '/admin/audit', '/notifications'] },
	];
}

export type SimRun = {
	requests: number;
	comments: number;
	failures: number;
	failureKinds: string;
	/** Server CPU over the run (ms). */
	cpuMs: number;
	/** Server CPU over as long with no requests, measured just before (ms). */
	idleMs: number;
	p50: number;
	p99: number;
};

/** One run of the script on one server; every random choice comes from `seed`. */
async function simulate(server: RunningServer, ids: DemoIds, seconds: number, seed: number) {
	const idleSeconds = 10;
	const people = await cast(server.origin, ids);
	const random = prng(seed);
	// The whole script first, so both runs make exactly the same requests at the same moments.
	type Step = { at: number; person: number; path?: string; comment?: boolean };
	const steps: Step[] = [];
	for (const [k, person] of people.entries())
		for (let at = random() * 2000; at < seconds * 1000; at += 2000 + random() * 6000)
			steps.push({ at, person: k, path: person.pages[Math.floor(random() * person.pages.length)] });
	for (let at = 10_000; at < seconds * 1000; at += 10_000)
		steps.push({ at, person: Math.floor(random() * 4), comment: true });
	steps.sort((a, b) => a.at - b.at);
	const times: number[] = [];
	const failed: string[] = [];
	let comments = 0;
	// Past the start-up work (the clock's first run comes 5 s after the start).
	await sleep(6000);
	const before = cpuTimeMs(server.pid);
	const start = performance.now();
	await Promise.all(
		steps.map(async (step) => {
			await sleep(step.at);
			const person = people[step.person]!;
			if (step.comment) {
				const status = await postComment(
					server.origin,
					person.cookie,
					person.entryId!,
					`Note at ${Math.round(step.at / 1000)} s`,
				);
				if (status === 303) comments++;
				else failed.push(`comment ${status}`);
				return;
			}
			const t0 = performance.now();
			const res = await fetchRaw(server.origin + step.path!, { cookie: person.cookie });
			times.push(performance.now() - t0);
			if (res.status !== 200) failed.push(`${step.path} ${res.status}`);
		}),
	);
	// Let the last writes' after-work finish inside the window.
	await sleep(Math.max(0, seconds * 1000 - (performance.now() - start)) + 500);
	const cpuMs = cpuTimeMs(server.pid) - before;
	// What the server spends doing nothing (its clock, collections) over as long.
	const idleFrom = cpuTimeMs(server.pid);
	await sleep(idleSeconds * 1000);
	const idleMs = ((cpuTimeMs(server.pid) - idleFrom) * seconds) / idleSeconds;
	times.sort((a, b) => a - b);
	return {
		requests: times.length,
		comments,
		failures: failed.length,
		failureKinds: failed.join(', '),
		cpuMs,
		idleMs,
		p50: median(times),
		p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? NaN,
	};
}

export type SimResult = {
	seconds: number;
	seed: number;
	people: number;
	run: SimRun;
};

/** The simulation on a copy of `url`, pages made from scratch. */
export async function measureSimulation(
	url: string,
	dir: string,
	ids: DemoIds,
	seconds: number,
	seed: number,
	log: Log,
): Promise<SimResult> {
	const source = await createDb(url);
	const copy = `${dir}/sim.db`;
	await copyDatabase(source, copy, '');
	source.$client.close();
	const server = await startServer(`file:${copy}`, await freePort(6), undefined, noClock);
	try {
		log(`simulation: ${seconds} s…`);
		const run = await simulate(server, ids, seconds, seed);
		return { seconds, seed, people: 6, run };
	} finally {
		await server.stop();
	}
}
