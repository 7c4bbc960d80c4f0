/**
 * The backup settings, read from an environment object (the caller passes process.env):
 *
 * - `BACKUP_EVERY`: `hourly`, `daily` or `weekly` makes the server take backups on that
 *   schedule; unset or `off`, it takes none (cron may still run `npm run backup`).
 * - `BACKUP_DIR`: where backups go (default `data/backups`).
 * - `BACKUP_KEEP`: how many to keep, e.g. `daily=7,weekly=4,monthly=12` (the default).
 * - `BACKUP_COPY_TO`: a second folder (a mounted disk or share) each verified backup is copied to.
 */
import { parseKeep, type Keep } from './retention';

export const schedules = { hourly: 3_600_000, daily: 86_400_000, weekly: 7 * 86_400_000 } as const;
export type Schedule = keyof typeof schedules;

export type BackupSettings = {
	databaseUrl: string;
	authToken?: string;
	/** Set when the database is encrypted (docs/security.md): the backup then stays encrypted. */
	encryptionKey?: string;
	dir: string;
	every: Schedule | null;
	keep: Keep;
	copyTo: string | null;
};

export function backupSettingsFromEnv(env: Record<string, string | undefined>): BackupSettings {
	const every = env.BACKUP_EVERY?.trim().toLowerCase() || 'off';
	if (every !== 'off' && !(every in schedules))
		throw new Error(`BACKUP_EVERY must be hourly, daily, weekly or off, not "${every}".`);
	return {
		databaseUrl: env.DATABASE_URL ?? 'file:data/portal.db',
		authToken: env.DATABASE_AUTH_TOKEN || undefined,
		encryptionKey: env.DATABASE_ENCRYPTION_KEY || undefined,
		dir: env.BACKUP_DIR || 'data/backups',
		every: every === 'off' ? null : (every as Schedule),
		keep: parseKeep(env.BACKUP_KEEP),
		copyTo: env.BACKUP_COPY_TO || null,
	};
}

/** The path of a `file:` database URL, or null for a libSQL server. */
export function databaseFile(url: string): string | null {
	return url.startsWith('file:') ? url.slice('file:'.length).split('?')[0]! : null;
}
