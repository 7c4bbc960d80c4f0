/** What the practice search page shows for a URL: the query, a page of results, counts, saved searches. */
import type { Db } from '~db/client';
import type { SessionUser } from '../auth/session';
import { listMaterials } from './material';
import { countBy, pageOf, queryString, readQuery, searchRows } from './search';

/** Everything the search page renders. */
export async function loadSearchPage(db: Db, viewer: SessionUser, url: URL) {
	const query = readQuery(url.searchParams);
	const own = viewer.role === 'participant' ? viewer.id : null;
	const matched = await searchRows(db, own, query);
	const page = pageOf(matched, Number(url.searchParams.get('page') ?? 1));
	const saved = own ? (await listMaterials(db, own)).filter((m) => m.kind === 'search') : [];
	return {
		query,
		qs: queryString(query),
		total: matched.length,
		practiceCount: matched.filter((r) => r.source === 'practice').length,
		counts: countBy(matched, query.group).slice(0, 15),
		...page,
		saved,
		canSave: own !== null,
	};
}
