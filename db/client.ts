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
import { ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';
import type Database from 'libsql';
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

/** How many prepared statements each connection keeps (the portal has a few hundred queries). */
const statementsKept = 512;

/**
 * Makes a connection keep the statements it prepares and hand them out again for the same SQL.
 *
 * Why: the embedded client prepares every statement anew (compiling the SQL each time), which
 * was an eighth of a signed-in page's CPU. A prepared SQLite statement is reusable once it has
 * run: the client runs each one to completion synchronously (`all` or `run`), so two callers
 * never share one mid-step, and SQLite re-prepares it by itself after a schema change.
 */
function reuseStatements(connection: Database.Database): Database.Database {
	if (statementCaches.has(connection)) return connection;
	const kept = new Map<string, Database.Statement>();
	statementCaches.set(connection, kept);
	const prepare = connection.prepare.bind(connection);
	connection.prepare = ((sql: string) => {
		let statement = kept.get(sql);
		if (statement) return statement;
		statement = rememberColumns(prepare(sql), sql);
		if (kept.size >= statementsKept) kept.delete(kept.keys().next().value!);
		kept.set(sql, statement);
		return statement;
	}) as Database.Database['prepare'];
	return connection;
}
/**
 * The client asks a statement for its result columns twice on every run (a call into the
 * native module each time, a twentieth of a page's CPU); they are fixed once it is prepared.
 * Not for `select *`, whose columns a schema change could alter while the statement is kept.
 */
function rememberColumns(statement: Database.Statement, sql: string): Database.Statement {
	if (/\bselect\s+\*|\.\*/i.test(sql)) return statement;
	const columns = statement.columns.bind(statement);
	let known: ReturnType<typeof columns> | undefined;
	statement.columns = () => (known ??= columns());
	return statement;
}
const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The client's pool of connections to one file, each reusing its statements. */
class StatementReusingPool extends ConnectionPool {
	override acquireSync(forTransaction?: boolean): Database.Database {
		return reuseStatements(super.acquireSync(forTransaction));
	}
}

/**
 * The embedded client, as `createClient` makes it for a `file:` URL (20 connections, numbers as
 * JavaScript numbers), on the statement-reusing pool. `timeout` is the busy timeout of *every*
 * pooled connection (a PRAGMA would reach only one): a writer waits up to 5 s for another
 * connection or app instance instead of failing.
 */
function openFile(url: string, encryptionKey: string): Client {
	const path = url.slice('file:'.length).split('?')[0]!;
	const options = { timeout: 5000, ...(encryptionKey ? { encryptionKey } : {}) };
	return new Sqlite3Client(new StatementReusingPool(path, options, 20), 'number');
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
	const raw = isFile
		? openFile(url, encryptionKey)
		: createClient({ url, authToken, timeout: 5000 });
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
