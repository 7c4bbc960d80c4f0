/**
 * The second factor: an authenticator app (TOTP, RFC 6238) with single-use recovery codes, as the
 * Lucia example "email and password with 2FA" does it. A code is accepted for the current
 * 30-second step or one either side (clock drift), never twice (the step is remembered), and
 * wrong codes are throttled per person and per address like passwords.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import type { Db } from '~db/client';
import {
	authSessionTable,
	passkeyTable,
	recoveryCodeTable,
	totpCredentialTable,
	userTable,
} from '~db/schema';
import { totpDigits, totpPeriod } from '~/lib/auth/totp-display';
import { recordAudit } from '../audit';
import { RuleError } from '../errors';
import { findRow } from '../find-row';
import { hashToken } from '../ids';
import { verifyPassword } from './password';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';
import { findUserById } from './user';
import { createSession } from './session';

/** How many recovery codes a person gets at enrolment. */
export const recoveryCodeCount = 10;

/** The 30-second step an instant falls in. */
export function totpStep(now: number): number {
	return Math.floor(now / 1000 / totpPeriod);
}

/** A fresh 20-byte key (160 bits, as RFC 4226 recommends). */
export function newTotpKey(): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(20));
}

/** Reads a key typed or posted back as base32 (spaces allowed); null when it is not one. */
export function readTotpKey(text: string): Uint8Array | null {
	try {
		const key = decodeBase32IgnorePadding(text.replace(/\s+/g, '').toUpperCase());
		return key.length === 20 ? key : null;
	} catch {
		return null;
	}
}

/** The step a code is right for (now or one step either side) after `lastStep`, or null. */
function matchingStep(key: Uint8Array, code: string, lastStep: number, now: number): number | null {
	const step = totpStep(now);
	for (const s of [step - 1, step, step + 1])
		if (s > lastStep && generateHOTP(key, BigInt(s), totpDigits) === code) return s;
	return null;
}

/** A recovery code as typed: letters and digits, upper-cased, without spaces or dashes. */
function normaliseRecoveryCode(code: string): string {
	return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** Ten codes of 10 base32 characters (50 bits), shown as XXXXX-XXXXX. */
function newRecoveryCodes(): string[] {
	return Array.from({ length: recoveryCodeCount }, () => {
		const text = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(7)));
		return `${text.slice(0, 5)}-${text.slice(5, 10)}`;
	});
}

/** Which factors a person has. */
export async function factorsOf(db: Db, userId: string) {
	const [user, totp, passkeys, codes] = await Promise.all([
		findUserById(db, userId),
		findRow(db, totpCredentialTable, eq(totpCredentialTable.userId, userId)),
		db
			.select({
				id: passkeyTable.id,
				name: passkeyTable.name,
				createdAt: passkeyTable.createdAt,
				lastUsedAt: passkeyTable.lastUsedAt,
			})
			.from(passkeyTable)
			.where(eq(passkeyTable.userId, userId)),
		db
			.select({ usedAt: recoveryCodeTable.usedAt })
			.from(recoveryCodeTable)
			.where(eq(recoveryCodeTable.userId, userId)),
	]);
	return {
		totp: totp ? { createdAt: totp.createdAt } : null,
		passkeys,
		recoveryCodesLeft: codes.filter((c) => !c.usedAt).length,
		/** A demo account: never required to set one up. */
		exempt: user?.secondFactorExempt ?? false,
	};
}

/** True when the person has any second factor. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
	const [totp] = await db
		.select({ id: totpCredentialTable.userId })
		.from(totpCredentialTable)
		.where(eq(totpCredentialTable.userId, userId));
	if (totp) return true;
	const [passkey] = await db
		.select({ id: passkeyTable.id })
		.from(passkeyTable)
		.where(eq(passkeyTable.userId, userId))
		.limit(1);
	return Boolean(passkey);
}

/**
 * The session a correct password (or a link that set one) opens: one that waits for the second
 * factor when the person has one, so neither a sign-in nor a password reset goes around it.
 */
