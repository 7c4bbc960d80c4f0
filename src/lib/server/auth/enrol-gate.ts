/**
 * A person whose role requires a second factor and who has none can only set one up (or sign
 * out): every other page sends them to /account/second-factor, every other action is refused.
 */

/** The page where a second factor is set up. */
export const enrolPath = '/account/second-factor';

/** What such a person may still reach. */
const openPaths = new Set([enrolPath, '/logout', '/login', '/404', '/403']);
const openActions = new Set([
	'auth.enrolTotp',
	'auth.signOut',
	'passkey.registrationOptions',
	'passkey.register',
	'passkey.remove',
]);

/** The answer for a request of someone who must enrol first, or null when it may go on. */
export function enrolGate(
	request: Request,
	url: URL,
	call: { name: string; rpc: boolean } | null,
): Response | null {
	if (call) {
		if (openActions.has(call.name)) return null;
		const message = 'Set up a second factor first: your role requires one.';
		return call.rpc
			? Response.json(
					{ type: 'AstroActionError', code: 'FORBIDDEN', status: 403, message },
					{ status: 403 },
				)
			: new Response(message, {
					status: 403,
					headers: { 'Content-Type': 'text/plain; charset=utf-8' },
				});
	}
	if (openPaths.has(url.pathname.replace(/\/$/, '') || '/')) return null;
	if (request.method !== 'GET' && request.method !== 'HEAD')
		return new Response('Set up a second factor first.', { status: 403 });
	return new Response(null, {
		status: 302,
		headers: { Location: `${enrolPath}?required`, 'Cache-Control': 'no-store' },
	});
}
