/**
 * Sign-in sessions as the Lucia guide teaches them: a random token in the cookie, only its
 * SHA-256 in the database, inactivity expiry refreshed (at most once an hour, never past an
 * absolute limit), and revocation by deleting the row.
 */
import { and, eq, lt, ne, desc, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { preparedOnce } from '~db/prepared';
import { authSessionTable, userTable, type AuthSession, type User } from '~db/schema';
import { hashToken, newToken } from '../ids';

/** Name of the session cookie. */
export const sessionCookieName = 'auth_session';
/** A session unused for this long ends. */
export const inactivityMs = 3 * 24 * 60 * 60 * 1000;
/** No session lives longer than this, however active. */
export const absoluteLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/**
 * Activity is written back at most this often, so reads stay reads. The idle limit is three
 * days: an hour of slack on it changes nothing for anyone, while writing every minute was a
 * commit per person per minute (and the sessions list's "last seen" is right to the hour).
 */
export const refreshEveryMs = 60 * 60 * 1000;

/** The person behind a valid session, as pages and actions see them. */
export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role'>;

/**
 * Starts a new session; returns the token for the cookie (it is not stored). A session
 * `awaitingSecondFactor` signs nobody in until the second factor is given.
 */
export async function createSession(
	db: Db,
	userId: string,
	device: string,
	now = Date.now(),
	awaitingSecondFactor = false,
) {
	const token = newToken();
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now + inactivityMs),
		absoluteExpiresAt: new Date(now + absoluteLifetimeMs),
		lastSeenAt: new Date(now),
		device: device.slice(0, 200),
		awaitingSecondFactor,
	};
	await db.insert(authSessionTable).values(session);
	return { token, session };
}

/** What validating a cookie token can find. */
export type SessionCheck =
	| {
			session: AuthSession;
			user: SessionUser;
			refreshed: boolean;
			/** A demo account: never required to have a second factor. */
			secondFactorExempt: boolean;
	  }
	/** The session existed but has ended: whose it was, so typed text can be kept for them. */
	| { expiredUserId: string }
	| null;

/** The session with this id and its person (the query every signed-in request runs). */
const sessionWithUser = preparedOnce((db) =>
	db
		.select({ session: authSessionTable, user: userTable })
		.from(authSessionTable)
		.innerJoin(userTable, eq(userTable.id, authSessionTable.userId))
		.where(eq(authSessionTable.id, sql.placeholder('id')))
		.prepare(),
);

/** Checks a cookie token: the session and user (refreshed), whose session just expired, or null. */
export async function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now(),
): Promise<SessionCheck> {
	const id = hashToken(token);
	const [row] = await sessionWithUser(db).execute({ id });
	if (!row) return null;
	const { session, user } = row;
	if (now >= session.expiresAt.getTime() || user.disabledAt) {
		await db.delete(authSessionTable).where(eq(authSessionTable.id, id));
		return user.disabledAt ? null : { expiredUserId: user.id };
	}
	const refreshed = now - session.lastSeenAt.getTime() >= refreshEveryMs;
	if (refreshed) {
		session.lastSeenAt = new Date(now);
		session.expiresAt = new Date(Math.min(now + inactivityMs, session.absoluteExpiresAt.getTime()));
		await db
			.update(authSessionTable)
			.set({ lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt })
			.where(eq(authSessionTable.id, id));
	}
	return {
		session,
		user: { id: user.id, email: user.email, name: user.name, role: user.role },
		refreshed,
		secondFactorExempt: user.secondFactorExempt,
	};
}

/** Ends one session. */
export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(authSessionTable).where(eq(authSessionTable.id, sessionId));
}

/** Ends one of a person's own sessions (another person's id matches nothing); true when it did. */
export async function invalidateOwnSession(db: Db, userId: string, sessionId: string) {
	const gone = await db
		.delete(authSessionTable)
		.where(and(eq(authSessionTable.id, sessionId), eq(authSessionTable.userId, userId)))
		.returning({ id: authSessionTable.id });
	return gone.length === 1;
}

/** Ends every session of a person, or every one but `keepSessionId`. */
export async function invalidateUserSessions(db: Db, userId: string, keepSessionId?: string) {
	const mine = eq(authSessionTable.userId, userId);
	await db
		.delete(authSessionTable)
		.where(keepSessionId ? and(mine, ne(authSessionTable.id, keepSessionId)) : mine);
}

/** A person's live sessions, most recently used first. */
export async function listUserSessions(db: Db, userId: string, now = Date.now()) {
	const rows = await db
		.select()
		.from(authSessionTable)
		.where(eq(authSessionTable.userId, userId))
		.orderBy(desc(authSessionTable.lastSeenAt));
	return rows.filter((s) => s.expiresAt.getTime() > now && !s.awaitingSecondFactor);
}

/** Removes expired rows; cheap, called now and then. */
export async function deleteExpiredSessions(db: Db, now = Date.now()): Promise<void> {
	await db.delete(authSessionTable).where(lt(authSessionTable.expiresAt, new Date(now)));
}

/** A short, human description of a browser from its User-Agent, for the sessions list. */
export function describeDevice(userAgent: string | null): string {
	if (!userAgent) return 'Unknown device';
	const browser = /Edg\//.test(userAgent)
		? 'Edge'
		: /Firefox\//.test(userAgent)
			? 'Firefox'
			: /Chrom(e|ium)\//.test(userAgent)
				? 'Chrome'
				: /Safari\//.test(userAgent)
					? 'Safari'
					: 'Browser';
	// iPhones say "like Mac OS X", and Android says "Linux": the specific name is tested first.
	const os = /Windows/.test(userAgent)
		? 'Windows'
		: /iPhone|iPad/.test(userAgent)
			? 'iOS'
			: /Mac OS X/.test(userAgent)
				? 'macOS'
				: /Android/.test(userAgent)
					? 'Android'
					: /Linux/.test(userAgent)
						? 'Linux'
						: 'unknown system';
	return `${browser} on ${os}`;
}
