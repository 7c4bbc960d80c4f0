/**
 * Nothing acknowledged is lost: a writer killed with SIGKILL mid-stream, two processes writing
 * one file at once, a backup taken while writes go on. Writers are separate processes
 * (test/reliability/writer.ts) calling the real logbook and session functions on a real file.
 * No timing assertions: on a loaded machine things are slower, never different.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { startWriter, type Writer } from '../reliability/child';
import { survey } from '../reliability/verify';
import type { WriterConfig } from '../reliability/writer';

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A migrated database file with one cohort; closed again so only the children hold it. */
async function setup(participants = 1) {
	const { db, url, dir } = await createTestDb();
	const admin = await makeUser(db, 'admin');
	const cohort = await makeCohort(db, admin, participants);
	db.$client.close();
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
	return { url, dir, participants: cohort.participants };
}

/** A writer that is killed when the test ends, whatever happens. */
function writer(config: WriterConfig): Writer {
	const w = startWriter(config);
	cleanups.unshift(() => w.child.kill('SIGKILL'));
	return w;
}

/** `npm run backup -- <file>` against `url`; resolves with its exit code and output. */
function backup(url: string, file: string) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn('npm', ['run', 'backup', '--', file], {
			env: { ...process.env, DATABASE_URL: url },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

describe('reliability of saves', () => {
	it('keeps every acknowledged save when the writing process is killed with SIGKILL', async () => {
		const { url, participants } = await setup();
		const acked = { entries: [] as string[], sessions: [] as string[] };
		// Two crashes on the same file: the restarted writer must find it intact and carry on.
		for (let round = 1; round <= 2; round++) {
			const w = writer({ url, participant: participants[0]!, count: 0, sessions: true });
			await w.until((x) => x.entries.length >= 25);
			w.child.kill('SIGKILL');
			expect(await w.exit).toBeNull();
			expect(w.problems).toEqual([]);
			acked.entries.push(...w.entries);
			acked.sessions.push(...w.sessions);
			const after = await survey(url, acked.entries, acked.sessions);
			expect(after.integrity).toBe('ok');
			expect(after.missingEntries).toEqual([]);
			expect(after.missingSessions).toEqual([]);
			expect(after.entriesWithoutAudit).toBe(0);
		}
	}, 180_000);

	it('lets two processes write one database file at once without an error', async () => {
		const { url, participants } = await setup(2);
		const [a, b] = participants.map((participant) =>
			writer({ url, participant, count: 200, sessions: true }),
		);
		expect(await Promise.all([a!.exit, b!.exit])).toEqual([0, 0]);
		expect([...a!.problems, ...b!.problems]).toEqual([]);
		const entries = [...a!.entries, ...b!.entries];
		const sessions = [...a!.sessions, ...b!.sessions];
		expect(entries).toHaveLength(400);
		const after = await survey(url, entries, sessions);
		expect(after).toMatchObject({
			integrity: 'ok',
			missingEntries: [],
			missingSessions: [],
			entriesWithoutAudit: 0,
			entryCount: 400,
			sessionCount: 400,
		});
	}, 180_000);

	it('takes a consistent backup while writes continue, and the restored copy has every earlier save', async () => {
		const { url, dir, participants } = await setup();
		const w = writer({ url, participant: participants[0]!, count: 0 });
		await w.until((x) => x.entries.length >= 20);
		const before = [...w.entries];
		const snapshot = join(dir, 'backups', 'snapshot.db');
		const result = await backup(url, snapshot);
		expect(result.code, result.output).toBe(0);
		expect(result.output).toContain('integrity ok');
		// Writes went on during the backup; stop them cleanly now.
		w.child.stdin!.end();
		expect(await w.exit).toBe(0);
		expect(w.problems).toEqual([]);

		const restored = join(dir, 'restored.db');
		copyFileSync(snapshot, restored);
		const copy = await survey(`file:${restored}`, before);
		expect(copy.integrity).toBe('ok');
		expect(copy.missingEntries).toEqual([]);
		expect(copy.entriesWithoutAudit).toBe(0);
		const live = await survey(url, w.entries);
		expect(live.integrity).toBe('ok');
		expect(live.missingEntries).toEqual([]);
	}, 180_000);
});
