import { describe, expect, it } from 'vitest';
import { auditEventTable, authSessionTable } from '~db/schema';
import { changePassword, signIn } from '~/lib/server/auth/sign-in';
import { RuleError } from '~/lib/server/errors';
import { hashPassword, passwordProblem, verifyPassword } from '~/lib/server/auth/password';
import { createSession, validateSessionToken } from '~/lib/server/auth/session';
import { waitAfter } from '~/lib/server/auth/throttle';
import { useTestDb } from '../helpers/db';
import { makeUser, testPassword } from '../helpers/factories';

const t = useTestDb();

const attempt = (email: string, password: string, address = '10.0.0.1', now = Date.now()) =>
	signIn(t.db, { email, password, address, device: 'test' }, now);

describe('passwords', () => {
	it('hashes with argon2id at OWASP parameters and verifies', async () => {
		const h = await hashPassword('maple quartz harbour fig');
		expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(h, 'maple quartz harbour fig')).toBe(true);
		expect(await verifyPassword(h, 'maple quartz harbour fig!')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});

	it('refuses short, common and email-based passwords', () => {
		expect(passwordProblem('short')).toMatch(/12 characters/);
		expect(passwordProblem('password1234')).toMatch(/common/);
		expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/repeats/);
		// It says which part of the address is meant: the part before the @.
		expect(passwordProblem('kenji.morita-2026!', 'kenji.morita@customs.example')).toBe(
			'Do not put the part of your email address before the @ (“kenji.morita”) in your password.',
		);
		expect(passwordProblem('maple quartz harbour fig')).toBeNull();
	});
});

describe('sign-in', () => {
	it('signs in with the right password and starts a fresh session each time', async () => {
		const user = await makeUser(t.db, 'participant');
		const first = await attempt(user.email, testPassword);
		const second = await attempt(user.email.toUpperCase(), testPassword);
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(first.token).not.toBe(second.token);
		expect(await t.db.select().from(authSessionTable)).toHaveLength(2);
	});

	it('gives the same answer for an unknown email and a wrong password', async () => {
		const user = await makeUser(t.db, 'participant');
		const unknown = await attempt('nobody@test.example', testPassword);
		const wrong = await attempt(user.email, 'wrong password here');
		expect(unknown).toEqual({ ok: false, reason: 'credentials' });
		expect(wrong).toEqual({ ok: false, reason: 'credentials' });
	});

	it('records sign-ins and failures in the audit log without secrets', async () => {
		const user = await makeUser(t.db, 'participant');
		await attempt(user.email, 'wrong password here');
		const ok = await attempt(user.email, testPassword);
		const events = await t.db.select().from(auditEventTable);
		expect(events.map((e) => e.action)).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
		const text = JSON.stringify(events);
		expect(text).not.toContain(testPassword);
		expect(text).not.toContain('wrong password here');
		if (ok.ok) expect(text).not.toContain(ok.token);
	});

	it('slows down, then blocks an account after repeated failures, and says until when', async () => {
		const user = await makeUser(t.db, 'participant');
		const now = Date.now();
		for (let i = 0; i < 3; i++)
			expect((await attempt(user.email, 'wrong password here', '10.0.0.1', now)).ok).toBe(false);
		// The 4th failure imposes a wait; during it even the right password is not checked.
		await attempt(user.email, 'wrong password here', '10.0.0.1', now);
		const held = await attempt(user.email, testPassword, '10.0.0.2', now + 500);
		expect(held).toMatchObject({ ok: false, reason: 'throttled' });
		if (!held.ok && held.reason === 'throttled')
			expect(held.retryAt.getTime()).toBe(now + waitAfter('account', 4));
		// After the wait the right password works and clears the count.
		expect((await attempt(user.email, testPassword, '10.0.0.2', now + 3000)).ok).toBe(true);
	});

	it('blocks for 15 minutes after ten failures', () => {
		expect(waitAfter('account', 3)).toBe(0);
		expect(waitAfter('account', 4)).toBe(2000);
		expect(waitAfter('account', 10)).toBe(15 * 60 * 1000);
		expect(waitAfter('address', 20)).toBe(0);
	});

	it('throttles a client address across accounts', async () => {
		const now = Date.now();
		// 21 failures from one address, each against a different account (so no account is held back).
		for (let i = 0; i < 21; i++)
			await attempt(`nobody${i}@test.example`, 'x'.repeat(12), '10.9.9.9', now);
		const user = await makeUser(t.db, 'participant');
		const held = await attempt(user.email, testPassword, '10.9.9.9', now + 1000);
		expect(held).toMatchObject({ ok: false, reason: 'throttled' });
		// Another address is not affected.
		expect((await attempt(user.email, testPassword, '10.9.9.10', now + 1000)).ok).toBe(true);
	});
});

describe('changing a password', () => {
	it('needs the current password, checks the new one, and ends every other session', async () => {
		const user = await makeUser(t.db, 'participant');
		const mine = await createSession(t.db, user.id, 'this');
		const other = await createSession(t.db, user.id, 'other');
		await expect(
			changePassword(t.db, {
				userId: user.id,
				sessionId: mine.session.id,
				current: 'wrong one entirely',
				next: 'new passphrase here ok',
			}),
		).rejects.toMatchObject({ field: 'current' });
		await expect(
			changePassword(t.db, {
				userId: user.id,
				sessionId: mine.session.id,
				current: testPassword,
				next: 'short',
			}),
		).rejects.toBeInstanceOf(RuleError);
		await changePassword(t.db, {
			userId: user.id,
			sessionId: mine.session.id,
			current: testPassword,
			next: 'new passphrase here ok',
		});
		expect(await validateSessionToken(t.db, mine.token)).not.toBeNull();
		expect(await validateSessionToken(t.db, other.token)).toBeNull();
		expect((await attempt(user.email, 'new passphrase here ok')).ok).toBe(true);
	});
});
