/**
 * Instances starting together: `db/migrate.ts` run by several processes at once on one fresh
 * file must all succeed and apply each migration once. Without the migration lock, one round
 * in four failed here with "table `audit_event` already exists".
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { knownMigrations } from '~/lib/server/backup/verify';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function migrateProcess(url: string) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'db/migrate.ts'], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: url },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

async function rows(url: string, sql: string) {
	const client = createClient({ url });
	try {
		return (await client.execute(sql)).rows;
	} finally {
		client.close();
	}
}

describe('migrations', () => {
	it('are applied once when several processes migrate one fresh file at once', async () => {
		const expected = knownMigrations();
		for (let round = 0; round < 3; round++) {
			const dir = mkdtempSync(join(tmpdir(), 'portal-migrate-'));
			dirs.push(dir);
			const url = `file:${join(dir, 'portal.db')}`;
			const results = await Promise.all([1, 2, 3, 4].map(() => migrateProcess(url)));
			for (const r of results) expect(r, r.output).toMatchObject({ code: 0 });
			const applied = await rows(url, 'SELECT created_at FROM __drizzle_migrations ORDER BY id');
			expect(applied.map((r) => Number(r[0]))).toEqual(expected);
			expect(await rows(url, 'SELECT * FROM __migration_lock')).toEqual([]);
			const [administrations] = await rows(url, 'SELECT count(*) FROM administration');
			expect(Number(administrations![0])).toBeGreaterThan(0);
		}
	}, 120_000);
});
