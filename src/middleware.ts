/**
 * Reads the session cookie, validates it, and puts the person on `locals`. It refreshes or
 * deletes the cookie as the session demands. No authorization happens here: pages and actions
 * check roles in their first lines.
 */
import { defineMiddleware } from 'astro:middleware';
import { getDb } from '~/lib/server/db';
import { sessionCookieName, validateSessionToken } from '~/lib/server/session';
import { deleteSessionCookie, setSessionCookie } from '~/lib/server/session-cookie';

export const onRequest = defineMiddleware(async (context, next) => {
	context.locals.user = null;
	context.locals.authSession = null;
	context.locals.expiredUserId = null;
	// Prerendered pages are built without a request; their signed-in parts are server islands.
	if (context.isPrerendered) return next();
	const token = context.cookies.get(sessionCookieName)?.value;
	if (token) {
		const result = await validateSessionToken(await getDb(), token);
		if (result && 'session' in result) {
			context.locals.user = result.user;
			context.locals.authSession = result.session;
			// Re-send the cookie only when its expiry moved, so most responses set no cookie.
			if (result.refreshed) setSessionCookie(context, token, result.session.expiresAt);
		} else {
			if (result) context.locals.expiredUserId = result.expiredUserId;
			deleteSessionCookie(context);
		}
	}
	const response = await next();
	// Signed-in pages hold personal and confidential material: never cache them.
	if (context.locals.user && !response.headers.has('Cache-Control'))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
});
