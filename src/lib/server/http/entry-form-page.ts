/** The start the logbook's "new entry" and "edit entry" pages share. */
import type { AstroGlobal } from 'astro';
import type { Db } from '~db/client';
import { getDb } from '../db';
import { guardTypedForm, type TypedFormGuard } from './typed-form';

type SaveResult =
	{ data?: { id: string; done: string }; error?: { code: string; status: number } } | undefined;

/**
 * A saved entry goes to its own page, which shows the one-time message (303, so a reload does
 * not post again); a request that must sign in or is refused gets that response. Otherwise the
 * database and the participant's guard, for the page to go on.
 */
export async function startEntryForm(
	astro: AstroGlobal,
	result: SaveResult,
): Promise<Response | { db: Db; guard: TypedFormGuard }> {
	if (result?.data && !result.error)
		return astro.redirect(`/logbook/${result.data.id}?done=${result.data.done}`, 303);
	const db = await getDb();
	const guard = await guardTypedForm(astro, db, result, 'participant');
	return guard instanceof Response ? guard : { db, guard };
}
