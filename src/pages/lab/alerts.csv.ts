/**
 * The synthetic alert log for the thematic study on alert intelligence (feedback-return rate, hit
 * rate of alert-driven controls, time from seizure to alert). Signed-in people only.
 */
import type { APIRoute } from 'astro';
import { readAlertLog } from '~/lib/server/lab/alert-log';

export const GET: APIRoute = async (context) => {
	if (!context.locals.user)
		return new Response('Sign in to download the alert log.', { status: 401 });
	const csv = await readAlertLog();
	return new Response(new Uint8Array(csv), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Length': String(csv.length),
			'Cache-Control': 'private, max-age=3600',
			'Content-Disposition': 'attachment; filename="synthetic-alert-log.csv"',
		},
	});
};
