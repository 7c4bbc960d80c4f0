/**
 * Keeps what someone typed when their session ended mid-edit: an hour-long, one-time stash
 * tied to that person, restored into the form after they sign in again.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '~db/client';
import { formStashTable } from '~db/schema';
import { newToken } from '../ids';

const lifetimeMs = 60 * 60 * 1000;

/** Fields never stashed. */
const secret = /password|token|^_/i;

/** Stores the submitted fields for `userId`; returns the stash id for the sign-in redirect. */
export async function stashForm(db: Db, userId: string, data: FormData): Promise<string> {
	const values: Record<string, string> = {};
	data.forEach((value, key) => {
		if (typeof value === 'string' && !secret.test(key)) values[key] = value;
	});
	const id = newToken();
	await db.delete(formStashTable).where(lt(formStashTable.expiresAt, new Date()));
	await db
		.insert(formStashTable)
		.values({ id, userId, values, expiresAt: new Date(Date.now() + lifetimeMs) });
	return id;
}

/** Takes (and deletes) a stash, only for the person it belongs to and only while fresh. */
export async function takeStash(
	db: Db,
	id: string,
	userId: string,
): Promise<Record<string, string> | null> {
	const [row] = await db
		.delete(formStashTable)
		.where(and(eq(formStashTable.id, id), eq(formStashTable.userId, userId)))
		.returning();
	if (!row || row.expiresAt.getTime() < Date.now()) return null;
	return row.values;
}
