/**
 * A fresh, migrated database in a temporary *file* (WAL, several connections), as in
 * production. `:memory:` would hide bugs that only show with real concurrency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '~db/client';
import { migrateDb } from '~db/migrate';

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
