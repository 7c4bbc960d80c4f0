/**
 * Opens the database. `file:` URLs are an embedded SQLite file; `libsql:`, `http(s):` and
 * `ws(s):` URLs reach a libSQL server (sqld, Turso). An embedded file is encrypted at rest with
 * `DATABASE_ENCRYPTION_KEY` when it is set (libSQL's own page encryption): the one setting this
 * module reads from the environment, so the server, `npm run admin`, migrations, jobs and the
 * demo all open the file the same way.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';
import { queueWrites } from './write-queue';

/** The drizzle handle every server function takes as its first argument. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** What opening an encrypted file with a wrong key, or without one, says. */
export class DatabaseKeyError extends Error {
	constructor(url: string) {
		super(
			`Cannot read ${url}: wrong or missing DATABASE_ENCRYPTION_KEY (or the file is not a database).`,
		);
		this.name = 'DatabaseKeyError';
	}
}

/**
 * Creates the client and, for a local file, the folder and the pragmas a busy web app needs.
 * `encryptionKey` defaults to `DATABASE_ENCRYPTION_KEY`; an empty string opens a plain file.
 */
export async function createDb(
	url: string,
	authToken?: string,
	encryptionKey = process.env.DATABASE_ENCRYPTION_KEY ?? '',
): Promise<Db> {
	const isFile = url.startsWith('file:');
	if (isFile) mkdirSync(dirname(url.slice('file:'.length)) || '.', { recursive: true });
	// `timeout` is the busy timeout of *every* pooled connection (a PRAGMA would reach only one):
	// a writer waits up to 5 s for another connection or app instance instead of failing.
	const raw = createClient({
		url,
		authToken,
		timeout: 5000,
		...(isFile && encryptionKey ? { encryptionKey } : {}),
	});
	const client = isFile ? queueWrites(raw, resolve(url.slice('file:'.length))) : raw;
	if (isFile) {
		// WAL (a property of the file) lets readers run beside a writer. Foreign keys are on by
		// default in libSQL; asking again documents that the schema relies on them. The first
		// statement is also where a wrong key shows.
		try {
			await client.execute('PRAGMA journal_mode = WAL');
		} catch (error) {
			raw.close();
			if (String((error as { code?: string }).code ?? error).includes('NOTADB'))
				throw new DatabaseKeyError(url);
			throw error;
		}
		await client.execute('PRAGMA foreign_keys = ON');
	}
	return drizzle(client, { schema }) as Db;
}

/**
 * Writes a consistent copy of an embedded database to `target` (a new file) with `VACUUM INTO`,
 * encrypted with `encryptionKey` — the key `db` was opened with to keep it, another key to
 * rotate it, none for a plain copy. Backups, restores and key rotation go through this.
 */
export async function copyDatabase(db: Db, target: string, encryptionKey: string): Promise<void> {
	const uri = `file:${encodeURI(target)}${encryptionKey ? `?key=${encodeURIComponent(encryptionKey)}` : ''}`;
	await db.$client.execute({ sql: 'VACUUM INTO ?', args: [uri] });
}
