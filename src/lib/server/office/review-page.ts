/** What an application's page needs beyond the application: sheets, own sheet, the decision. */
import type { Db } from '~db/client';
import { readApplication } from './application';
import { sheetsFor } from './score';
import { findSelection } from './selection-state';

/** The application (audited read), its sheets, the reader's own, and the edition's decision. */
export async function applicationReviewPage(
	db: Db,
	reader: { id: string; role: string },
	id: string,
) {
	const found = await readApplication(db, reader, id);
	if (!found) return null;
	const sheets = (await sheetsFor(db, [id])).get(id) ?? [];
	const decision = await findSelection(db, found.row.edition.id);
	return {
		...found,
		sheets,
		ownSheet: sheets.find((s) => s.reviewerId === reader.id) ?? null,
		decision,
	};
}
