/** The cohort page as CSV (papaparse; cells that a spreadsheet would run as formulas are escaped). */
import type { APIRoute } from 'astro';
import Papa from 'papaparse';
import { getDb } from '~/lib/server/db';
import { loadCohortPage } from '~/lib/server/cohort/overview';
import { publishedModules } from '~/lib/server/course/modules';
import { csvRecord } from '~/lib/cohort/table';
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
	// A leading BOM so spreadsheet programs read the UTF-8 correctly.
	const csv = '\uFEFF' + Papa.unparse(records, { escapeFormulae: true });
	const slug = page.cohort.edition.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return downloadResponse(csv, csvType, `cohort-${slug}-${page.today}.csv`);
};
