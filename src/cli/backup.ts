/**
 * `npm run backup [-- <file>]`: a consistent snapshot of the database while the portal runs.
 * SQLite's VACUUM INTO copies a single transaction's view, so concurrent writes never tear it.
 * Restore: stop the portal, copy the snapshot over the database file (delete -wal/-shm), start.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createDb } from '../../db/client';

const url = process.env.DATABASE_URL ?? 'file:data/portal.db';
if (!url.startsWith('file:')) {
	console.error(
		'Backups here work on a local database file. For a libSQL server, use its own backup tooling.',
	);
	process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? `data/backups/portal-${stamp}.db`);
mkdirSync(dirname(target), { recursive: true });
const db = await createDb(url);
await db.$client.execute({ sql: 'VACUUM INTO ?', args: [target] });
const check = await createDb(`file:${target}`);
const result = await check.$client.execute('PRAGMA integrity_check');
check.$client.close();
db.$client.close();
console.log(
	`Backup written: ${target} (${statSync(target).size} bytes, integrity ${String(result.rows[0]?.[0])})`,
);
