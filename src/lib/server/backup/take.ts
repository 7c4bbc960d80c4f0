/**
 * One backup as `npm run backup` and the server's schedule take it: a snapshot into the backup
 * folder, verified (integrity check, and the rows of every table against what the snapshot
 * saw), copied to the second place if there is one, then the retention rule applied in both.
 */
import {
	closeSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDue, backupName, retention, type Keep } from '~/lib/backup/retention';
import { databaseFile, schedules, type BackupSettings } from '~/lib/backup/settings';
import { snapshotDatabase } from './snapshot';
import { checkDatabaseFile, countDifferences, describeCounts, type FileCheck } from './verify';

export type BackupOutcome = { ok: boolean; file: string | null; lines: string[] };

/** Writes a snapshot to `target` and checks it; `problems` is empty for a good copy. */
export async function backupTo(settings: BackupSettings, target: string) {
	const url = settings.databaseUrl;
	const access = { authToken: settings.authToken, encryptionKey: settings.encryptionKey };
	const expected = await snapshotDatabase(url, target, access);
	const check: FileCheck = await checkDatabaseFile(target, access);
	const problems = [
		...(check.integrity === 'ok' ? [] : [`integrity check: ${check.integrity}`]),
		...(expected ? countDifferences(expected, check.counts) : []),
	];
	return { check, problems };
}

/** Deletes the backups the retention rule lets go in `dir`; returns their names. */
export function pruneBackups(dir: string, keep: Keep): string[] {
	if (!existsSync(dir)) return [];
	const { remove } = retention(readdirSync(dir), keep);
	for (const name of remove) rmSync(join(dir, name), { force: true });
	return remove;
}

/** Copies a finished backup into `dir`, whole or not at all. */
function copyBackup(file: string, dir: string, name: string): string {
	mkdirSync(dir, { recursive: true });
	const target = join(dir, name);
	copyFileSync(file, `${target}.partial`);
	renameSync(`${target}.partial`, target);
	return target;
}

/** A backup older than this with its lock still there was interrupted; the lock is stale. */
const staleLockMs = 3_600_000;

/**
 * Runs `work` while holding the backup folder's lock file, so two instances of the server (or
 * the server and cron) never take the same backup twice; null when another holds it.
 */
export async function withBackupLock<T>(dir: string, work: () => Promise<T>): Promise<T | null> {
	mkdirSync(dir, { recursive: true });
	const lock = join(dir, '.backup.lock');
	if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > staleLockMs)
		rmSync(lock, { force: true });
	let fd: number;
	try {
		fd = openSync(lock, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
		throw error;
	}
	closeSync(fd);
	try {
		return await work();
	} finally {
		rmSync(lock, { force: true });
	}
}

/** True when the schedule in `settings` has a backup due now. */
export function scheduledBackupDue(settings: BackupSettings, now: Date): boolean {
	if (!settings.every) return false;
	const names = existsSync(settings.dir) ? readdirSync(settings.dir) : [];
	return backupDue(names, schedules[settings.every], now);
}

/**
 * Takes one backup into the backup folder with everything around it. `onlyIfDue`: do nothing
 * unless the schedule has one due (what the server's schedule asks for).
 */
export async function takeBackup(
	settings: BackupSettings,
	{ now = new Date(), onlyIfDue = false } = {},
): Promise<BackupOutcome> {
	if (!databaseFile(settings.databaseUrl))
		return {
			ok: false,
			file: null,
			lines: [
				'Backups here work on a local database file. For a libSQL server, use its own backup tooling (docs/operations.md).',
			],
		};
	const dir = resolve(settings.dir);
	const outcome = await withBackupLock(dir, async (): Promise<BackupOutcome> => {
		if (onlyIfDue && !scheduledBackupDue(settings, now)) return { ok: true, file: null, lines: [] };
		const name = backupName(now);
		const file = join(dir, name);
		const started = Date.now();
		const { check, problems } = await backupTo(settings, file);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		if (problems.length) {
			// Kept for a look, under a name retention never counts as a backup.
			renameSync(file, `${file}.failed`);
			return {
				ok: false,
				file: `${file}.failed`,
				lines: [`Backup FAILED verification (kept as ${file}.failed): ${problems.join('; ')}`],
			};
		}
		const lines = [
			`Backup written: ${file} (${statSync(file).size} bytes in ${seconds} s), integrity ok, ${describeCounts(check.counts)}`,
		];
		const removed = pruneBackups(dir, settings.keep);
		if (removed.length)
			lines.push(`Removed ${removed.length} older backup(s): ${removed.join(', ')}`);
		if (settings.copyTo) {
			try {
				const copy = copyBackup(file, resolve(settings.copyTo), name);
				const gone = pruneBackups(resolve(settings.copyTo), settings.keep);
				lines.push(
					`Copied to ${copy}${gone.length ? `; removed ${gone.length} older copy(ies) there` : ''}`,
				);
			} catch (error) {
				lines.push(`Copy to ${settings.copyTo} FAILED: ${(error as Error).message}`);
				return { ok: false, file, lines };
			}
		}
		return { ok: true, file, lines };
	});
	return outcome ?? { ok: true, file: null, lines: ['Another backup is running; nothing done.'] };
}
