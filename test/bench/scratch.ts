/**
 * Issue 26, pages made from scratch (the portal has no page cache):
 * - the floor (test/bench/floor.ts) against the portal and a static file, side by side in one
 *   run: server CPU per /dashboard request on each, in interleaved rounds;
 * - growth: the list pages at several numbers of log entries (BENCH_GROWTH, default
 *   "1000,5000,50000"), each size on its own freshly seeded database and server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '~db/client';
import { migrateDb } from '~db/migrate';
import { userTable } from '~db/schema';
import { demoAccounts, seedDemo, type DemoIds } from '~db/seed-demo';
import { measurePage, type LoadSettings, type PageResult, type Target } from './http';
import { seedBulk } from './seed-bulk';
import { freePort, signIn, startServer } from './server';

export const benchPassword = 'demo-password';
/**
 * The portal as these sections start it: without its clock, whose first run (5 s after the start)
 * sends a reminder for every draft of the freshly seeded database, hundreds of writes inside the
 * measured window (cron runs `npm run jobs` instead in that set-up: SCHEDULER=off).
 */
export const noClock = { SCHEDULER: 'off' };
type Log = (line: string) => void;

/** A temporary demo database with `entries` bulk log entries; `url` and what went in. */
export async function seedDatabase(dir: string, entries: number, name = 'bench.db') {
	const url = `file:${join(dir, name)}`;
	const db = await createDb(url);
	await migrateDb(db);
	const ids = await seedDemo(db, benchPassword);
	// As `npm run demo` does: demo accounts sign in with a password alone (mentors and admins
	// would otherwise be sent to enrol a second factor first).
	await db.update(userTable).set({ secondFactorExempt: true });
	const started = performance.now();
	const seed = await seedBulk(db, ids, entries);
	const seedSeconds = (performance.now() - started) / 1000;
	db.$client.close();
	return { url, seed, ids, seedSeconds };
}

/** The median of some numbers. */
export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

export type FloorRow = {
	name: string;
	path: string;
	/** Median over the rounds of server CPU per request, sequential requests (ms). */
	idleCpuMs: number;
	/** Median over the rounds of server CPU per request at `connections` (ms). */
	loadCpuMs: number;
	rps: number;
	p99: number;
	bytes: number;
	rawBytes: number;
	failures: number;
	rounds: number[];
};

export type FloorResult = { connections: number; rounds: number; rows: FloorRow[] };

/**
 * The floor, the portal from scratch and a static file on the same database, in `rounds`
 * interleaved rounds (static, portal, floor, static, …), so the machine's load falls on all
 * three alike; each figure is the median of its rounds.
 */
export async function measureFloor(
	url: string,
	settings: LoadSettings,
	rounds: number,
	log: Log,
): Promise<FloorResult> {
	const portal = await startServer(url, await freePort(2), undefined, noClock);
	let floor: Awaited<ReturnType<typeof startServer>> | null = null;
	try {
		floor = await startServer(url, await freePort(3), undefined, {}, 'test/bench/floor.ts');
		const cookie = await signIn(portal.origin, demoAccounts.participants[0].email, benchPassword);
		const connections = settings.connections;
		const targets: [string, string, number, Target][] = [
			['Static file', portal.origin, portal.pid, { name: 'Static file', path: '/favicon.svg' }],
			[
				'Portal, /dashboard from scratch',
				portal.origin,
				portal.pid,
				{ name: 'Portal', path: '/dashboard', cookie },
			],
			['Floor, /dashboard', floor.origin, floor.pid, { name: 'Floor', path: '/dashboard', cookie }],
		];
		const results = new Map<string, PageResult[]>();
		for (let round = 1; round <= rounds; round++)
			for (const [name, origin, pid, target] of targets) {
				log(`floor round ${round}/${rounds}: ${name}…`);
				const r = await measurePage(
					origin,
					pid,
					{ ...target, connections: [connections] },
					settings,
				);
				results.set(name, [...(results.get(name) ?? []), r]);
			}
		const rows = targets.map(([name, , , target]): FloorRow => {
			const rs = results.get(name)!;
			return {
				name,
				path: target.path,
				idleCpuMs: median(rs.map((r) => r.idleCpuMs)),
				loadCpuMs: median(rs.map((r) => r.runs[0]!.cpuMs)),
				rps: median(rs.map((r) => r.runs[0]!.rps)),
				p99: median(rs.map((r) => r.runs[0]!.p99)),
				bytes: rs[0]!.bytes,
				rawBytes: rs[0]!.rawBytes,
				failures: rs.reduce((n, r) => n + r.runs[0]!.failures, 0),
				rounds: rs.map((r) => r.idleCpuMs),
			};
		});
		return { connections, rounds, rows };
	} finally {
		await floor?.stop();
		await portal.stop();
	}
}

export type GrowthPage = {
	name: string;
	path: string;
	cpuMs: number;
	bytes: number;
	rawBytes: number;
};
export type GrowthSize = {
	entries: number;
	logbookEntries: number;
	reviewQueue: number;
	seedSeconds: number;
	pages: GrowthPage[];
};

/** The pages of the growth table, by who asks. */
function growthTargets(participant: string, mentor: string, ids: DemoIds): Target[] {
	return [
		{ name: 'Dashboard', path: '/dashboard', cookie: participant },
		{ name: 'Logbook', path: '/logbook', cookie: participant },
		{ name: 'Review queue', path: '/review', cookie: mentor },
		{ name: 'A participant', path: `/review/${ids.participantIds[0]}`, cookie: mentor },
		{ name: 'Cohort', path: '/cohort', cookie: mentor },
	];
}

/** Each size on its own database and server, requests one after another. */
export async function measureGrowth(
	sizes: number[],
	settings: LoadSettings,
	log: Log,
): Promise<GrowthSize[]> {
	const out: GrowthSize[] = [];
	for (const entries of sizes) {
		const dir = mkdtempSync(join(tmpdir(), 'portal-growth-'));
		try {
			log(`growth: seeding ${entries.toLocaleString('en-US')} entries…`);
			const seeded = await seedDatabase(dir, entries);
			log(`growth: seeded in ${seeded.seedSeconds.toFixed(1)} s`);
			const server = await startServer(seeded.url, await freePort(4), undefined, noClock);
			try {
				const participant = await signIn(
					server.origin,
					demoAccounts.participants[0].email,
					benchPassword,
				);
				const mentor = await signIn(server.origin, demoAccounts.mentor.email, benchPassword);
				const pages: GrowthPage[] = [];
				for (const target of growthTargets(participant, mentor, seeded.ids)) {
					log(`growth ${entries}: ${target.path}…`);
					const r = await measurePage(
						server.origin,
						server.pid,
						{ ...target, connections: [] },
						settings,
					);
					pages.push({
						name: target.name,
						path: target.path,
						cpuMs: r.idleCpuMs,
						bytes: r.bytes,
						rawBytes: r.rawBytes,
					});
				}
				out.push({ entries, ...seeded.seed, seedSeconds: seeded.seedSeconds, pages });
			} finally {
				await server.stop();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
	return out;
}