export async function sessionAfterPassword(
	db: Db,
	userId: string,
	device: string,
	now = Date.now(),
) {
	const awaiting = await hasSecondFactor(db, userId);
	return { ...(await createSession(db, userId, device, now, awaiting)), awaiting };
}

/** Checks the person's password, or refuses beside the `password` field. */
export async function confirmPassword(db: Db, userId: string, password: string) {
	const user = await findUserById(db, userId);
	if (!user || !(await verifyPassword(user.passwordHash, password)))
		throw new RuleError('invalid', 'Your password is not right.', 'password');
	return user;
}

/**
 * Enrols an authenticator app once the person proves both that they hold it (a current code
 * for `keyText`) and that they are who the session says (their password). Returns the
 * recovery codes, which are shown this once and stored only as hashes.
 */
export async function enrolTotp(
	db: Db,
	userId: string,
	input: { key: string; code: string; password: string },
	now = Date.now(),
): Promise<string[]> {
	const key = readTotpKey(input.key);
	if (!key) throw new RuleError('invalid', 'The key of this form was changed. Start again.');
	await confirmPassword(db, userId, input.password);
	const step = matchingStep(key, input.code.trim(), 0, now);
	if (step === null)
		throw new RuleError(
			'invalid',
			'That code does not match. Enter the 6 digits your app shows now for the RILO A/P Portal.',
			'code',
		);
	const codes = newRecoveryCodes();
	await db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: totpCredentialTable.userId })
			.from(totpCredentialTable)
			.where(eq(totpCredentialTable.userId, userId));
		if (existing)
			throw new RuleError('conflict', 'An authenticator app is already set up. Remove it first.');
		await tx.insert(totpCredentialTable).values({ userId, key: encodeBase64(key), lastStep: step });
		await tx.delete(recoveryCodeTable).where(eq(recoveryCodeTable.userId, userId));
		await tx
			.insert(recoveryCodeTable)
			.values(codes.map((c) => ({ userId, codeHash: hashToken(normaliseRecoveryCode(c)) })));
		await recordAudit(
			tx,
			{
				actorId: userId,
				action: 'auth.second_factor_enrolled',
				subjectType: 'user',
				subjectId: userId,
				details: { method: 'totp' },
			},
			now,
		);
	});
	return codes;
}

/** Removes the authenticator app and the recovery codes, after the password. */
export async function removeTotp(db: Db, userId: string, password: string, now = Date.now()) {
	await confirmPassword(db, userId, password);
	await db.transaction(async (tx) => {
		await tx.delete(totpCredentialTable).where(eq(totpCredentialTable.userId, userId));
		await tx.delete(recoveryCodeTable).where(eq(recoveryCodeTable.userId, userId));
		await recordAudit(
			tx,
			{
				actorId: userId,
				action: 'auth.second_factor_removed',
				subjectType: 'user',
				subjectId: userId,
				details: { method: 'totp' },
			},
			now,
		);
	});
}

/** Checks a TOTP code against the person's key; on success remembers its step. */
async function useTotpCode(db: Db, userId: string, code: string, now: number) {
	const row = await findRow(db, totpCredentialTable, eq(totpCredentialTable.userId, userId));
	if (!row) return false;
	const step = matchingStep(decodeBase64(row.key), code, row.lastStep, now);
	if (step === null) return false;
	// Only the first of two requests with one code wins the step.
	const won = await db
		.update(totpCredentialTable)
		.set({ lastStep: step })
		.where(
			and(eq(totpCredentialTable.userId, userId), eq(totpCredentialTable.lastStep, row.lastStep)),
		)
		.returning({ id: totpCredentialTable.userId });
	return won.length === 1;
}

