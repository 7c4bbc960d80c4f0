/** The results of a practice search as CSV (formula-safe), for whoever may search. */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import { readQuery, searchRows } from '~/lib/server/cen/search';
import { toCsv } from '~/lib/csv';
import { csvType, downloadResponse } from '~/lib/server/http/download';

export const GET: APIRoute = async ({ locals, url }) => {
	const user = locals.user;
	if (!user) return new Response('Sign in first.', { status: 401 });
	if (user.role === 'secretariat' || user.role === 'home')
		return new Response('The CEN practice environment is for participants and RILO A/P.', {
			status: 403,
		});
	const own = user.role === 'participant' ? user.id : null;
	const rows = await searchRows(await getDb(), own, readQuery(url.searchParams));
	const csv = toCsv(rows.map((r) => ({ ...r, note: 'synthetic practice data, not CEN data' })));
	return downloadResponse(csv, csvType, 'cen-practice-search.csv');
};
