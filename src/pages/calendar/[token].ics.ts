/** A participant's private calendar feed; the token in the URL is the only key. */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import { calendarFeed } from '~/lib/server/calendar';

export const GET: APIRoute = async ({ params }) => {
	const token = params.token ?? '';
	const ics = /^[a-z2-7]{32}$/.test(token) ? await calendarFeed(await getDb(), token) : null;
	if (!ics) return new Response('Not found.', { status: 404 });
	return new Response(ics, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Cache-Control': 'private, no-store',
		},
	});
};
