/**
 * `npm run restore -- <file>`: puts a backup in place of the database file.
 *
 * In use or not: every process that has the database open (the server, `npm run jobs`, a
 * backup) holds SQLite's shared lock on the file's WAL index for as long as it is open. Leaving
 * WAL mode needs the file to itself, so the restore asks for exactly that
 * (`PRAGMA journal_mode = DELETE`, which also folds the WAL into the file) and refuses when
 * SQLite says another connection has it. No pid file to go stale, and it sees processes of other
 * users too. It cannot see a process that opens the file after the check: stop the service first.
 *
 * Then: the backup is copied next to the database and checked there (integrity, tables, which
 * migrations it has: one newer than this version knows is refused), the current database is
 * renamed aside with the time in its name, and the checked copy is renamed into place.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openDatabase, type DatabaseAccess } from './open';
import { checkDatabaseFile, describeCounts } from './verify';

export type RestoreOutcome = { ok: boolean; lines: string[] };

/** Why a database file cannot be replaced now, or null when nothing else has it open. */
export async function databaseInUse(
	path: string,
	access: DatabaseAccess = {},
): Promise<string | null> {
	if (!existsSync(path)) return null;
	const db = await openDatabase(`file:${path}`, access);
	try {
		await db.$client.execute('PRAGMA journal_mode = DELETE');
		return null;
	} catch (error) {
		if ((error as { code?: string }).code === 'SQLITE_BUSY')
			return `${path} is open in another process (the portal's server, \`npm run jobs\` or a backup). Stop the portal first (e.g. \`systemctl stop portal\`), then run the restore again.`;
		throw error;
	} finally {
		db.$client.close();
	}
}

/** The extra files SQLite may keep beside a database. */
const companions = ['-wal', '-shm', '-journal'];

function moveWithCompanions(from: string, to: string): void {
	renameSync(from, to);
	for (const c of companions) if (existsSync(from + c)) renameSync(from + c, to + c);
}

export async function restoreDatabase(
	databasePath: string,
	backupFile: string,
	now = new Date(),
	access: DatabaseAccess = {},
): Promise<RestoreOutcome> {
	const target = resolve(databasePath);
	const source = resolve(backupFile);
	if (!existsSync(source))
		return { ok: false, lines: [`No such file: ${source}. Nothing changed.`] };
	const busy = await databaseInUse(target, access);
	if (busy) return { ok: false, lines: [`Refused: ${busy} Nothing changed.`] };

	// Checked as the copy that will be used, beside the target (so the final rename is atomic).
	const incoming = `${target}.restoring`;
	for (const c of ['', ...companions]) rmSync(incoming + c, { force: true });
	mkdirSync(dirname(target), { recursive: true });
	copyFileSync(source, incoming);
	const check = await checkDatabaseFile(incoming, access);
	const { migrations } = check;
	const problem =
		check.integrity !== 'ok'
			? `its integrity check says: ${check.integrity}`
			: !('__drizzle_migrations' in check.counts)
				? 'it is not a portal database (no migrations table)'
				: migrations.unknown > 0
					? `it has ${migrations.unknown} migration(s) this version of the portal does not know: it comes from a newer version. Install that version (or newer) first`
					: null;
	if (problem) {
		for (const c of ['', ...companions]) rmSync(incoming + c, { force: true });
		return {
			ok: false,
			lines: [`Refused: ${source} cannot be restored: ${problem}. Nothing changed.`],
		};
	}
	const lines = [
		`Checked ${source}: integrity ok, ${describeCounts(check.counts)}, ${migrations.applied} of ${migrations.known} migrations${migrations.missing ? ` (the ${migrations.missing} newer one(s) are applied when the server starts)` : ''}.`,
	];
	if (existsSync(target)) {
		const aside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
		moveWithCompanions(target, aside);
		lines.push(`Kept the database that was there as ${aside}.`);
	}
	moveWithCompanions(incoming, target);
	lines.push(
		`Restored ${source} to ${target}. Start the portal again (e.g. \`systemctl start portal\`); people signed in after the backup was taken sign in again.`,
	);
	return { ok: true, lines };
}
