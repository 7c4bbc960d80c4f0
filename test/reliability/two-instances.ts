/**
 * Two instances of the built server on one database file, started at the same moment on a file
 * that does not exist yet (both migrate: the lock must keep them apart). Then, as a load
 * balancer without sticky sessions would make people do: a session made on one instance works
 * on the other, and a page one instance has just answered shows a save made through the other at once.
 * Needs a build; run with `npx tsx test/reliability/two-instances.ts`
 * (test/e2e/two-instances.spec.ts runs it in `npm test`). Prints one line per check, then OK or FAILED.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, freePort, signIn, startServer, type RunningServer } from '../bench/server';
import { participant, prepareParticipant, saveEntry } from './participant-file';

function check(ok: boolean, line: string): boolean {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
	return ok;
}

async function page(server: RunningServer, path: string, cookie: string) {
	const res = await fetch(`${server.origin}${path}`, { headers: { cookie }, redirect: 'manual' });
	return { status: res.status, html: await res.text() };
}

assertBuilt();
const dir = mkdtempSync(join(tmpdir(), 'portal-two-'));
const url = `file:${join(dir, 'data', 'portal.db')}`;
const servers: RunningServer[] = [];
let passed = true;
try {
	const [portA, portB] = [await freePort(0), await freePort(1)];
	const [a, b] = await Promise.all(
		[portA, portB].map((port) => startServer(url, port, undefined, { SCHEDULER: 'off' })),
	);
	servers.push(a!, b!);
	passed &&= check(
		true,
		`two servers started together on one fresh file (ports ${portA}, ${portB})`,
	);
	const date = await prepareParticipant(url);

	const cookie = await signIn(a!.origin, participant.email, participant.password);
	const onB = await page(b!, '/logbook', cookie);
	passed &&= check(onB.status === 200, `a session made on A opens /logbook on B (${onB.status})`);

	const before = await page(a!, '/logbook', cookie);
	await page(a!, '/logbook', cookie);
	const title = `Saved through B ${Date.now()}`;
	await saveEntry(b!.origin, cookie, date, title);
	const after = await page(a!, '/logbook', cookie);
	passed &&= check(
		before.status === 200 && !before.html.includes(title) && after.html.includes(title),
		'A shows, at once, an entry saved through B after A answered the same page',
	);
	const health = await Promise.all(servers.map((s) => fetch(`${s.origin}/healthz`)));
	passed &&= check(
		health.every((r) => r.status === 200),
		`both answer /healthz: ${health.map((r) => r.status).join(', ')}`,
	);
} catch (error) {
	passed = check(false, (error as Error).stack ?? String(error));
} finally {
	for (const s of servers) await s.stop();
	rmSync(dir, { recursive: true, force: true });
}
console.log(passed ? 'OK' : 'FAILED');
process.exitCode = passed ? 0 : 1;
