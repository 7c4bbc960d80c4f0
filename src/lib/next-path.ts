/**
 * Where to send someone after signing in. The `next` parameter comes from a URL or a hidden form
 * field, so it is untrusted: it is resolved against the site's own origin like a browser would,
 * and only a path on that origin is kept. Anything else — another host, a scheme, `//host`,
 * `/\host`, a tab or line break that browsers silently drop — falls back to the dashboard.
 */

/** Where a signed-in person lands when `next` is missing or refused. */
export const defaultNext = '/dashboard';

/** An origin nobody serves: resolving against it shows whether `next` stays on the site. */
const placeholderOrigin = 'https://portal.invalid';

/** C0 controls, DEL and the C1 range: never part of a path anyone typed or we produced. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The same-origin path (with query and fragment, percent-encoded) that `next` names, or
 * `/dashboard`. `origin` is the site's origin; a full URL on that origin is accepted too.
 */
export function resolveNext(next: string | null | undefined, origin = placeholderOrigin): string {
	if (!next || next.length > 2000 || controlCharacter.test(next)) return defaultNext;
	if (!next.startsWith('/') && !next.startsWith(`${origin}/`)) return defaultNext;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return defaultNext;
	}
	if (url.origin !== new URL(origin).origin) return defaultNext;
	const path = url.pathname + url.search + url.hash;
	// The parser turns `/\host` and `/.//host` into paths that a second resolution would read as
	// another host; a path that starts with two slashes is never one the site links to.
	return path.startsWith('//') ? defaultNext : path;
}
