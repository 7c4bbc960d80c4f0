/**
 * `npm run bench`: HTTP throughput and latency of the real server on a database with thousands
 * of log entries, server memory, and build time / page weight as the curriculum grows. Writes
 * test/bench/RESULTS.md and prints a summary. Needs a build (`npm run build`); never builds the
 * served copy itself.
 *
 * Options: --skip-build (HTTP only). Environment: BENCH_SECONDS (10), BENCH_IDLE_SECONDS (5),
 * BENCH_CONNECTIONS (10), BENCH_ENTRIES (5000), BENCH_MODULES ("15,150,1500"),
 * BENCH_BUILD_TIMEOUT_MIN (15).
 *
 * The data-lab browser benchmark is a separate script, test/bench/lab.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '~db/client';
import { migrateDb } from '~db/migrate';
import { demoAccounts, seedDemo } from '~db/seed-demo';
import { measureBuilds } from './build-size';
import { measurePage, type PageResult, type Target } from './http';
import { describeMachine } from './machine';
import { buildTable, pageTable, resultsMarkdown, type Results } from './report';
import { seedBulk } from './seed-bulk';
import { assertBuilt, freePort, memoryOf, signIn, startServer } from './server';

const password = 'demo-password';
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const load = {
	connections: num('BENCH_CONNECTIONS', 10),
	seconds: num('BENCH_SECONDS', 10),
	idleSeconds: num('BENCH_IDLE_SECONDS', 5),
};
const log = (line: string) => console.log(`[bench] ${line}`);

/** A temporary demo database with the bulk entries. */
async function seedDatabase(dir: string) {
	const url = `file:${join(dir, 'bench.db')}`;
	const db = await createDb(url);
	await migrateDb(db);
	const ids = await seedDemo(db, password);
	const seed = await seedBulk(db, ids, num('BENCH_ENTRIES', 5000));
	db.$client.close();
	return { url, seed };
}

/** Starts the server on the seeded database and measures every page. */
async function measureHttp(url: string) {
	const server = await startServer(url, await freePort());
	log(`server pid ${server.pid} on ${server.origin}`);
	try {
		const participant = await signIn(server.origin, demoAccounts.participants[0].email, password);
		const mentor = await signIn(server.origin, demoAccounts.mentor.email, password);
		const targets: Target[] = [
			{ name: 'Module page (prerendered)', path: '/curriculum/alert-intelligence' },
			{ name: 'Sign-in page', path: '/login' },
			{ name: 'Dashboard, signed in', path: '/dashboard', cookie: participant },
			{ name: 'Logbook, thousands of entries', path: '/logbook', cookie: participant },
			{ name: 'Review queue (mentor)', path: '/review', cookie: mentor },
			{ name: 'Static file (ceiling)', path: '/favicon.svg' },
		];
		await new Promise((r) => setTimeout(r, 1000));
		const rest = memoryOf(server.pid);
		const pages: PageResult[] = [];
		for (const target of targets) {
			log(`${target.path}…`);
			pages.push(await measurePage(server.origin, target, load));
		}
		const after = memoryOf(server.pid);
		return {
			pages,
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
const notes: string[] = [
	'test/bench/lab.ts (data lab in headless Chromium) is a separate script with no exported function; run it against a started server.',
];
const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
let http: Awaited<ReturnType<typeof measureHttp>>;
let seed: Results['seed'];
try {
	log('seeding a temporary database…');
	const seeded = await seedDatabase(dir);
	seed = seeded.seed;
	http = await measureHttp(seeded.url);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
const failed = http.pages.filter((p) => p.failures > 0);
if (failed.length)
	notes.push(
		`Failures under load: ${failed.map((p) => `${p.path} ${p.failures} (${p.failureKinds || 'autocannon gave no detail'})`).join('; ')}.`,
	);

let builds: Results['builds'] = null;
if (!process.argv.includes('--skip-build')) {
	const counts = (process.env.BENCH_MODULES ?? '15,150,1500').split(',').map(Number);
	builds = await measureBuilds(counts, num('BENCH_BUILD_TIMEOUT_MIN', 15) * 60_000, log);
	for (const b of builds.filter((b) => b.status !== 'ok'))
		notes.push(
			`Build with ${b.modules} modules: ${b.status} (${b.note?.split('\n').at(-1) ?? ''}).`,
		);
}

const results: Results = { machine, load, seed, ...http, builds, notes };
const file = new URL('./RESULTS.md', import.meta.url);
writeFileSync(file, resultsMarkdown(results));
console.log(`\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n`);
console.log(pageTable(http.pages));
console.log(
	`\nServer RSS: ${http.memory.restMiB.toFixed(1)} MiB at rest, ${http.memory.afterMiB.toFixed(1)} MiB after load`,
);
if (builds) console.log(`\n${buildTable(builds)}`);
console.log(`\nWritten to ${file.pathname}`);
