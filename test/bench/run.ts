/**
 * `npm run bench`: every figure of issues 18 and 26 in one go, against the real production
 * server on a database with thousands of log entries. Issue 26 first (the headline): the portal
 * making /dashboard from scratch against the floor (test/bench/floor.ts) and a static file, the
 * list pages at 1k / 5k / 50k entries, p99 at 50 connections with writes, and a realistic
 * simulation. Then issue 18: HTTP throughput, latency and the
 * server's own CPU time per request (each as a ratio to a static file measured in the same
 * run), page weight as transferred, server memory, Lighthouse on a module page, the data lab in
 * headless Chromium, and build time as the curriculum grows. Writes test/bench/RESULTS.md (only
 * when every section ran). Needs a build (`npm run build`); never builds the served copy itself.
 *
 * Options: --only=<sections> (comma-separated: floor, growth, tail, sim, http, build; prints
 * the results instead of writing RESULTS.md), --skip-build (no curriculum-size builds),
 * --skip-browser (no Lighthouse, no lab).
 * Environment: BENCH_SECONDS (10), BENCH_IDLE_SECONDS (5), BENCH_CONNECTIONS (10),
 * BENCH_ENTRIES (6250: participant1 holds 80 % = 5,000), BENCH_MODULES ("15,150,1500"),
 * BENCH_BUILD_TIMEOUT_MIN (15), BENCH_GROWTH ("1000,5000,50000"), BENCH_FLOOR_ROUNDS (3),
 * BENCH_TAIL_SECONDS (15), BENCH_SIM_SECONDS (60), BENCH_SIM_SEED (26),
 * BENCH_PORT (unset: ports the system gives; set: BENCH_PORT to BENCH_PORT + 7).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoAccounts, type DemoIds } from '~db/seed-demo';
import { measureBuilds } from './build-size';
import { measurePage, type PageResult, type Target } from './http';
import { measureLab } from './lab';
import { runLighthouse } from './lighthouse';
import { describeMachine } from './machine';
import { weighPage } from './page-weight';
import { buildTable, pageTable, resultsMarkdown, type Results } from './report';
import { benchPassword as password, measureFloor, measureGrowth, seedDatabase } from './scratch';
import { scratchGoals, scratchMarkdown, type ScratchResults } from './scratch-report';
import { measureSimulation, measureTail } from './traffic';
import { assertBuilt, freePort, memoryOf, signIn, startServer } from './server';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const load = {
	connections: num('BENCH_CONNECTIONS', 10),
	seconds: num('BENCH_SECONDS', 10),
	idleSeconds: num('BENCH_IDLE_SECONDS', 5),
};
const browser = !process.argv.includes('--skip-browser');
const log = (line: string) => console.log(`[bench] ${line}`);
/** The module page every figure about course pages uses. */
const modulePath = '/curriculum/alert-intelligence';
const sections = ['floor', 'growth', 'tail', 'sim', 'http', 'build'];
const only = process.argv
	.find((a) => a.startsWith('--only='))
	?.slice('--only='.length)
	.split(',');
const unknown = only?.filter((s) => !sections.includes(s));
if (unknown?.length) {
	console.error(`Unknown section(s) ${unknown.join(', ')}: choose from ${sections.join(', ')}.`);
	process.exit(2);
}
const runs = (section: string) => !only || only.includes(section);

function targetsFor(participant: string, mentor: string, ids: DemoIds): Target[] {
	const both = [load.connections, 50];
	return [
		{ name: 'Static file (ceiling)', path: '/favicon.svg', connections: both },
		{ name: 'Module page, signed out', path: modulePath },
		{ name: 'Module page, signed in', path: modulePath, cookie: participant },
		{ name: 'Sign-in page', path: '/login' },
		{ name: 'Dashboard, signed in', path: '/dashboard', cookie: participant, connections: both },
		{ name: 'Logbook, 5,000 entries', path: '/logbook', cookie: participant },
		{ name: 'Logbook, all entries', path: '/logbook?week=all', cookie: participant },
		{ name: 'Notifications', path: '/notifications', cookie: participant },
		{ name: 'Review queue (mentor)', path: '/review', cookie: mentor },
		{
			name: 'A participant, for a mentor',
			path: `/review/${ids.participantIds[0]}`,
			cookie: mentor,
		},
	];
}

