/**
 * The one-click link in every email that changes how its recipient gets that kind of message,
 * without signing in. The token names the person and the kind and carries an HMAC made with a
 * secret the portal keeps in its database (shared by every instance), so it cannot be forged
 * for anyone else or any other purpose. It grants nothing but that one preference.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { appSecretTable } from '~db/schema';
import { isMessageKind, type MessageKind } from '~/lib/clock/reminder-kinds';
import { findRow } from '../find-row';

const secretName = 'preference_link';
/** One key per open database (tests open several in one process). */
const keys = new WeakMap<Db, Buffer>();

/** The signing key, made once (the first instance to ask writes it; the others read it). */
async function signingKey(db: Db): Promise<Buffer> {
	const known = keys.get(db);
	if (known) return known;
	await db
		.insert(appSecretTable)
		.values({ name: secretName, value: randomBytes(32).toString('base64') })
		.onConflictDoNothing();
	const row = await findRow(db, appSecretTable, eq(appSecretTable.name, secretName));
	const key = Buffer.from(row!.value, 'base64');
	keys.set(db, key);
	return key;
}

function mac(key: Buffer, userId: string, kind: string): string {
	return createHmac('sha256', key).update(`preference|${userId}|${kind}`).digest('base64url');
}

/** The token for one person and one kind of message. */
export async function preferenceToken(db: Db, userId: string, kind: MessageKind): Promise<string> {
	return `${userId}.${kind}.${mac(await signingKey(db), userId, kind)}`;
}

/** The person and kind a token is for, or null when it is malformed or forged. */
export async function readPreferenceToken(
	db: Db,
	token: string,
): Promise<{ userId: string; kind: MessageKind } | null> {
	const [userId, kind, signature, ...rest] = token.split('.');
	if (!userId || !kind || !signature || rest.length || !isMessageKind(kind)) return null;
	const expected = Buffer.from(mac(await signingKey(db), userId, kind));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	return { userId, kind };
}
