/** What an application's page needs beyond the application: sheets, own sheet, the decision. */
import type { Db } from '~db/client';
import { readApplication } from './application';
import { recusalOf, recusalsOn } from './declaration';
import { sheetsFor } from './score';
import { findSelection } from './selection-state';
import { assignmentsFor, automaticRecusal, listReviewers } from './assignment';
import { reviewProgress } from '~/lib/office/selection-rules';

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
	const recusals = await recusalsOn(db, id);
	const candidate = {
		administrationId: found.row.administration.id,
		administration: found.row.administration.name,
	};
	const assigned = ((await assignmentsFor(db, [id])).get(id) ?? []).map((a) => ({
		...a,
		recused:
			recusals.some((r) => r.reviewerId === a.reviewerId) ||
			a.administrationId === candidate.administrationId,
		scored: all.some((s) => s.reviewerId === a.reviewerId),
	}));
	// Who the office may still assign, and who is recused automatically (own administration).
	const reviewers = (await listReviewers(db))
		.filter((r) => !assigned.some((a) => a.reviewerId === r.id))
		.map((r) => ({ ...r, recusal: automaticRecusal(r, candidate) }));
	return {
		...found,
		sheets: open ? all : [],
		hiddenSheets: open ? 0 : all.length,
		ownSheet,
		recused,
		recusals,
		decision,
		assigned,
		assignedToMe: assigned.some((a) => a.reviewerId === reader.id),
		progress: reviewProgress(
			assigned.map((a) => ({ id: a.reviewerId, name: a.name, recused: a.recused })),
			all.map((s) => s.reviewerId),
		),
		reviewers,
	};
}
