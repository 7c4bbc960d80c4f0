/** The cohort page as CSV (src/lib/csv.ts: formula-safe, with a BOM). */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import { loadCohortPage } from '~/lib/server/cohort/overview';
import { publishedModules } from '~/lib/server/course/modules';
import { csvRecord } from '~/lib/cohort/table';
import { toCsv } from '~/lib/csv';
import { csvType, downloadResponse } from '~/lib/server/http/download';

export const GET: APIRoute = async ({ locals, url }) => {
	const user = locals.user;
	if (!user) return new Response('Sign in first.', { status: 401 });
	if (user.role !== 'mentor' && user.role !== 'admin')
		return new Response('Only mentors and admins export the cohort.', { status: 403 });
	const page = await loadCohortPage(
		await getDb(),
		user,
		url.searchParams,
		await publishedModules(),
	);
	if (!page.cohort) return new Response('No such cohort.', { status: 404 });
	const records = page.rows.map((r) => csvRecord(r, page.cohort!.timezone));
	const csv = toCsv(records);
	const slug = page.cohort.edition.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return downloadResponse(csv, csvType, `cohort-${slug}-${page.today}.csv`);
};
