/**
 * A fresh, migrated database in a temporary *file* (WAL, several connections), as in
 * production. `:memory:` would hide bugs that only show with real concurrency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '~db/client';
import { migrateDb } from '~db/migrate';
import { afterEach, beforeEach } from 'vitest';

export type TestDb = { db: Db; url: string; dir: string; close: () => void };

export async function createTestDb(): Promise<TestDb> {
	const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
	const url = `file:${join(dir, 'test.db')}`;
	const db = await createDb(url);
	await migrateDb(db);
	return {
		db,
		url,
		dir,
		close: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * A fresh database for every test of the file (or of the describe block that calls it), closed
 * and removed after each. The handle reads through to the current test's database, so a file
 * holds one `const t` instead of a `let` reassigned by hooks.
 */
export function useTestDb(): TestDb {
	let current: TestDb | null = null;
	beforeEach(async () => {
		current = await createTestDb();
	});
	afterEach(() => {
		current?.close();
		current = null;
	});
	const now = () => {
		if (!current) throw new Error('useTestDb: the database exists only while a test runs');
		return current;
	};
	return {
		get db() {
			return now().db;
		},
		get url() {
			return now().url;
		},
		get dir() {
			return now().dir;
		},
		close: () => now().close(),
	};
}