/** Uses up a recovery code of the person; false when it is unknown or already used. */
async function useRecoveryCode(db: Db, userId: string, code: string, now: number) {
	const used = await db
		.update(recoveryCodeTable)
		.set({ usedAt: new Date(now) })
		.where(
			and(
				eq(recoveryCodeTable.codeHash, hashToken(normaliseRecoveryCode(code))),
				eq(recoveryCodeTable.userId, userId),
				isNull(recoveryCodeTable.usedAt),
			),
		)
		.returning({ id: recoveryCodeTable.codeHash });
	return used.length === 1;
}

export type FactorCheck =
	| { ok: true; method: 'totp' | 'recovery_code' }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * The second step of signing in: a 6-digit code from the app or a recovery code. On success
 * the waiting session becomes a signed-in one.
 */
export async function verifySecondFactor(
	db: Db,
	input: { sessionId: string; userId: string; code: string; address: string },
	now = Date.now(),
): Promise<FactorCheck> {
	const personKey = throttleKey('factor', input.userId);
	const addressKey = throttleKey('address', input.address);
	const retryAt = await blockedUntil(db, [personKey, addressKey], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };
	const code = input.code.trim();
	const method = /^\d{6}$/.test(code) ? 'totp' : 'recovery_code';
	const ok =
		method === 'totp'
			? await useTotpCode(db, input.userId, code, now)
			: await useRecoveryCode(db, input.userId, code, now);
	const audit = { actorId: input.userId, subjectType: 'user', subjectId: input.userId };
	if (!ok) {
		await recordFailure(db, 'factor', personKey, now);
		await recordFailure(db, 'address', addressKey, now);
		await recordAudit(db, { ...audit, action: 'auth.second_factor_failed' }, now);
		return { ok: false, reason: 'wrong' };
	}
	await clearFailures(db, personKey);
	await completeSecondFactor(db, input.sessionId);
	await recordAudit(db, { ...audit, action: 'auth.second_factor_used', details: { method } }, now);
	return { ok: true, method };
}

/** Makes a session that waited for the second factor a signed-in one. */
export async function completeSecondFactor(db: Db, sessionId: string) {
	await db
		.update(authSessionTable)
		.set({ awaitingSecondFactor: false })
		.where(eq(authSessionTable.id, sessionId));
}

/**
 * An admin removes every second factor of a person who lost theirs; the person's sessions end
 * (they sign in with the password and, if their role requires it, enrol again). Returns whom
 * to tell.
 */
export async function resetSecondFactor(db: Db, adminId: string, userId: string, now = Date.now()) {
	const user = await findUserById(db, userId);
	if (!user) throw new RuleError('not_found', 'No such person.');
	if (user.id === adminId)
		throw new RuleError('forbidden', 'Remove your own factors on your account page.');
	await db.transaction(async (tx) => {
		await tx.delete(totpCredentialTable).where(eq(totpCredentialTable.userId, userId));
		await tx.delete(recoveryCodeTable).where(eq(recoveryCodeTable.userId, userId));
		await tx.delete(passkeyTable).where(eq(passkeyTable.userId, userId));
		await tx.delete(authSessionTable).where(eq(authSessionTable.userId, userId));
		await recordAudit(
			tx,
			{
				actorId: adminId,
				action: 'auth.second_factor_reset',
				subjectType: 'user',
				subjectId: userId,
			},
			now,
		);
	});
	return user;
}

/** Marks the demo's accounts as exempt from the second-factor requirement. */
export async function exemptFromSecondFactor(db: Db, userIds: string[]) {
	for (const id of userIds)
		await db.update(userTable).set({ secondFactorExempt: true }).where(eq(userTable.id, id));
}

/** The ids of everyone who has a second factor (the admin's list of people). */
export async function peopleWithSecondFactor(db: Db): Promise<Set<string>> {
	const [totp, passkeys] = await Promise.all([
		db.select({ id: totpCredentialTable.userId }).from(totpCredentialTable),
		db.selectDistinct({ id: passkeyTable.userId }).from(passkeyTable),
	]);
	return new Set([...totp, ...passkeys].map((r) => r.id));
}
