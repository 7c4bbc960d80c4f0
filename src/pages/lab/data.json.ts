/**
 * The synthetic data set in columns (src/lib/lab/columns.ts), for the lab's worker. Signed-in
 * people only. Compressed once per process; the URL carries the data's version, so a browser
 * keeps the right version for a year and any other version must be checked again.
 */
import type { APIRoute } from 'astro';
import { labPayload, pickEncoding, uncompressedBody } from '~/lib/server/lab/data';

export const GET: APIRoute = async (context) => {
	if (!context.locals.user)
		return new Response('Sign in to download the data set.', { status: 401 });
	const bodies = await labPayload();
	const { version } = bodies;
	const encoding = pickEncoding(context.request.headers.get('accept-encoding'));
	const etag = `"${version}-${encoding ?? 'identity'}"`;
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		Vary: 'Accept-Encoding',
		ETag: etag,
		'Cache-Control':
			context.url.searchParams.get('v') === version
				? 'private, max-age=31536000, immutable'
				: 'private, no-cache',
		// Lets the lab show real progress: Content-Length counts the compressed bytes.
		'X-Unzipped-Length': String(bodies.unzippedLength),
	};
	if (context.request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	const body = encoding ? bodies[encoding] : uncompressedBody(bodies);
	if (encoding) headers['Content-Encoding'] = encoding;
	headers['Content-Length'] = String(body.length);
	return new Response(new Uint8Array(body), { headers });
};
