/**
 * `npm run backup`: a verified snapshot of the database into `BACKUP_DIR` (default
 * `data/backups`), copied to `BACKUP_COPY_TO` if set, then the retention rule (`BACKUP_KEEP`)
 * applied; the server's schedule (`BACKUP_EVERY`) runs this same file with `--if-due`.
 * `npm run backup -- <file>`: a verified snapshot into that file only (no retention, no copy).
 * How the snapshot stays consistent without holding writers up: src/lib/server/backup/snapshot.ts.
 */
import { resolve } from 'node:path';
import { backupSettingsFromEnv } from '../lib/backup/settings';
import { backupTo, takeBackup } from '../lib/server/backup/take';
import { describeCounts } from '../lib/server/backup/verify';

/** Writes a verified snapshot of the file at `url` to `target`; returns 'ok', or what is wrong. */
export async function backupDatabase(url: string, target: string): Promise<string> {
	const { check, problems } = await backupTo(backupSettingsFromEnv({ DATABASE_URL: url }), target);
	return problems.length ? problems.join('; ') : check.integrity;
}

async function main(args: string[]): Promise<number> {
	const settings = backupSettingsFromEnv(process.env);
	const file = args.find((a) => !a.startsWith('--'));
	if (!file) {
		const outcome = await takeBackup(settings, { onlyIfDue: args.includes('--if-due') });
		for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line);
		return outcome.ok ? 0 : 1;
	}
	if (!settings.databaseUrl.startsWith('file:')) {
		console.error(
			'Backups here work on a local database file. For a libSQL server, use its own backup tooling.',
		);
		return 1;
	}
	const target = resolve(file);
	const { check, problems } = await backupTo(settings, target);
	if (problems.length) {
		console.error(`Backup written to ${target} but FAILED verification: ${problems.join('; ')}`);
		return 1;
	}
	console.log(`Backup written: ${target}, integrity ok, ${describeCounts(check.counts)}`);
	return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
	process.exitCode = await main(process.argv.slice(2));
