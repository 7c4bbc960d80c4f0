/**
 * The restore drill: back up a running portal while people keep saving, restore the backup into
 * a fresh folder, start a portal on it, and find every save acknowledged before the backup began.
 *
 * Everything is real: the built server (src/cli/serve.ts), saves through the logbook form,
 * `npm run backup -- <file>` and `npm run restore -- <file>` as separate processes (their files,
 * src/cli/backup.ts and src/cli/restore.ts, run with tsx as the npm scripts do). On the way it
 * also checks that the restore refuses while the first server has its database open.
 * Needs a build (`npm run build`); run with `npx tsx test/reliability/restore-drill.ts`
 * (test/e2e/restore-drill.spec.ts runs it in `npm test`). Prints one line per step, then OK or FAILED.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, freePort, projectRoot, signIn, startServer } from '../bench/server';
import { participant, prepareParticipant, saveEntry } from './participant-file';

/** Saves acknowledged before the backup starts (then saving goes on during it). */
const savesBefore = Number(process.env.DRILL_SAVES ?? 40);
const clients = 3;

/** A command of ours (`src/cli/<name>.ts`) as its own process; resolves with exit code and output. */
function command(file: string, args: string[], databaseUrl: string) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
			cwd: projectRoot,
			env: { ...process.env, DATABASE_URL: databaseUrl },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.once('exit', (code) => resolve({ code, output: output.trim() }));
	});
}

type Ack = { id: string; at: number };

/** Posts log entries until `stop()` says so; pushes every acknowledged save with its time. */
async function save(
	origin: string,
	cookie: string,
	date: string,
	acked: Ack[],
	stop: () => boolean,
) {
	for (let n = 0; !stop(); n++) {
		const id = await saveEntry(origin, cookie, date, `Drill entry ${acked.length}-${n}`);
		acked.push({ id, at: Date.now() });
	}
}

function check(ok: boolean, line: string): boolean {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
	return ok;
}

assertBuilt();
const dir = mkdtempSync(join(tmpdir(), 'portal-drill-'));
const first = `file:${join(dir, 'first', 'portal.db')}`;
const restored = `file:${join(dir, 'restored', 'portal.db')}`;
const backupFile = join(dir, 'backup', 'portal-drill.db');
const started = Date.now();
let passed = true;
const servers: { stop: () => Promise<void> }[] = [];
try {
	const date = await prepareParticipant(first);
	const a = await startServer(first, await freePort(), projectRoot, { SCHEDULER: 'off' });
	servers.push(a);
	const cookie = await signIn(a.origin, participant.email, participant.password);
	const acked: Ack[] = [];
	let stopping = false;
	const streams = Array.from({ length: clients }, () =>
		save(a.origin, cookie, date, acked, () => stopping),
	);
	const failed = Promise.race(streams).then(() => undefined);
	while (acked.length < savesBefore) {
		await Promise.race([failed, new Promise((r) => setTimeout(r, 20))]);
		if (stopping) break;
	}
	const backupStarted = Date.now();
	const before = acked.filter((x) => x.at < backupStarted);
	const backup = await command('src/cli/backup.ts', [backupFile], first);
	const backupEnded = Date.now();
	const during = acked.filter((x) => x.at >= backupStarted && x.at <= backupEnded).length;
	passed &&= check(backup.code === 0, `backup while saving: ${backup.output}`);
	// Saves went on while the backup ran (and a little after it).
	while (acked.length < before.length + during + 5) await new Promise((r) => setTimeout(r, 20));
	const refused = await command('src/cli/restore.ts', [backupFile], first);
	passed &&= check(
		refused.code === 1 && refused.output.startsWith('Refused:'),
		`restore over the running portal's database is refused: ${refused.output.split('\n')[0]}`,
	);
	stopping = true;
	await Promise.all(streams);
	await a.stop();
	passed &&= check(
		during > 0,
		`${before.length} saves acknowledged before the backup began, ${during} during its ${backupEnded - backupStarted} ms, ${acked.length} in all`,
	);

	const restore = await command('src/cli/restore.ts', [backupFile], restored);
	passed &&= check(
		restore.code === 0,
		`restore into a fresh folder: ${restore.output.replace(/\n/g, ' | ')}`,
	);
	const b = await startServer(restored, await freePort(1), projectRoot, { SCHEDULER: 'off' });
	servers.push(b);
	const cookieB = await signIn(b.origin, participant.email, participant.password);
	const missing: string[] = [];
	for (let i = 0; i < before.length; i += 4)
		await Promise.all(
			before.slice(i, i + 4).map(async ({ id }) => {
				const res = await fetch(`${b.origin}/logbook/${id}`, { headers: { cookie: cookieB } });
				if (res.status !== 200) missing.push(`${id} (${res.status})`);
			}),
		);
	passed &&= check(
		missing.length === 0,
		`the restored portal shows ${before.length - missing.length} of the ${before.length} saves acknowledged before the backup${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
	);
} catch (error) {
	passed = check(false, (error as Error).stack ?? String(error));
} finally {
	for (const s of servers) await s.stop();
	rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed ? 'OK' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = passed ? 0 : 1;
