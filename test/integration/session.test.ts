import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { authSessionTable } from '~db/schema';
import {
	absoluteLifetimeMs,
	createSession,
	inactivityMs,
	invalidateSession,
	invalidateUserSessions,
	listUserSessions,
	refreshEveryMs,
	validateSessionToken,
} from '~/lib/server/auth/session';
import { hashToken } from '~/lib/server/ids';
import { useTestDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const t = useTestDb();

describe('sessions', () => {
	it('stores only the SHA-256 of the token and validates the token', async () => {
		const user = await makeUser(t.db, 'participant');
		const { token } = await createSession(t.db, user.id, 'Chrome on Linux');
		const rows = await t.db.select().from(authSessionTable);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(hashToken(token));
		expect(rows[0]!.id).not.toContain(token);
		const result = await validateSessionToken(t.db, token);
		expect(result && 'user' in result ? result.user.id : null).toBe(user.id);
	});

	it('rejects an unknown or altered token', async () => {
		const user = await makeUser(t.db, 'participant');
		const { token } = await createSession(t.db, user.id, '');
		expect(
			await validateSessionToken(t.db, token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a')),
		).toBeNull();
		expect(await validateSessionToken(t.db, 'nonsense')).toBeNull();
	});

	it('expires after inactivity and deletes the row', async () => {
		const user = await makeUser(t.db, 'participant');
		const now = Date.now();
		const { token } = await createSession(t.db, user.id, '', now);
		// The row goes; the answer says whose session it was, so typed text can be kept for them.
		expect(await validateSessionToken(t.db, token, now + inactivityMs + 1)).toEqual({
			expiredUserId: user.id,
		});
		expect(await validateSessionToken(t.db, token, now + inactivityMs + 2)).toBeNull();
		expect(await t.db.select().from(authSessionTable)).toHaveLength(0);
	});

	it('refreshes the inactivity expiry while active, but never past the absolute limit', async () => {
		const user = await makeUser(t.db, 'participant');
		const start = Date.now();
		const { token } = await createSession(t.db, user.id, '', start);
		// Use the session every day: it keeps living...
		for (let day = 1; day < 29; day++) {
			expect(await validateSessionToken(t.db, token, start + day * 86_400_000)).toHaveProperty(
				'user',
			);
		}
		const [row] = await t.db.select().from(authSessionTable);
		expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(start + absoluteLifetimeMs);
		// ...until the absolute lifetime ends it.
		expect(await validateSessionToken(t.db, token, start + absoluteLifetimeMs + 1)).toEqual({
			expiredUserId: user.id,
		});
	});

	it('writes activity back at most once an hour, then moves the expiry on', async () => {
		const user = await makeUser(t.db, 'participant');
		const now = Date.now();
		const { token } = await createSession(t.db, user.id, '', now);
		// An hour of clicking every minute, but for the last minute: no write at all.
		for (let m = 1; m < 60; m++) {
			const check = await validateSessionToken(t.db, token, now + m * 60_000);
			expect(check && 'refreshed' in check && check.refreshed).toBe(false);
		}
		const [quiet] = await t.db.select().from(authSessionTable);
		expect(quiet!.lastSeenAt.getTime()).toBe(now);
		const later = now + refreshEveryMs;
		const check = await validateSessionToken(t.db, token, later);
		expect(check && 'refreshed' in check && check.refreshed).toBe(true);
		const [row] = await t.db.select().from(authSessionTable);
		expect(row!.lastSeenAt.getTime()).toBe(later);
		expect(row!.expiresAt.getTime()).toBe(later + inactivityMs);
	});

	it('revokes one session, or all others, or all', async () => {
		const user = await makeUser(t.db, 'participant');
		const a = await createSession(t.db, user.id, 'A');
		const b = await createSession(t.db, user.id, 'B');
		const c = await createSession(t.db, user.id, 'C');
		await invalidateSession(t.db, a.session.id);
		expect(await validateSessionToken(t.db, a.token)).toBeNull();
		await invalidateUserSessions(t.db, user.id, b.session.id);
		expect(await validateSessionToken(t.db, b.token)).not.toBeNull();
		expect(await validateSessionToken(t.db, c.token)).toBeNull();
		await invalidateUserSessions(t.db, user.id);
		expect(await listUserSessions(t.db, user.id)).toHaveLength(0);
	});

	it('ends the session of a disabled account', async () => {
		const user = await makeUser(t.db, 'participant');
		const { token } = await createSession(t.db, user.id, '');
		const { userTable } = await import('~db/schema');
		await t.db.update(userTable).set({ disabledAt: new Date() }).where(eq(userTable.id, user.id));
		expect(await validateSessionToken(t.db, token)).toBeNull();
	});
});
