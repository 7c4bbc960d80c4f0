/** Two app instances share one database file: sign-in throttling must hold across them. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDb, type Db } from '~db/client';
import { signIn } from '~/lib/server/auth/sign-in';
import { createTestDb, type TestDb } from '../helpers/db';
import { makeUser, testPassword } from '../helpers/factories';

let t: TestDb;
let second: Db;
beforeEach(async () => {
	t = await createTestDb();
	second = await createDb(t.url); // a separate client: what a second instance would open
});
afterEach(() => {
	second.$client.close();
	t.close();
});

it('failures counted by one instance hold back the account on the other', async () => {
	const user = await makeUser(t.db, 'participant');
	const now = Date.now();
	const attempt = (db: Db, password: string, address: string) =>
		signIn(db, { email: user.email, password, address, device: 'test' }, now);
	for (let i = 0; i < 10; i++)
		await attempt(i % 2 ? t.db : second, 'wrong password here', `10.0.0.${i}`);
	const onA = await attempt(t.db, testPassword, '10.1.1.1');
	const onB = await attempt(second, testPassword, '10.1.1.2');
	expect(onA).toMatchObject({ ok: false, reason: 'throttled' });
	expect(onB).toMatchObject({ ok: false, reason: 'throttled' });
});

it('concurrent sign-ins on both instances all succeed (no lock error reaches a user)', async () => {
	const user = await makeUser(t.db, 'participant');
	const results = await Promise.all(
		Array.from({ length: 12 }, (_, i) =>
			signIn(i % 2 ? t.db : second, {
				email: user.email,
				password: testPassword,
				address: `10.2.0.${i}`,
				device: 'test',
			}),
		),
	);
	expect(results.every((r) => r.ok)).toBe(true);
});
