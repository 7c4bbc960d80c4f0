/**
 * The second factor: enrolment (code and password), the code after the password (valid, reused,
 * outside the window, throttled), recovery codes used once, a reset link that does not go around
 * it, the roles that must enrol, and the admin's reset.
 */
import { generateHOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEventTable, authSessionTable, userTable } from '~db/schema';
import {
	enrolTotp,
	factorsOf,
	newTotpKey,
	removeTotp,
	resetSecondFactor,
	sessionAfterPassword,
	totpStep,
	verifySecondFactor,
} from '~/lib/server/auth/second-factor';
import { groupedKey } from '~/lib/auth/totp-display';
import { mustEnrol, requiredRoles, setRequiredRoles } from '~/lib/server/auth/factor-policy';
import { signIn } from '~/lib/server/auth/sign-in';
import { validateSessionToken } from '~/lib/server/auth/session';
import { createResetLink, useResetLink } from '~/lib/server/auth/invitation';
import { useTestDb } from '../helpers/db';
import { makeUser, testPassword } from '../helpers/factories';

const t = useTestDb();
const address = '198.51.100.4';

/** The code an authenticator app shows at `at`. */
function codeAt(key: Uint8Array, at: number): string {
	return generateHOTP(key, BigInt(totpStep(at)), 6);
}

/** A mentor with an authenticator app, enrolled at `now`; returns the key and recovery codes. */
async function enrolled(now = Date.now()) {
	const mentor = await makeUser(t.db, 'mentor');
	const key = newTotpKey();
	const codes = await enrolTotp(
		t.db,
		mentor.id,
		{ key: groupedKey(key), code: codeAt(key, now), password: testPassword },
		now,
	);
	return { mentor, key, codes };
}

/** Signs in with the password; the session waits for the second factor. */
async function passwordStep(email: string, now: number) {
	const result = await signIn(
		t.db,
		{ email, password: testPassword, address, device: 'Firefox on Linux' },
		now,
	);
	if (!result.ok) throw new Error('sign-in failed');
	return result;
}

async function sessionState(token: string, now: number) {
	const check = await validateSessionToken(t.db, token, now);
	return check && 'session' in check ? check.session.awaitingSecondFactor : 'gone';
}

describe('enrolling an authenticator app', () => {
	it('needs a current code and the password, and gives ten single-use recovery codes', async () => {
		const mentor = await makeUser(t.db, 'mentor');
		const key = newTotpKey();
		const now = Date.now();
		const wrongCode = enrolTotp(t.db, mentor.id, {
			key: groupedKey(key),
			code: codeAt(key, now - 120_000),
			password: testPassword,
		});
		await expect(wrongCode).rejects.toMatchObject({ field: 'code' });
		const wrongPassword = enrolTotp(t.db, mentor.id, {
			key: groupedKey(key),
			code: codeAt(key, now),
			password: 'not the password at all',
		});
		await expect(wrongPassword).rejects.toMatchObject({ field: 'password' });
		expect((await factorsOf(t.db, mentor.id)).totp).toBeNull();

		const codes = await enrolTotp(t.db, mentor.id, {
			key: groupedKey(key),
			code: codeAt(key, now),
			password: testPassword,
		});
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		expect((await factorsOf(t.db, mentor.id)).recoveryCodesLeft).toBe(10);
		const audit = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'auth.second_factor_enrolled'));
		expect(audit).toHaveLength(1);
	});

	it('is removed only with the password, and the removal is audited', async () => {
		const { mentor } = await enrolled();
		await expect(removeTotp(t.db, mentor.id, 'wrong password here')).rejects.toMatchObject({
			field: 'password',
		});
		await removeTotp(t.db, mentor.id, testPassword);
		expect((await factorsOf(t.db, mentor.id)).totp).toBeNull();
		expect((await factorsOf(t.db, mentor.id)).recoveryCodesLeft).toBe(0);
		const [removed] = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'auth.second_factor_removed'));
		expect(removed?.actorId).toBe(mentor.id);
	});
});

