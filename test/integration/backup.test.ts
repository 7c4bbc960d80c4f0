/**
 * Backups and restores on real database files: a verified snapshot, retention in the backup
 * folder and in the second place, the schedule's child process, a restore that refuses while
 * another process has the database open, refuses a damaged or too-new file, and keeps the
 * database it replaces.
 */
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	mkdtempSync,
	rmSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '~db/client';
import { migrateDb } from '~db/migrate';
import { backupName } from '~/lib/backup/retention';
import { backupSettingsFromEnv, type BackupSettings } from '~/lib/backup/settings';
import { restoreDatabase } from '~/lib/server/backup/restore';
import { runBackupChild, scheduledBackup } from '~/lib/server/backup/schedule';
import { takeBackup } from '~/lib/server/backup/take';
import { checkDatabaseFile } from '~/lib/server/backup/verify';
import { useTestDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const root = fileURLToPath(new URL('../../', import.meta.url));
const t = useTestDb();

function settings(extra: Record<string, string> = {}): BackupSettings {
	return backupSettingsFromEnv({
		DATABASE_URL: t.url,
		BACKUP_DIR: join(t.dir, 'backups'),
		...extra,
	});
}

const userCount = async (url: string) => {
	const c = createClient({ url });
	try {
		return Number((await c.execute('SELECT count(*) FROM user')).rows[0]![0]);
	} finally {
		c.close();
	}
};

/**
 * `npm run restore -- <file>` as its own process, as an operator runs it (in this process, a
 * database the test closed may stay open until its statements are collected).
 */
function restoreCommand(databaseUrl: string, file: string) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', file], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: databaseUrl },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

/**
 * A live database of two users and a backup of it when it had one. The live one is a fresh copy
 * no connection of this process has touched (see restoreCommand).
 */
async function liveAndBackup() {
	await makeUser(t.db, 'admin');
	const older = await takeBackup(settings({ BACKUP_KEEP: 'hourly=5' }), {
		now: new Date('2026-12-07T01:00:00Z'),
	});
	await makeUser(t.db, 'mentor');
	const newer = await takeBackup(settings({ BACKUP_KEEP: 'hourly=5' }), {
		now: new Date('2026-12-07T02:00:00Z'),
	});
	const live = join(t.dir, 'live', 'portal.db');
	mkdirSync(dirname(live));
	copyFileSync(newer.file!, live);
	return { live, url: `file:${live}`, backup: older.file! };
}

/** A process that opens the database and keeps it open, as a running server does (WAL on, as createDb sets it). */
const holders: ReturnType<typeof spawn>[] = [];
afterEach(() => {
	for (const h of holders.splice(0)) h.kill('SIGKILL');
});
async function holdOpen(url: string) {
	const child = spawn(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`import { createClient } from '@libsql/client';
			 const c = createClient({ url: ${JSON.stringify(url)} });
			 await c.execute('PRAGMA journal_mode = WAL');
			 await c.execute('SELECT count(*) FROM user');
			 console.log('open');
			 setInterval(() => {}, 1000);`,
		],
		{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	holders.push(child);
	await new Promise((resolve) => child.stdout!.once('data', resolve));
	return child;
}

describe('backup', () => {
	it('writes a verified snapshot and says what is in it', async () => {
		await makeUser(t.db, 'admin');
		const outcome = await takeBackup(settings(), { now: new Date('2026-12-07T02:00:00Z') });
		expect(outcome.ok).toBe(true);
		expect(outcome.file).toBe(join(t.dir, 'backups', 'portal-2026-12-07T02-00-00-000Z.db'));
		expect(outcome.lines[0]).toMatch(/integrity ok, \d+ tables, \d+ rows \(user 1, cohort 0/);
		const check = await checkDatabaseFile(outcome.file!);
		expect(check.integrity).toBe('ok');
		expect(check.counts.user).toBe(1);
		expect(check.migrations.missing).toBe(0);
	});

	it('keeps what the retention rule says, in the backup folder and in the second place', async () => {
		const dir = join(t.dir, 'backups');
		const copyTo = join(t.dir, 'mounted');
		mkdirSync(dir);
		mkdirSync(copyTo);
		// Twenty old daily backups (contents do not matter to retention) and a file of the operator's.
		const old = Array.from({ length: 20 }, (_, i) =>
			backupName(new Date(Date.UTC(2026, 10, 10 + i, 2))),
		);
		for (const name of old) {
			writeFileSync(join(dir, name), 'old');
			writeFileSync(join(copyTo, name), 'old');
		}
		writeFileSync(join(dir, 'keep-me.txt'), 'mine');
		const outcome = await takeBackup(settings({ BACKUP_KEEP: 'daily=3', BACKUP_COPY_TO: copyTo }), {
			now: new Date('2026-12-01T02:00:00Z'),
		});
		expect(outcome.ok).toBe(true);
		const newest = backupName(new Date('2026-12-01T02:00:00Z'));
		const kept = [newest, old[19]!, old[18]!].sort();
		expect(readdirSync(dir).sort()).toEqual([...kept, 'keep-me.txt'].sort());
		expect(readdirSync(copyTo).sort()).toEqual(kept);
		expect(readFileSync(join(copyTo, newest))).toEqual(readFileSync(join(dir, newest)));
		expect(outcome.lines.join('\n')).toMatch(/Removed 18 older backup\(s\)/);
		expect(outcome.lines.join('\n')).toMatch(/Copied to .*mounted/);
	});

	it('runs from the schedule only when one is due, in a child process, once', async () => {
		const s = settings({ BACKUP_EVERY: 'daily' });
		let runs = 0;
		const job = scheduledBackup(s, () =>
			runBackupChild(root, {
				...process.env,
				DATABASE_URL: t.url,
				BACKUP_DIR: s.dir,
				BACKUP_EVERY: 'daily',
			}).then((r) => ((runs += 1), r)),
		)!;
		const first = await job();
		expect(first.join('\n')).toMatch(/^backup: Backup written: .*integrity ok/);
		expect(await job()).toEqual([]);
		expect(runs).toBe(1);
		expect(readdirSync(s.dir).filter((n) => n.endsWith('.db'))).toHaveLength(1);
		expect(scheduledBackup(settings(), async () => ({ code: 0, output: '' }))).toBeNull();
	}, 180_000);

	it('backs up an encrypted database into an encrypted copy, verified with the key', async () => {
		const key = 'backup test key';
		const dir = mkdtempSync(join(tmpdir(), 'portal-encrypted-'));
		const url = `file:${join(dir, 'portal.db')}`;
		const db = await createDb(url, undefined, key);
		await migrateDb(db);
		await makeUser(db, 'admin', 'Plaintext Marker Person');
		db.$client.close();

		const outcome = await takeBackup(
			backupSettingsFromEnv({
				DATABASE_URL: url,
				BACKUP_DIR: join(dir, 'backups'),
				DATABASE_ENCRYPTION_KEY: key,
			}),
		);
		expect(outcome.ok).toBe(true);
		expect(outcome.lines[0]).toMatch(/integrity ok, \d+ tables, \d+ rows \(user 1,/);
		// The copy keeps the key: nothing of the data in plain text, unreadable without the key.
		expect(readFileSync(outcome.file!).includes('Plaintext Marker Person')).toBe(false);
		expect((await checkDatabaseFile(outcome.file!, { encryptionKey: key })).counts.user).toBe(1);
		const wrong = await checkDatabaseFile(outcome.file!, { encryptionKey: 'another key' });
		expect(wrong.integrity).toMatch(/wrong or missing DATABASE_ENCRYPTION_KEY/);
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a libSQL server URL with a sentence', async () => {
		const outcome = await takeBackup(
			backupSettingsFromEnv({ DATABASE_URL: 'libsql://db.example', BACKUP_DIR: t.dir }),
		);
		expect(outcome).toMatchObject({ ok: false, file: null });
		expect(outcome.lines[0]).toMatch(/use its own backup tooling/);
	});
});

describe('restore', () => {
	it('puts a backup in place and keeps the database it replaces (npm run restore)', async () => {
		const { url, backup } = await liveAndBackup();
		const { code, output } = await restoreCommand(url, backup);
		expect(output).toMatch(/^Checked .*: integrity ok, \d+ tables/m);
		expect(code).toBe(0);
		const aside = /Kept the database that was there as (\S+)\.$/m.exec(output)?.[1];
		expect(aside).toMatch(/portal\.db\.before-restore-\d{4}-\d\d-\d\dT[\d-]+Z$/);
		expect(output).toMatch(/^Restored .* to .*portal\.db\. Start the portal again/m);
		expect(await userCount(url)).toBe(1);
		expect(await userCount(`file:${aside}`)).toBe(2);
	}, 180_000);

	it('restores into a folder with no database yet', async () => {
		await makeUser(t.db, 'admin');
		const { file } = await takeBackup(settings());
		const target = join(t.dir, 'fresh', 'portal.db');
		const outcome = await restoreDatabase(target, file!);
		expect(outcome.ok).toBe(true);
		expect(outcome.lines.join('\n')).not.toContain('Kept the database');
		expect(await userCount(`file:${target}`)).toBe(1);
	});

	it('refuses while another process has the database open, and changes nothing', async () => {
		const { live, url, backup } = await liveAndBackup();
		const holder = await holdOpen(url);
		const before = readFileSync(live);
		const refused = await restoreCommand(url, backup);
		expect(refused.code).toBe(1);
		expect(refused.output).toMatch(/^Refused: .* is open in another process .*Nothing changed\.$/m);
		expect(readdirSync(dirname(live)).filter((n) => n.includes('before-restore'))).toEqual([]);
		expect(readFileSync(live)).toEqual(before);
		// Once the other process is gone, the same command goes through.
		holder.kill('SIGKILL');
		await new Promise((resolve) => holder.once('exit', resolve));
		expect((await restoreCommand(url, backup)).code).toBe(0);
		expect(await userCount(url)).toBe(1);
	}, 180_000);

	it('refuses a damaged file and a file from a newer version', async () => {
		const { file } = await takeBackup(settings());
		const target = join(t.dir, 'other', 'portal.db');
		// Damaged: the middle of the file overwritten.
		const damaged = join(t.dir, 'damaged.db');
		const bytes = readFileSync(file!);
		bytes.fill(0x41, 4096 * 3, 4096 * 6);
		writeFileSync(damaged, bytes);
		const bad = await restoreDatabase(target, damaged);
		expect(bad.ok).toBe(false);
		expect(bad.lines[0]).toMatch(/cannot be restored: .*Nothing changed\./);
		expect(existsSync(target)).toBe(false);
		// Newer: a migration this version does not know.
		const c = createClient({ url: `file:${file}` });
		await c.execute(
			"INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)",
		);
		c.close();
		const newer = await restoreDatabase(target, file!);
		expect(newer.ok).toBe(false);
		expect(newer.lines[0]).toMatch(/1 migration\(s\) this version of the portal does not know/);
		expect(existsSync(target)).toBe(false);
		expect((await restoreDatabase(target, join(t.dir, 'nope.db'))).lines[0]).toMatch(
			/No such file/,
		);
	});
});
