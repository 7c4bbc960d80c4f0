/** The first lines of every protected page: signed in? right role? */
import type { AstroGlobal } from 'astro';
import type { SessionUser } from './session';

/**
 * Returns the signed-in person when they hold one of `roles` (any role when none given).
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
	if (roles.length && !roles.includes(user.role)) return astro.rewrite('/403');
	return user;
}
