/**
 * The synthetic seizure data set for the data lab, as the committed gzip bytes. Signed-in
 * people only; the browser unzips it (Content-Encoding) and caches it privately for an hour.
 */
import type { APIRoute } from 'astro';
import { readSeizureData, unzippedSize } from '~/lib/server/lab/exercises';

export const GET: APIRoute = async (context) => {
	if (!context.locals.user)
		return new Response('Sign in to download the data set.', { status: 401 });
	const gz = await readSeizureData();
	return new Response(new Uint8Array(gz), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Encoding': 'gzip',
			'Content-Length': String(gz.length),
			'Cache-Control': 'private, max-age=3600',
			// Lets the lab show real progress: Content-Length counts the zipped bytes.
			'X-Unzipped-Length': String(unzippedSize(gz)),
			'Content-Disposition': 'inline; filename="synthetic-seizures.csv"',
		},
	});
};
