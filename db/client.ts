/**
 * Opens the database. `file:` URLs are an embedded SQLite file; `libsql:`, `http(s):` and
 * `ws(s):` URLs reach a libSQL server (sqld, Turso). Never reads the environment itself.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';
import { queueWrites } from './write-queue';

/** The drizzle handle every server function takes as its first argument. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** Creates the client and, for a local file, the folder and the pragmas a busy web app needs. */
export async function createDb(url: string, authToken?: string): Promise<Db> {
	const isFile = url.startsWith('file:');
	if (isFile) mkdirSync(dirname(url.slice('file:'.length)) || '.', { recursive: true });
	// `timeout` is the busy timeout of *every* pooled connection (a PRAGMA would reach only one):
	// a writer waits up to 5 s for another connection or app instance instead of failing.
	const raw = createClient({ url, authToken, timeout: 5000 });
	const client = isFile ? queueWrites(raw, resolve(url.slice('file:'.length))) : raw;
	if (isFile) {
		// WAL (a property of the file) lets readers run beside a writer. Foreign keys are on by
		// default in libSQL; asking again documents that the schema relies on them.
		await client.execute('PRAGMA journal_mode = WAL');
		await client.execute('PRAGMA foreign_keys = ON');
	}
	return drizzle(client, { schema }) as Db;
}
