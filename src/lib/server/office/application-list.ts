/**
 * An edition's applications as the office works through them: searched, filtered, sorted, and
 * exported as CSV (applications, and score sheets), blind scoring respected.
 */
import type { Db } from '~db/client';
import { factors } from '~/lib/office/rubric';
import { standingLabel } from '~/lib/office/screening';
import { applyListQuery, type ListItem, type ListQuery } from '~/lib/office/application-list';
import { recordAudit } from '../audit';
import { selectionBoard } from './selection';

/** The edition's submitted applications for this reader, filtered and sorted, with the reviewers. */
export async function editionApplicationList(
	db: Db,
	reader: { id: string; role: string },
	editionId: string,
	query: ListQuery,
) {
	const board = await selectionBoard(db, reader, editionId);
	if (!board) return null;
	const items: (ListItem & { entry: (typeof board.entries)[number] })[] = board.entries.map(
		(e) => ({
			id: e.row.application.id,
			name: e.row.nomination.candidateName,
			administrationId: e.row.administration.id,
			administration: e.row.administration.name,
			submittedAt: e.row.application.submittedAt!,
			standing: e.standing,
			average: e.blind ? null : e.average,
			reviewerIds: e.sheets.map((s) => s.reviewerId),
			assignedIds: e.assigned.map((a) => a.reviewerId),
			entry: e,
		}),
	);
	const kept = applyListQuery(items, query) as typeof items;
	const administrations = [
		...new Map(items.map((i) => [i.administrationId, i.administration] as const)),
	].sort((a, b) => a[1].localeCompare(b[1]));
	return { board, items: kept, administrations };
}

/** The CSV rows of the list (one per application), as exported. */
export function applicationRows(
	list: NonNullable<Awaited<ReturnType<typeof editionApplicationList>>>,
) {
	return list.items.map((i) => ({
		Candidate: i.name,
		Administration: i.administration,
		Submitted: i.submittedAt.toISOString(),
		Standing: standingLabel[i.standing],
		Sheets: String(i.entry.sheets.length),
		'Assigned reviewers': i.entry.assigned.map((a) => a.name).join('; '),
		'Assigned sheets in': i.entry.assigned.length
			? `${i.entry.progress.in} of ${i.entry.progress.expected}`
			: '',
		Average: i.entry.blind ? 'hidden until you score' : String(i.average ?? ''),
		Outcome: list.board.decision ? (i.entry.selected ? 'Selected' : 'Not selected') : '',
	}));
}

/** The CSV rows of the score sheets this reader may see (one per sheet). */
export function sheetRows(list: NonNullable<Awaited<ReturnType<typeof editionApplicationList>>>) {
	return list.items.flatMap((i) =>
		i.entry.blind
			? []
			: i.entry.sheets.map((s) => ({
					Candidate: i.name,
					Administration: i.administration,
					Reviewer: s.reviewer,
					...Object.fromEntries(factors.map((f) => [f.label, String(s.scores[f.key] ?? '')])),
					Total: String(s.total ?? ''),
					Comment: s.comment,
				})),
	);
}

/** Records that a person exported an edition's applications (they hold personal data). */
export async function auditExport(
	db: Db,
	reader: { id: string },
	editionId: string,
	kind: string,
	count: number,
) {
	await recordAudit(db, {
		actorId: reader.id,
		action: 'application.export',
		subjectType: 'edition',
		subjectId: editionId,
		details: { kind, count },
	});
}