/** Starts the server on the seeded database and measures every page, then the browser figures. */
async function measureServer(url: string, ids: DemoIds) {
	const server = await startServer(url, await freePort(0));
	log(`server pid ${server.pid} on ${server.origin}`);
	try {
		const participant = await signIn(server.origin, demoAccounts.participants[0].email, password);
		const mentor = await signIn(server.origin, demoAccounts.mentor.email, password);
		await new Promise((r) => setTimeout(r, 1000));
		const rest = memoryOf(server.pid);
		const weights = [
			await weighPage(server.origin, modulePath),
			await weighPage(server.origin, modulePath, participant),
		];
		const pages: PageResult[] = [];
		for (const target of targetsFor(participant, mentor, ids)) {
			log(`${target.path}${target.cookie ? ' (signed in)' : ''}…`);
			pages.push(await measurePage(server.origin, server.pid, target, load));
		}
		const after = memoryOf(server.pid);
		log('lighthouse…');
		const lighthouse = browser ? await runLighthouse(server.origin + modulePath, log) : null;
		log('data lab…');
		const lab = browser
			? await measureLab(server.origin).catch((e: Error) => (log(e.message), null))
			: null;
		return {
			pages,
			weights,
			lighthouse,
			lab,
			memory: { restMiB: rest.rssMiB, afterMiB: after.rssMiB, peakMiB: after.peakMiB },
		};
	} finally {
		await server.stop();
	}
}

try {
	assertBuilt();
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
const machine = describeMachine();
const notes: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
let http: Awaited<ReturnType<typeof measureServer>> | null = null;
let seed: Results['seed'] | undefined;
const scratch: ScratchResults = { floor: null, growth: null, tail: null, sim: null };
try {
	log('seeding a temporary database…');
	const seeded = await seedDatabase(dir, num('BENCH_ENTRIES', 6250));
	seed = seeded.seed;
	if (runs('floor'))
		scratch.floor = await measureFloor(seeded.url, load, num('BENCH_FLOOR_ROUNDS', 3), log);
	if (runs('growth')) {
		const sizes = (process.env.BENCH_GROWTH ?? '1000,5000,50000').split(',').map(Number);
		scratch.growth = await measureGrowth(sizes, load, log);
	}
	if (runs('tail'))
		scratch.tail = await measureTail(seeded.url, seeded.ids, num('BENCH_TAIL_SECONDS', 15), log);
	if (runs('sim'))
		scratch.sim = await measureSimulation(
			seeded.url,
			dir,
			seeded.ids,
			num('BENCH_SIM_SECONDS', 60),
			num('BENCH_SIM_SEED', 26),
			log,
		);
	if (runs('http')) http = await measureServer(seeded.url, seeded.ids);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
for (const page of http?.pages ?? [])
	for (const r of page.runs.filter((r) => r.failures > 0))
		notes.push(
			`Failures under load: ${page.path} at ${r.connections} connections: ${r.failures} (${r.failureKinds || 'autocannon gave no detail'}).`,
		);

let builds: Results['builds'] = null;
if (runs('build') && !process.argv.includes('--skip-build')) {
	const counts = (process.env.BENCH_MODULES ?? '15,150,1500').split(',').map(Number);
	builds = await measureBuilds(counts, num('BENCH_BUILD_TIMEOUT_MIN', 15) * 60_000, log);
	for (const b of builds.filter((b) => b.status !== 'ok'))
		notes.push(
			`Build with ${b.modules} modules: ${b.status} (${b.note?.split('\n').at(-1) ?? ''}).`,
		);
}

console.log(
	`\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.load}\n`,
);
if (only) console.log(scratchMarkdown(scratch));
else console.log(scratchGoals(scratch));
if (http) {
	console.log(`\n${pageTable(http.pages)}`);
	console.log(
		`\nServer RSS: ${http.memory.restMiB.toFixed(1)} MiB at rest, ${http.memory.afterMiB.toFixed(1)} MiB after load`,
	);
}
if (builds) console.log(`\n${buildTable(builds)}`);
if (http && seed && !only) {
	const results: Results = { machine, load, seed, ...http, builds, notes, scratch };
	const file = new URL('./RESULTS.md', import.meta.url);
	writeFileSync(file, resultsMarkdown(results));
	console.log(`\nWritten to ${file.pathname}`);
} else console.log('\nSome sections only: RESULTS.md left as it was.');
