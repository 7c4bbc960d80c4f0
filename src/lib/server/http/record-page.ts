/** The start of a page that shows one record (`/…/[id]`) to whoever may see it. */
import type { AstroGlobal } from 'astro';
import type { Db } from '~db/client';
import type { SessionUser } from '../auth/session';
import { guardPage } from '../auth/page-guard';
import { getDb } from '../db';

/**
 * The signed-in person (else the sign-in redirect), the database, and the record `find` returns
 * for the `id` in the address; a record they may not see, or none, is a 404.
 */
export async function startRecordPage<T>(
	astro: AstroGlobal,
	find: (db: Db, viewer: SessionUser, id: string) => Promise<T | null>,
): Promise<Response | { user: SessionUser; db: Db; record: T }> {
	const user = await guardPage(astro);
	if (user instanceof Response) return user;
	const db = await getDb();
	const record = await find(db, user, astro.params.id!);
	if (!record) return astro.rewrite('/404');
	return { user, db, record };
}
