/** The server's one database handle, opened lazily from astro:env on first use. */
import { DATABASE_AUTH_TOKEN, DATABASE_URL } from 'astro:env/server';
import { createDb, type Db } from '~db/client';

let opening: Promise<Db> | null = null;

/** Returns the shared handle (migrations are applied by the start script, not here). */
export function getDb(): Promise<Db> {
	opening ??= createDb(DATABASE_URL, DATABASE_AUTH_TOKEN);
	return opening;
}
