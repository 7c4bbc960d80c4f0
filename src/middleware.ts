/**
 * Reads the session cookie, validates it, and puts the person on `locals`. It refreshes or
 * deletes the cookie as the session demands. No authorization happens here: pages and actions
 * check roles in their first lines.
 */
import { defineMiddleware } from 'astro:middleware';
import { getDb } from '~/lib/server/db';
import { sessionCookieName, validateSessionToken } from '~/lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '~/lib/server/auth/session-cookie';
import { calledAction, refuseMalformedAction } from '~/lib/server/http/action-request';
import { refuseOversizedBody } from '~/lib/server/http/body-limit';
import { mustEnrol } from '~/lib/server/auth/factor-policy';
import { enrolGate } from '~/lib/server/auth/enrol-gate';
import { server as actionTree } from '~/actions';
import { focusFirstError } from '~/lib/error-focus';
import { compressResponse } from '~/lib/server/http/compress';

/** True when a dotted name (`logbook.create`) is one action, not a group or nothing. */
function isAction(name: string): boolean {
	let node: unknown = actionTree;
	for (const part of name.split('.')) {
		if (!node || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
		node = (node as Record<string, unknown>)[part];
	}
	return typeof node === 'function';
}

export const onRequest = defineMiddleware(async (context, next) => {
	context.locals.user = null;
	context.locals.authSession = null;
	context.locals.expiredUserId = null;
	context.locals.pendingSession = null;
	context.locals.mustEnrol = false;
	// Prerendered pages are built without a request; their signed-in parts are server islands.
	if (context.isPrerendered) return next();
	const token = context.cookies.get(sessionCookieName)?.value;
	if (token) {
		const db = await getDb();
		const result = await validateSessionToken(db, token);
		if (result && 'session' in result && result.session.awaitingSecondFactor) {
			context.locals.pendingSession = result.session;
			if (result.refreshed) setSessionCookie(context, token, result.session.expiresAt);
		} else if (result && 'session' in result) {
			context.locals.user = result.user;
			context.locals.authSession = result.session;
			context.locals.mustEnrol = await mustEnrol(db, result.user, result.secondFactorExempt);
			// Re-send the cookie only when its expiry moved, so most responses set no cookie.
			if (result.refreshed) setSessionCookie(context, token, result.session.expiresAt);
		} else {
			if (result) context.locals.expiredUserId = result.expiredUserId;
			deleteSessionCookie(context);
		}
	}
	// Large bodies only from signed-in uploads; a malformed action request gets a 4xx and a
	// sentence, never Astro's 500.
	const call = calledAction(context.request, context.url);
	const refused =
		call &&
		((await refuseOversizedBody(context.request, Boolean(context.locals.user), call.rpc)) ??
			(await refuseMalformedAction(context.request, context.url, isAction)));
	if (refused) return refused;
	if (context.locals.mustEnrol) {
		const gate = enrolGate(context.request, context.url, call);
		if (gate) return gate;
	}
	const response = await next();
	// Signed-in pages hold personal and confidential material: never cache them.
	const someone = context.locals.user ?? context.locals.pendingSession;
	if (someone && !response.headers.has('Cache-Control'))
		response.headers.set('Cache-Control', 'private, no-store');
	const shown = context.request.method === 'POST' ? await focusOnRefusal(response) : response;
	return compressResponse(context.request, shown);
});

/**
 * A page answering a post with a refusal is sent with focus on the field (or the message) to put
 * right, so the browser shows it in view even without script (src/lib/error-focus.ts).
 */
async function focusOnRefusal(response: Response): Promise<Response> {
	// An error page Astro rendered in a pass of its own through this middleware arrives here
	// already compressed: its bytes are not text to edit.
	if (
		!response.headers.get('Content-Type')?.startsWith('text/html') ||
		!response.body ||
		response.headers.has('Content-Encoding')
	)
		return response;
	const html = await response.text();
	const headers = new Headers(response.headers);
	headers.delete('Content-Length');
	return new Response(focusFirstError(html, response.status >= 400), {
		status: response.status,
		statusText: response.statusText,
		headers,
	});
}
