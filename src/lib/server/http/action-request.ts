/**
 * Requests to an action that Astro would answer with a 500 or a blank 415: a body that is not
 * the JSON or form data it claims to be, a content type actions do not take, or a name that is
 * a group of actions rather than one. Each gets a 4xx and a sentence instead, before Astro
 * reads the body. Browsers and the portal's own scripts never send these; probes and broken
 * clients do.
 */

/** Bodies above Astro's action limit (1 MiB) are left to Astro, which answers 413 itself. */
const checkedBodyLimit = 1024 * 1024;
const formTypes = ['multipart/form-data', 'application/x-www-form-urlencoded'];

type Refusal = { status: number; code: string; message: string };

/** The action a POST calls (`/_actions/<name>` or `?_action=<name>`), or null for other requests. */
export function calledAction(request: Request, url: URL): { name: string; rpc: boolean } | null {
	if (request.method !== 'POST') return null;
	const rpc = /^\/_actions\/(.*)$/.exec(url.pathname);
	if (rpc) return { name: decodeURIComponent(rpc[1]!).replace(/\/$/, ''), rpc: true };
	const name = url.searchParams.get('_action');
	return name === null ? null : { name, rpc: false };
}

/** Why the body of `request` cannot be what it says it is, or null when it reads fine. */
async function bodyProblem(request: Request): Promise<Refusal | null> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!type) return null;
	if (Number(request.headers.get('content-length') ?? 0) > checkedBodyLimit) return null;
	if (type === 'application/json') {
		const text = await request.clone().text();
		if (!text) return null;
		try {
			JSON.parse(text);
			return null;
		} catch {
			return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
		}
	}
	if (formTypes.includes(type)) {
		try {
			await request.clone().formData();
			return null;
		} catch {
			return {
				status: 400,
				code: 'BAD_REQUEST',
				message: 'The form data in this request is malformed and could not be read.',
			};
		}
	}
	return {
		status: 415,
		code: 'UNSUPPORTED_MEDIA_TYPE',
		message: 'Actions accept form data or JSON only.',
	};
}

/**
 * A response for a malformed action request, or null to let Astro run the action. `isAction`
 * says whether a dotted name (`logbook.create`) is one action of the site.
 */
export async function refuseMalformedAction(
	request: Request,
	url: URL,
	isAction: (name: string) => boolean,
): Promise<Response | null> {
	const call = calledAction(request, url);
	if (!call) return null;
	const refusal: Refusal | null = isAction(call.name)
		? await bodyProblem(request)
		: { status: 404, code: 'NOT_FOUND', message: `There is no action called "${call.name}".` };
	if (!refusal) return null;
	const headers = { 'Cache-Control': 'no-store' };
	// Astro's action client reads errors in this shape; a form post gets the plain sentence.
	return call.rpc
		? Response.json({ type: 'AstroActionError', ...refusal }, { status: refusal.status, headers })
		: new Response(refusal.message, {
				status: refusal.status,
				headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
			});
}
