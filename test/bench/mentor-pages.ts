/**
 * `npx tsx test/bench/mentor-pages.ts`: the mentor's and admin's list pages on a database with
 * 5,000 log entries (test/bench/seed-bulk.ts: 4,000 in one participant's logbook, 1,500 waiting
 * for review), against /dashboard. Reports the server's own CPU time per request (process CPU
 * from /proc, so a busy shared machine inflates it less than wall time) and the HTML size.
 * Needs a build; never part of `npm test`. BENCH_REQUESTS (default 40) per page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '~db/client';
import { migrateDb } from '~db/migrate';
import { demoAccounts, seedDemo } from '~db/seed-demo';
import { seedBulk } from './seed-bulk';
import { assertBuilt, freePort, signIn, startServer } from './server';

const requests = Number(process.env.BENCH_REQUESTS ?? 40);
const password = 'demo-password';

/** utime + stime of a process, in milliseconds (clock ticks of 10 ms on Linux). */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(origin: string, pid: number, path: string, cookie: string) {
	const get = () => fetch(origin + path, { headers: { cookie }, redirect: 'manual' });
	const first = await get();
	const html = await first.text();
	for (let i = 0; i < 5; i++) await (await get()).text(); // warm up
	const walls: number[] = [];
	const before = cpuMs(pid);
	for (let i = 0; i < requests; i++) {
		const t = performance.now();
		await (await get()).text();
		walls.push(performance.now() - t);
	}
	const cpu = (cpuMs(pid) - before) / requests;
	walls.sort((a, b) => a - b);
	return {
		path,
		status: first.status,
		kib: Buffer.byteLength(html) / 1024,
		cpuMs: cpu,
		wallMs: walls[Math.floor(walls.length / 2)]!,
	};
}

assertBuilt();
const dir = mkdtempSync(join(tmpdir(), 'portal-mentor-bench-'));
try {
	const url = `file:${join(dir, 'bench.db')}`;
	const db = await createDb(url);
	await migrateDb(db);
	const ids = await seedDemo(db, password);
	const seed = await seedBulk(db, ids, 5000);
	db.$client.close();
	const server = await startServer(url, await freePort(2));
	try {
		const participant = await signIn(server.origin, demoAccounts.participants[0].email, password);
		const mentor = await signIn(server.origin, demoAccounts.mentor.email, password);
		const admin = await signIn(server.origin, demoAccounts.admin.email, password);
		const rows = [
			await measure(server.origin, server.pid, '/dashboard', participant),
			await measure(server.origin, server.pid, '/review', mentor),
			await measure(server.origin, server.pid, `/review/${ids.participantIds[0]}`, mentor),
			await measure(server.origin, server.pid, '/cohort', mentor),
			await measure(server.origin, server.pid, '/admin/audit', admin),
		];
		const base = rows[0]!.cpuMs || 1;
		console.log(`seed: ${JSON.stringify(seed)}; ${requests} requests per page`);
		console.log(
			'| page | status | HTML KiB | server CPU ms/request | vs /dashboard | median wall ms |',
		);
		console.log('|---|---:|---:|---:|---:|---:|');
		for (const r of rows)
			console.log(
				`| ${r.path} | ${r.status} | ${r.kib.toFixed(1)} | ${r.cpuMs.toFixed(1)} | ${(r.cpuMs / base).toFixed(2)} | ${r.wallMs.toFixed(1)} |`,
			);
	} finally {
		await server.stop();
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
