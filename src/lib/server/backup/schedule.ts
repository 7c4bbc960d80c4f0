/**
 * The server's scheduled backups (`BACKUP_EVERY`). On the clock's tick the server only looks
 * at the backup folder's newest file name; when one is due it runs `npm run backup`'s own code
 * in a child process (`src/cli/backup.ts --if-due`), because a snapshot is a long read
 * transaction and in the server's process it would queue the server's own saves behind it
 * (db/write-queue.ts). The child takes the folder's lock, so several instances take one backup.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { databaseFile, type BackupSettings } from '~/lib/backup/settings';
import { scheduledBackupDue } from './take';

/** Runs `src/cli/backup.ts --if-due` under `root` with tsx; resolves with its exit code and output. */
export function runBackupChild(root: string, env: NodeJS.ProcessEnv = process.env) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', join(root, 'src', 'cli', 'backup.ts'), '--if-due'],
			{ cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.once('error', (error) => resolve({ code: null, output: error.message }));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

type Runner = () => Promise<{ code: number | null; output: string }>;

/**
 * The clock's backup work, or null when `BACKUP_EVERY` is off. Each call returns the lines to
 * log: nothing when no backup is due, else what the backup said.
 */
export function scheduledBackup(
	settings: BackupSettings,
	run: Runner,
	now = () => new Date(),
): (() => Promise<string[]>) | null {
	if (!settings.every) return null;
	let warned = false;
	return async () => {
		if (!databaseFile(settings.databaseUrl)) {
			if (warned) return [];
			warned = true;
			return [
				'backup: BACKUP_EVERY is set, but the database is a libSQL server: use its own backups.',
			];
		}
		if (!scheduledBackupDue(settings, now())) return [];
		const { code, output } = await run();
		const lines = output.trim().split('\n').filter(Boolean);
		return [
			...lines.map((line) => `backup: ${line}`),
			...(code === 0 ? [] : [`backup: failed (exit ${code}); the next tick tries again`]),
		];
	};
}
