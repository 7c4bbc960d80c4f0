/**
 * An edition's applications (or their score sheets, `?kind=sheets`) as CSV for the programme
 * office, filtered as the list is; formula-safe (src/lib/csv.ts); blind scoring respected; audited.
 */
import type { APIRoute } from 'astro';
import { toCsv } from '~/lib/csv';
import { factors } from '~/lib/office/rubric';
import { readListQuery } from '~/lib/office/application-list';
import { getDb } from '~/lib/server/db';
import { csvType, downloadResponse } from '~/lib/server/http/download';
import { mayReadApplications } from '~/lib/server/office/access';
import {
	applicationRows,
	auditExport,
	editionApplicationList,
	sheetRows,
} from '~/lib/server/office/application-list';

export const GET: APIRoute = async ({ locals, url }) => {
	const user = locals.user;
	if (!user) return new Response('Sign in first.', { status: 401 });
	if (!mayReadApplications(user))
		return new Response('Only the programme office exports applications.', { status: 403 });
	const db = await getDb();
	const list = await editionApplicationList(
		db,
		user,
		url.searchParams.get('edition') ?? '',
		readListQuery(url.searchParams),
	);
	if (!list) return new Response('No such edition.', { status: 404 });
	const sheets = url.searchParams.get('kind') === 'sheets';
	const rows = sheets ? sheetRows(list) : applicationRows(list);
	const csv = sheets
		? toCsv(rows as Record<string, string>[], [
				'Candidate',
				'Administration',
				'Reviewer',
				...factors.map((f) => f.label),
				'Total',
				'Comment',
			])
		: toCsv(rows as Record<string, string>[], [
				'Candidate',
				'Administration',
				'Submitted',
				'Standing',
				'Sheets',
				'Average',
				'Outcome',
			]);
	await auditExport(
		db,
		user,
		list.board.edition.id,
		sheets ? 'sheets' : 'applications',
		rows.length,
	);
	return downloadResponse(
		csv,
		csvType,
		`${sheets ? 'score-sheets' : 'applications'}-${list.board.edition.slug}.csv`,
	);
};
