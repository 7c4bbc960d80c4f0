/**
 * Encryption at rest: with a key, the database file holds none of what was written in plain
 * text, reopens with the key, and a wrong or missing key fails with a sentence that says so.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyDatabase, createDb, DatabaseKeyError } from '~db/client';
import { migrateDb } from '~db/migrate';
import { insertUser } from '~/lib/server/auth/user';
import { listUsers } from '~/lib/server/auth/user';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile() {
	const dir = mkdtempSync(join(tmpdir(), 'portal-crypt-'));
	dirs.push(dir);
	return join(dir, 'portal.db');
}

const secret = 'Restricted-Operation-Nightjar-7731';
const key = 'a long operator key kept outside the database';

async function writeSecret(file: string, encryptionKey: string) {
	const db = await createDb(`file:${file}`, undefined, encryptionKey);
	await migrateDb(db);
	await insertUser(db, {
		email: 'officer@customs.example',
		name: secret,
		role: 'participant',
		password: 'orbit lantern cedar mosaic',
	});
	await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	db.$client.close();
}

/** Every byte of the file and its WAL, as text. */
function bytesOf(file: string): string {
	return ['', '-wal']
		.map((s) => {
			try {
				return readFileSync(file + s).toString('latin1');
			} catch {
				return '';
			}
		})
		.join('');
}

describe('encryption at rest', () => {
	it('keeps a known secret out of the file, and reopens with the key', async () => {
		const file = tempFile();
		await writeSecret(file, key);
		const raw = bytesOf(file);
		expect(raw).not.toContain(secret);
		expect(raw).not.toContain('officer@customs.example');
		expect(raw.startsWith('SQLite format 3')).toBe(false);
		const db = await createDb(`file:${file}`, undefined, key);
		expect((await listUsers(db)).map((u) => u.name)).toEqual([secret]);
		db.$client.close();
	});

	it('without a key the file is plain SQLite (the control that makes the test above mean something)', async () => {
		const file = tempFile();
		await writeSecret(file, '');
		expect(bytesOf(file)).toContain(secret);
	});

	it('refuses a wrong or missing key with a sentence naming DATABASE_ENCRYPTION_KEY', async () => {
		const file = tempFile();
		await writeSecret(file, key);
		for (const wrong of ['not the key', '']) {
			const opening = createDb(`file:${file}`, undefined, wrong);
			await expect(opening).rejects.toBeInstanceOf(DatabaseKeyError);
			await expect(opening).rejects.toThrow(/wrong or missing DATABASE_ENCRYPTION_KEY/);
		}
	});

	it('is opened with the key from DATABASE_ENCRYPTION_KEY by default', async () => {
		const file = tempFile();
		await writeSecret(file, key);
		process.env.DATABASE_ENCRYPTION_KEY = key;
		try {
			const db = await createDb(`file:${file}`);
			await db.$client.execute("update user set name = 'Renamed'");
			const { rows } = await db.$client.execute('select name from user');
			expect(rows[0]?.name).toBe('Renamed');
			db.$client.close();
		} finally {
			delete process.env.DATABASE_ENCRYPTION_KEY;
		}
	});

	it('copies into a file with the same key, a new key (rotation) or none', async () => {
		const file = tempFile();
		await writeSecret(file, key);
		const db = await createDb(`file:${file}`, undefined, key);
		const names = async (path: string, k: string) => {
			const copy = await createDb(`file:${path}`, undefined, k);
			const rows = (await listUsers(copy)).map((u) => u.name);
			copy.$client.close();
			return rows;
		};
		const same = tempFile();
		await copyDatabase(db, same, key);
		expect(await names(same, key)).toEqual([secret]);
		expect(bytesOf(same)).not.toContain(secret);
		const rotated = tempFile();
		const newKey = 'the next key, with spaces & symbols?';
		await copyDatabase(db, rotated, newKey);
		expect(await names(rotated, newKey)).toEqual([secret]);
		await expect(createDb(`file:${rotated}`, undefined, key)).rejects.toBeInstanceOf(
			DatabaseKeyError,
		);
		db.$client.close();
		// And a plain file becomes an encrypted one the same way.
		const plain = tempFile();
		await writeSecret(plain, '');
		const open = await createDb(`file:${plain}`, undefined, '');
		const encrypted = tempFile();
		await copyDatabase(open, encrypted, key);
		open.$client.close();
		expect(bytesOf(encrypted)).not.toContain(secret);
		expect(await names(encrypted, key)).toEqual([secret]);
	});
});
