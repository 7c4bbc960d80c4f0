/** The start of a page whose form makes a new record (a seizure, a CEN message …). */
import type { AstroGlobal } from 'astro';
import type { SessionUser } from '../auth/session';
import { guardPage } from '../auth/page-guard';
import type { FormState } from './form';
import { pageForm } from './page-status';

type MadeResult = { data?: { id: string }; error?: unknown } | undefined;

/**
 * Once the record is made, its own page under `recordPath` with `?saved` (303, so a reload does
 * not post again); a request that must sign in or is refused gets that response. Otherwise the
 * person holding one of `roles` and the form's state, with the page's status set when it failed.
 */
export async function newRecordForm(
	astro: AstroGlobal,
	result: MadeResult,
	recordPath: string,
	...roles: SessionUser['role'][]
): Promise<Response | { user: SessionUser; form: FormState }> {
	if (result?.data && !result.error)
		return astro.redirect(`${recordPath}/${result.data.id}?saved`, 303);
	const user = await guardPage(astro, ...roles);
	if (user instanceof Response) return user;
	return { user, form: await pageForm(astro, result) };
}