describe('signing in with a second factor', () => {
	it('asks for the code after the password, accepts it once, and refuses it again', async () => {
		const start = Date.now();
		const { mentor, key } = await enrolled(start - 90_000);
		const later = start;
		const first = await passwordStep(mentor.email, later);
		expect(first.secondFactor).toBe(true);
		expect(await sessionState(first.token, later)).toBe(true);
		const code = codeAt(key, later);
		const ok = await verifySecondFactor(
			t.db,
			{ sessionId: first.session, userId: mentor.id, code, address },
			later,
		);
		expect(ok).toEqual({ ok: true, method: 'totp' });
		expect(await sessionState(first.token, later)).toBe(false);

		// The same code, a second time, from another sign-in: refused (it was used).
		const second = await passwordStep(mentor.email, later + 1000);
		const replay = await verifySecondFactor(
			t.db,
			{ sessionId: second.session, userId: mentor.id, code, address },
			later + 1000,
		);
		expect(replay).toEqual({ ok: false, reason: 'wrong' });
		expect(await sessionState(second.token, later + 1000)).toBe(true);
	});

	it('accepts one step of clock drift either side but not a code from two steps ago', async () => {
		const start = Date.now() - 10 * 60_000;
		const { mentor, key } = await enrolled(start);
		const now = start + 5 * 60_000;
		const session = await passwordStep(mentor.email, now);
		const stale = await verifySecondFactor(
			t.db,
			{ sessionId: session.session, userId: mentor.id, code: codeAt(key, now - 61_000), address },
			now,
		);
		expect(stale.ok).toBe(false);
		const drift = await verifySecondFactor(
			t.db,
			{ sessionId: session.session, userId: mentor.id, code: codeAt(key, now - 30_000), address },
			now,
		);
		expect(drift.ok).toBe(true);
	});

	it('takes a recovery code once, typed in any case and spacing', async () => {
		const { mentor, codes } = await enrolled();
		const now = Date.now() + 60_000;
		const a = await passwordStep(mentor.email, now);
		const typed = ` ${codes[0]!.toLowerCase().replace('-', ' ')} `;
		expect(
			await verifySecondFactor(
				t.db,
				{ sessionId: a.session, userId: mentor.id, code: typed, address },
				now,
			),
		).toEqual({ ok: true, method: 'recovery_code' });
		const b = await passwordStep(mentor.email, now + 1000);
		expect(
			await verifySecondFactor(
				t.db,
				{ sessionId: b.session, userId: mentor.id, code: codes[0]!, address },
				now + 1000,
			),
		).toEqual({ ok: false, reason: 'wrong' });
		expect((await factorsOf(t.db, mentor.id)).recoveryCodesLeft).toBe(9);
		// Another person's recovery code is no code at all.
		const other = await enrolled();
		expect(
			(
				await verifySecondFactor(
					t.db,
					{ sessionId: b.session, userId: mentor.id, code: other.codes[0]!, address },
					now + 2000,
				)
			).ok,
		).toBe(false);
	});

	it('throttles wrong codes like passwords, and a right code then waits too', async () => {
		const { mentor, key } = await enrolled();
		const now = Date.now() + 60_000;
		const s = await passwordStep(mentor.email, now);
		let result;
		for (let i = 0; i < 10; i++)
			result = await verifySecondFactor(
				t.db,
				{ sessionId: s.session, userId: mentor.id, code: '000000', address },
				now + i,
			);
		expect(result).toMatchObject({ ok: false, reason: 'throttled' });
		const blocked = await verifySecondFactor(
			t.db,
			{ sessionId: s.session, userId: mentor.id, code: codeAt(key, now + 20), address },
			now + 20,
		);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		expect(await sessionState(s.token, now + 20)).toBe(true);
		const failures = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'auth.second_factor_failed'));
		expect(failures.length).toBeGreaterThanOrEqual(4);
	});

	it('still asks for it after a password reset link', async () => {
		const { mentor } = await enrolled();
		const admin = await makeUser(t.db, 'admin');
		const { token } = await createResetLink(t.db, admin.id, mentor.id);
		const link = await useResetLink(t.db, token, 'a brand new passphrase here');
		const session = await sessionAfterPassword(t.db, link.userId!, 'Chrome on Windows');
		expect(session.awaiting).toBe(true);
		expect(await sessionState(session.token, Date.now())).toBe(true);
	});

	it('a person without a factor is signed in by the password alone', async () => {
		const participant = await makeUser(t.db, 'participant');
		const result = await passwordStep(participant.email, Date.now());
		expect(result.secondFactor).toBe(false);
		expect(await sessionState(result.token, Date.now())).toBe(false);
	});
});

describe('roles that must use a second factor', () => {
	it('are admin, mentor and the Secretariat by default, and an admin can change them', async () => {
		expect(await requiredRoles(t.db)).toEqual(['admin', 'mentor', 'secretariat']);
		const admin = await makeUser(t.db, 'admin');
		const mentor = await makeUser(t.db, 'mentor');
		const participant = await makeUser(t.db, 'participant');
		const home = await makeUser(t.db, 'home');
		expect(await mustEnrol(t.db, mentor)).toBe(true);
		expect(await mustEnrol(t.db, admin)).toBe(true);
		expect(await mustEnrol(t.db, participant)).toBe(false);
		expect(await mustEnrol(t.db, home)).toBe(false);

		await setRequiredRoles(t.db, admin.id, ['participant', 'admin']);
		expect(await requiredRoles(t.db)).toEqual(['participant', 'admin']);
		expect(await mustEnrol(t.db, mentor)).toBe(false);
		expect(await mustEnrol(t.db, participant)).toBe(true);
		const [event] = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'auth.second_factor_roles_set'));
		expect(event?.actorId).toBe(admin.id);
	});

	it('spare the exempt (demo) accounts and those who have enrolled', async () => {
		const { mentor } = await enrolled();
		expect(await mustEnrol(t.db, mentor)).toBe(false);
		const demoMentor = await makeUser(t.db, 'mentor');
		await t.db
			.update(userTable)
			.set({ secondFactorExempt: true })
			.where(eq(userTable.id, demoMentor.id));
		expect(await mustEnrol(t.db, demoMentor)).toBe(false);
	});
});

describe('an admin resetting someone’s second factor', () => {
	it('removes every factor, ends the person’s sessions and is audited', async () => {
		const { mentor } = await enrolled();
		const admin = await makeUser(t.db, 'admin');
		await passwordStep(mentor.email, Date.now());
		const told = await resetSecondFactor(t.db, admin.id, mentor.id);
		expect(told.email).toBe(mentor.email);
		expect((await factorsOf(t.db, mentor.id)).totp).toBeNull();
		expect(
			await t.db.select().from(authSessionTable).where(eq(authSessionTable.userId, mentor.id)),
		).toHaveLength(0);
		const [event] = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.action, 'auth.second_factor_reset'));
		expect(event).toMatchObject({ actorId: admin.id, subjectId: mentor.id });
		await expect(resetSecondFactor(t.db, admin.id, admin.id)).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(resetSecondFactor(t.db, admin.id, 'nobody-at-all')).rejects.toMatchObject({
			code: 'not_found',
		});
	});
});
