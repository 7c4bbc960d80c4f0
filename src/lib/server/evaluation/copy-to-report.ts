/**
 * Copying the participant's course evaluation into their report's programme-evaluation
 * section, as a start they rewrite: appended (never replacing what is there), as a new version.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportSectionTable, reportTable, type Report } from '~db/schema';
import type { EvaluationItem } from '~/lib/evaluation/items';
import { appendDraft } from '~/lib/report/draft';
import { RuleError } from '../errors';
import { evaluationDraftMarkdown } from './answers';
import { ensureReport, saveSection } from '../report/working-copy';
import type { SessionUser } from '../auth/session';
import { findRow } from '../find-row';

/**
 * True when the report takes no more changes. Today that is a closed or accepted report (an
 * archived cohort is refused by saveSection itself).
 */
export function reportLocked(report: Report): boolean {
	return report.status === 'closed' || report.acceptedAt !== null;
}

/** Appends the evaluation draft to the working copy of the evaluation section; refused when the report is locked. */
export async function copyEvaluationToReport(
	db: Db,
	participant: SessionUser,
	items: EvaluationItem[],
) {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only the participant writes their report.');
	const draft = await evaluationDraftMarkdown(db, participant.id, items);
	if (!draft)
		throw new RuleError(
			'conflict',
			'Save your course evaluation first: there is nothing to copy yet.',
		);
	await ensureReport(db, participant.id);
	const report = await findRow(db, reportTable, eq(reportTable.participantId, participant.id));
	if (reportLocked(report!))
		throw new RuleError(
			'conflict',
			'Your report is closed, so nothing more can be added to it. Your evaluation stays saved here.',
		);
	const section = await findRow(
		db,
		reportSectionTable,
		eq(reportSectionTable.participantId, participant.id),
		eq(reportSectionTable.kind, 'evaluation'),
	);
	if (!section) throw new RuleError('not_found', 'Your report has no evaluation section.');
	const outline = appendDraft(section.outline, draft, 'From my course evaluation — rewrite freely');
	return saveSection(db, participant, section.id, section.version, {
		outline,
		notes: section.notes,
	});
}
