/** What an application's page needs beyond the application: sheets, own sheet, the decision. */
import type { Db } from '~db/client';
import { readApplication } from './application';
import { recusalOf, recusalsOn } from './declaration';
import { sheetsFor } from './score';
import { findSelection } from './selection-state';

/**
 * The application (audited read), its sheets, the reader's own, the recusals and the edition's
 * decision. Scoring is blind: other reviewers' sheets are withheld (only counted) until the
 * reader has submitted their own, unless the reader is recused or the selection is recorded.
 */
export async function applicationReviewPage(
	db: Db,
	reader: { id: string; role: string },
	id: string,
) {
	const found = await readApplication(db, reader, id);
	if (!found) return null;
	const all = (await sheetsFor(db, [id])).get(id) ?? [];
	const decision = await findSelection(db, found.row.edition.id);
	const ownSheet = all.find((s) => s.reviewerId === reader.id) ?? null;
	const recused = await recusalOf(db, reader.id, {
		id,
		administrationId: found.row.administration.id,
		administrationName: found.row.administration.name,
	});
	const open = Boolean(ownSheet || recused || decision);
	return {
		...found,
		sheets: open ? all : [],
		hiddenSheets: open ? 0 : all.length,
		ownSheet,
		recused,
		recusals: await recusalsOn(db, id),
		decision,
	};
}
