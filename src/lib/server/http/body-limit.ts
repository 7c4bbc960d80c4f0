/**
 * How large an action request may be. Only signed-in people upload files (materials up to 5 MB,
 * src/lib/server/cen/upload-check.ts), so only their multipart forms get Astro's large limit
 * (`security.actionBodySizeLimit` in astro.config.mjs); any other signed-in request gets 1 MiB,
 * and a signed-out one (sign-in, the public call, links from emails) 256 KiB. A body that says
 * nothing of its length is read only as far as its limit.
 */

/**
 * A signed-out request. The longest public form (the application: about 14,600 characters at
 * most) filled to every limit with non-Latin text is about 175 KiB once percent-encoded.
 */
export const signedOutLimit = 256 * 1024;
/** A signed-in request that is not a multipart upload. */
export const signedInLimit = 1024 * 1024;
/** A signed-in multipart upload: the same as Astro's own limit. */
export const uploadLimit = 12 * 1024 * 1024;

/** The largest body this request may carry. */
export function bodyLimit(request: Request, signedIn: boolean): number {
	if (!signedIn) return signedOutLimit;
	const type = request.headers.get('content-type') ?? '';
	return type.toLowerCase().startsWith('multipart/form-data') ? uploadLimit : signedInLimit;
}

/** True when the body is longer than `limit` bytes (read from a copy, and no further than needed). */
async function longerThan(request: Request, limit: number): Promise<boolean> {
	const declared = request.headers.get('content-length');
	if (declared !== null) return Number(declared) > limit;
	if (!request.body) return false;
	const reader = request.clone().body!.getReader();
	let seen = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return false;
		seen += value.byteLength;
		if (seen > limit) {
			// Not awaited: cancelling one branch of a cloned body settles only when both are.
			void reader.cancel().catch(() => {});
			return true;
		}
	}
}

/** A 413 with a sentence when the body is over the limit for this request, else null. */
export async function refuseOversizedBody(
	request: Request,
	signedIn: boolean,
	rpc: boolean,
): Promise<Response | null> {
	const limit = bodyLimit(request, signedIn);
	if (!(await longerThan(request, limit))) return null;
	const message = signedIn
		? `This request is larger than the ${limit / 1024 / 1024} MiB the portal accepts.`
		: `This request is larger than the ${limit / 1024} KiB the portal accepts from someone not signed in. Sign in first if you are uploading a file.`;
	const headers = { 'Cache-Control': 'no-store', Connection: 'close' };
	return rpc
		? Response.json(
				{ type: 'AstroActionError', code: 'CONTENT_TOO_LARGE', status: 413, message },
				{ status: 413, headers },
			)
		: new Response(message, {
				status: 413,
				headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
			});
}
