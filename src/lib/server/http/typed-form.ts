/**
 * The start of a form page that must not lose what was typed: a "Preview" post renders without
 * saving, a post whose session had ended is stashed through the sign-in, and the stash comes
 * back into the form afterwards. The logbook's new and edit pages share it.
 */
import type { AstroGlobal } from 'astro';
import type { Db } from '~db/client';
import { guardPage, resumeAfterSignIn } from '../auth/page-guard';
import type { SessionUser } from '../auth/session';
import { submittedText, type FormState } from './form';
import { stashForm, takeStash } from './form-stash';
import { pageForm } from './page-status';

type Result = { data?: unknown; error?: { code: string; status: number } } | undefined;

/** What a typed-form page knows once the person may see it. */
export type TypedFormGuard = { user: SessionUser; preview: boolean };

/**
 * Either the response to send (sign in again with the post stashed, or the guard's refusal) or
 * the signed-in person and whether this request is a preview.
 */
export async function guardTypedForm(
	astro: AstroGlobal,
	db: Db,
	result: Result,
	role: SessionUser['role'],
): Promise<Response | TypedFormGuard> {
	// A "Preview" posts here without an action: render it, keep every value, save nothing.
	const preview =
		!result && astro.request.method === 'POST' && astro.url.searchParams.has('preview');
	if (result?.error?.code === 'UNAUTHORIZED' || (preview && !astro.locals.user))
		return resumeAfterSignIn(astro, (userId, data) => stashForm(db, userId, data));
	const user = await guardPage(astro, role);
	return user instanceof Response ? user : { user, preview };
}

/** The stash named by `?restore=`, taken once, when it is this person's and still fresh. */
export async function takeRestored(
	astro: AstroGlobal,
	db: Db,
	userId: string,
): Promise<Record<string, string> | null> {
	const id = astro.url.searchParams.get('restore');
	return id ? takeStash(db, id, userId) : null;
}

/**
 * The form state (status set on failure) and the values to lay over the saved ones: a restored
 * stash, then a previewed post, then a failed post, the later winning.
 */
export async function typedFormValues(
	astro: AstroGlobal,
	db: Db,
	result: Result,
	{ user, preview }: TypedFormGuard,
): Promise<{
	form: FormState;
	restored: Record<string, string> | null;
	typed: Record<string, string>;
}> {
	const form = await pageForm(astro, result);
	const previewed = preview ? await submittedText(astro.request) : {};
	const restored = await takeRestored(astro, db, user.id);
	return { form, restored, typed: { ...restored, ...previewed, ...form.values } };
}
