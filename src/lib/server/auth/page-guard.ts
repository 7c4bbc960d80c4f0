/** The first lines of every protected page: signed in? right role? */
import type { AstroGlobal } from 'astro';
import type { SessionUser } from './session';

/** The programme's own roles: what a page admits when it names none. */
const programmeRoles: SessionUser['role'][] = ['participant', 'mentor', 'admin'];

/**
 * Returns the signed-in person when they hold one of `roles` (participant, mentor or admin when
 * none given: the WCO Secretariat and home contacts reach only pages that name them).
 * Otherwise returns the response to send: a redirect to sign-in that comes back here, or 403.
 */
export async function guardPage(
	astro: AstroGlobal,
	...roles: SessionUser['role'][]
): Promise<SessionUser | Response> {
	const user = astro.locals.user;
	if (!user) {
		const next = astro.url.pathname + astro.url.search;
		return astro.redirect(`/login?next=${encodeURIComponent(next)}`, 302);
	}
	if (!(roles.length ? roles : programmeRoles).includes(user.role)) return astro.rewrite('/403');
	return user;
}

/**
 * For a form page whose action answered 401: keep what was typed (when we know whose session
 * just ended) and send the person to sign in, coming back to this page with the text restored.
 */
export async function resumeAfterSignIn(
	astro: AstroGlobal,
	stash: (userId: string, data: FormData) => Promise<string>,
): Promise<Response> {
	const back = new URL(astro.url);
	back.searchParams.delete('_action');
	const userId = astro.locals.expiredUserId;
	if (userId) back.searchParams.set('restore', await stash(userId, await astro.request.formData()));
	return astro.redirect(
		`/login?expired&next=${encodeURIComponent(back.pathname + back.search)}`,
		303,
	);
}
