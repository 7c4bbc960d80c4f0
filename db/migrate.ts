/** Applies the committed drizzle-kit migrations. Importable, and runnable as a script. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { linkLegacyAdministrations, seedAdministrations } from './administrations';
import { createDb, type Db } from './client';

/** Folder of the committed SQL migrations, resolved from this file so any cwd works. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * A lock held by the one process migrating, in the database itself, so it works for a file and
 * for a libSQL server alike. Without it, two instances starting together both read "no migration
 * yet" and both create the tables; the second fails ("table already exists"). The lock is a row:
 * whoever inserts it migrates, the others wait for it to go and then find nothing left to do.
 * A lock older than `staleMs` belonged to a process that died mid-migration and is taken over.
 */
const lockTable = '__migration_lock';
const staleMs = 10 * 60_000;
const waitMs = 250;

async function withMigrationLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
	const client = db.$client;
	await client.execute(
		`CREATE TABLE IF NOT EXISTS ${lockTable} (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, since INTEGER NOT NULL)`,
	);
	const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
	const giveUp = Date.now() + staleMs + 60_000;
	for (;;) {
		await client.execute({
			sql: `DELETE FROM ${lockTable} WHERE since < ?`,
			args: [Date.now() - staleMs],
		});
		const taken = await client.execute({
			sql: `INSERT INTO ${lockTable} (id, holder, since) VALUES (1, ?, ?) ON CONFLICT DO NOTHING`,
			args: [holder, Date.now()],
		});
		if (taken.rowsAffected === 1) break;
		if (Date.now() > giveUp)
			throw new Error(
				`Another instance has held the migration lock for over ${staleMs / 60_000} minutes.`,
			);
		await sleep(waitMs);
	}
	try {
		return await work();
	} finally {
		await client.execute({ sql: `DELETE FROM ${lockTable} WHERE holder = ?`, args: [holder] });
	}
}

/**
 * Brings the database up to the latest schema (a no-op when it already is), then the reference
 * data every instance needs: the Member administrations (idempotent, never a migration). One
 * process at a time (withMigrationLock), so instances may start together.
 */
export async function migrateDb(db: Db): Promise<void> {
	await withMigrationLock(db, async () => {
		await migrate(db, { migrationsFolder });
		await seedAdministrations(db);
		await linkLegacyAdministrations(db);
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const db = await createDb(
		process.env.DATABASE_URL ?? 'file:data/portal.db',
		process.env.DATABASE_AUTH_TOKEN,
	);
	await migrateDb(db);
	console.log('migrations applied');
	db.$client.close();
}
