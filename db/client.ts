/**
 * Opens the database. `file:` URLs are an embedded SQLite file; `libsql:`, `http(s):` and
 * `ws(s):` URLs reach a libSQL server (sqld, Turso). Never reads the environment itself.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';

/** The drizzle handle every server function takes as its first argument. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** Creates the client and, for a local file, the folder and the pragmas a busy web app needs. */
export async function createDb(url: string, authToken?: string): Promise<Db> {
	const isFile = url.startsWith('file:');
	if (isFile) mkdirSync(dirname(url.slice('file:'.length)) || '.', { recursive: true });
	const client = createClient({ url, authToken });
	if (isFile) {
		// WAL lets readers run beside a writer; busy_timeout makes a second instance wait
		// for the write lock instead of failing; foreign keys are off by default in SQLite.
		await client.execute('PRAGMA journal_mode = WAL');
		await client.execute('PRAGMA busy_timeout = 5000');
		await client.execute('PRAGMA foreign_keys = ON');
		await client.execute('PRAGMA synchronous = NORMAL');
	}
	return drizzle(client, { schema }) as Db;
}
