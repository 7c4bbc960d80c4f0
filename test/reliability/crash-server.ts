/**
 * kill -9 of the real server while clients stream new log entries through the real form.
 * Every entry the server acknowledged (a 303 to /logbook/<id>) must be in the database after
 * the crash, the file must pass PRAGMA integrity_check, and the server must start again on it.
 * Needs a build (`npm run build`); run with `npx tsx test/reliability/crash-server.ts`.
 * Settings: CRASH_ROUNDS (3), CRASH_AFTER (acknowledged saves per round, 150), CRASH_CLIENTS (4).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '~db/client';
import { migrateDb } from '~db/migrate';
import { demoAccounts, seedDemo } from '~db/seed-demo';
import { assertBuilt, freePort, signIn, startServer } from '../bench/server';
import { entryForm, entryInput } from '../helpers/entries';
import { survey } from './verify';

const rounds = Number(process.env.CRASH_ROUNDS ?? 3);
const crashAfter = Number(process.env.CRASH_AFTER ?? 150);
const clients = Number(process.env.CRASH_CLIENTS ?? 4);
const password = 'demo-password';

/** Posts entries until the server stops answering; pushes the id of every acknowledged save. */
async function stream(origin: string, cookie: string, date: string, acked: string[]) {
	for (let n = 0; ; n++) {
		let res: Response;
		try {
			res = await fetch(`${origin}/logbook/new?_action=logbook.create`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
				body: entryForm(entryInput({ date, title: `Crash test entry ${n}` })),
			});
		} catch {
			return; // the server is gone
		}
		const id = /^\/logbook\/([^/?]+)\?done=(draft-)?saved/.exec(
			res.headers.get('location') ?? '',
		)?.[1];
		if (res.status !== 303 || !id) throw new Error(`save answered ${res.status}`);
		acked.push(id);
	}
}

/** One round: start, stream, kill -9 once `crashAfter` more saves are acknowledged. */
async function crashRound(url: string, date: string, acked: string[]) {
	const server = await startServer(url, await freePort());
	try {
		const cookie = await signIn(server.origin, demoAccounts.participants[0].email, password);
		const start = acked.length;
		const streams = Array.from({ length: clients }, () =>
			stream(server.origin, cookie, date, acked),
		);
		while (acked.length - start < crashAfter) await new Promise((r) => setTimeout(r, 5));
		await server.crash();
		await Promise.all(streams);
		return acked.length - start;
	} finally {
		await server.crash();
	}
}

assertBuilt();
const dir = mkdtempSync(join(tmpdir(), 'portal-crash-'));
const url = `file:${join(dir, 'crash.db')}`;
let failed = false;
try {
	const db = await createDb(url);
	await migrateDb(db);
	const { ojtStart } = await seedDemo(db, password);
	db.$client.close();
	const date = new Date(Date.parse(`${ojtStart}T00:00:00Z`) + 86_400_000)
		.toISOString()
		.slice(0, 10);
	const acked: string[] = [];
	for (let round = 1; round <= rounds; round++) {
		const saved = await crashRound(url, date, acked);
		const s = await survey(url, acked);
		const ok = s.integrity === 'ok' && s.missingEntries.length === 0 && s.entriesWithoutAudit === 0;
		failed ||= !ok;
		console.log(
			`round ${round}: ${saved} saves acknowledged before kill -9; ${s.entryCount} entries in the file, ` +
				`${s.missingEntries.length} acknowledged missing, ${s.entriesWithoutAudit} without audit event, integrity ${s.integrity}`,
		);
	}
	// Restart once more on the crashed file and sign in: the portal comes back.
	const server = await startServer(url, await freePort(1));
	await signIn(server.origin, demoAccounts.participants[0].email, password);
	await server.stop();
	console.log(`server restarted on the file and accepted a sign-in; ${acked.length} saves checked`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? 'FAILED' : 'OK');
process.exitCode = failed ? 1 : 0;
