/** Applies the committed drizzle-kit migrations. Importable, and runnable as a script. */
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { linkLegacyAdministrations, seedAdministrations } from './administrations';
import { createDb, type Db } from './client';

/** Folder of the committed SQL migrations, resolved from this file so any cwd works. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Brings the database up to the latest schema (a no-op when it already is), then the reference
 * data every instance needs: the Member administrations (idempotent, never a migration).
 */
export async function migrateDb(db: Db): Promise<void> {
	await migrate(db, { migrationsFolder });
	await seedAdministrations(db);
	await linkLegacyAdministrations(db);
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
