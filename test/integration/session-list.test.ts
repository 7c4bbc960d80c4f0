/** Sessions people can see: the list, ending one's own (never another's), and new devices. */
import { describe, expect, it } from 'vitest';
import {
	createSession,
	describeDevice,
	invalidateOwnSession,
	invalidateUserSessions,
	listUserSessions,
	validateSessionToken,
} from '~/lib/server/auth/session';
import { noteDevice } from '~/lib/server/auth/new-device';
import { signIn } from '~/lib/server/auth/sign-in';
import { useTestDb } from '../helpers/db';
import { makeUser, testPassword } from '../helpers/factories';

const t = useTestDb();

describe('the sessions list', () => {
	it('lists a person’s sessions with device, first and last seen, newest use first', async () => {
		const me = await makeUser(t.db, 'mentor');
		const now = Date.now();
		await createSession(t.db, me.id, 'Firefox on Linux', now - 3_600_000);
		await createSession(t.db, me.id, 'Safari on iOS', now);
		// A session waiting for the second factor is no sign-in yet: not listed.
		await createSession(t.db, me.id, 'Edge on Windows', now, true);
		const list = await listUserSessions(t.db, me.id, now);
		expect(list.map((s) => s.device)).toEqual(['Safari on iOS', 'Firefox on Linux']);
		expect(list[1]!.createdAt).toBeInstanceOf(Date);
		expect(list[1]!.lastSeenAt.getTime()).toBe(now - 3_600_000);
	});

	it('ends one of one’s own sessions, never another person’s, and all others at once', async () => {
		const me = await makeUser(t.db, 'mentor');
		const other = await makeUser(t.db, 'participant');
		const mine = await createSession(t.db, me.id, 'Firefox on Linux');
		const phone = await createSession(t.db, me.id, 'Safari on iOS');
		const laptop = await createSession(t.db, me.id, 'Chrome on macOS');
		const theirs = await createSession(t.db, other.id, 'Chrome on Linux');
		expect(await invalidateOwnSession(t.db, me.id, theirs.session.id)).toBe(false);
		expect(await validateSessionToken(t.db, theirs.token)).toHaveProperty('user');
		expect(await invalidateOwnSession(t.db, me.id, phone.session.id)).toBe(true);
		expect(await validateSessionToken(t.db, phone.token)).toBeNull();
		await invalidateUserSessions(t.db, me.id, mine.session.id);
		expect(await validateSessionToken(t.db, laptop.token)).toBeNull();
		expect(await validateSessionToken(t.db, mine.token)).toHaveProperty('user');
	});

	it('names devices from the user agent', () => {
		expect(
			describeDevice(
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
			),
		).toBe('Edge on Windows');
		expect(
			describeDevice(
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
			),
		).toBe('Safari on iOS');
		expect(describeDevice(null)).toBe('Unknown device');
	});
});

describe('sign-ins from a new device', () => {
	it('are told after the first device, once per device', async () => {
		const me = await makeUser(t.db, 'participant');
		expect(await noteDevice(t.db, me.id, 'Firefox on Linux')).toBe(false);
		expect(await noteDevice(t.db, me.id, 'Firefox on Linux')).toBe(false);
		expect(await noteDevice(t.db, me.id, 'Safari on iOS')).toBe(true);
		expect(await noteDevice(t.db, me.id, 'Safari on iOS')).toBe(false);
		const input = { email: me.email, password: testPassword, address: '192.0.2.1' };
		expect(await signIn(t.db, { ...input, device: 'Edge on Windows' })).toMatchObject({
			ok: true,
			newDevice: true,
		});
		expect(await signIn(t.db, { ...input, device: 'Edge on Windows' })).toMatchObject({
			ok: true,
			newDevice: false,
		});
	});
});
