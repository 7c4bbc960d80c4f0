/** Signing in: throttling, one message for every bad credential, a fresh session each time. */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { userTable } from '~db/schema';
import { recordAudit } from '../audit';
import { RuleError } from '../errors';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';
import { findUserByEmail, findUserById, normaliseEmail } from './user';
import { sessionAfterPassword } from './second-factor';
import { noteDevice } from './new-device';

/** The one message for an unknown email, a wrong password or a disabled account. */
export const badCredentialsMessage = 'That email and password do not match an account.';

export type SignInResult =
	| {
			ok: true;
			token: string;
			/** The session's id (the token's hash). */
			session: string;
			expiresAt: Date;
			userId: string;
			/** The session waits for the second factor before it signs the person in. */
			secondFactor: boolean;
			/** Signed in from a device this person had not used before: tell them. */
			newDevice: boolean;
	  }
	| { ok: false; reason: 'credentials' }
	| { ok: false; reason: 'throttled'; retryAt: Date };

/** Checks credentials under throttling; on success starts a new session. */
export async function signIn(
	db: Db,
	input: { email: string; password: string; address: string; device: string },
	now = Date.now(),
): Promise<SignInResult> {
	const email = normaliseEmail(input.email);
	const accountKey = throttleKey('account', email);
	const addressKey = throttleKey('address', input.address);
	const retryAt = await blockedUntil(db, [accountKey, addressKey], now);
	if (retryAt) return { ok: false, reason: 'throttled', retryAt };

	const user = await findUserByEmail(db, email);
	// Verify against a decoy when the email is unknown so the response time says nothing.
	const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
	if (!user || !matches || user.disabledAt) {
		await recordFailure(db, 'account', accountKey, now);
		await recordFailure(db, 'address', addressKey, now);
		await recordAudit(
			db,
			{
				actorId: null,
				action: 'auth.sign_in_failed',
				subjectType: 'user',
				subjectId: user?.id ?? null,
				details: { email },
			},
			now,
		);
		return { ok: false, reason: 'credentials' };
	}
	await clearFailures(db, accountKey);
	const {
		token,
		session,
		awaiting: secondFactor,
	} = await sessionAfterPassword(db, user.id, input.device, now);
	const newDevice = await noteDevice(db, user.id, input.device, now);
	await recordAudit(
		db,
		{
			actorId: user.id,
			action: secondFactor ? 'auth.password_accepted' : 'auth.sign_in',
			subjectType: 'user',
			subjectId: user.id,
			details: { device: input.device },
		},
		now,
	);
	return {
		ok: true,
		token,
		session: session.id,
		expiresAt: session.expiresAt,
		userId: user.id,
		secondFactor,
		newDevice,
	};
}

/** Changes a password after checking the current one; ends every other session of the person. */
export async function changePassword(
	db: Db,
	input: { userId: string; sessionId: string; current: string; next: string },
): Promise<void> {
	const user = await findUserById(db, input.userId);
	if (!user || !(await verifyPassword(user.passwordHash, input.current)))
		throw new RuleError('invalid', 'Your current password is not right.', 'current');
	const problem = passwordProblem(input.next, user.email);
	if (problem) throw new RuleError('invalid', problem, 'next');
	await db
		.update(userTable)
		.set({ passwordHash: await hashPassword(input.next) })
		.where(eq(userTable.id, user.id));
	await invalidateUserSessions(db, user.id, input.sessionId);
	await recordAudit(db, {
		actorId: user.id,
		action: 'auth.password_changed',
		subjectType: 'user',
		subjectId: user.id,
	});
}
