/**
 * "Submit final report" freezes a numbered snapshot of every section; the working copy stays
 * editable until the report is accepted, the snapshot never is. The version is then delivered to
 * its three recipients (oversight/delivery.ts).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	reportSectionTable,
	reportTable,
	reportVersionSectionTable,
	reportVersionTable,
	type Report,
	type ReportVersion,
} from '~db/schema';
import { todayIn } from '~/lib/dates';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { assertWritable, findCurrentCohort } from '../cohort/manage';
import { RuleError } from '../errors';
import { newId } from '../ids';
import { deliverVersion } from '../oversight/delivery';
import { confirmSubmission } from '../oversight/delivery-receipt';
import { loadReport } from './versions';
import { closedMessage } from './working-copy';

function refuseSubmission(report: Report): never {
	const why: Partial<Record<Report['status'], string>> = {
		outline_drafted:
			'Record the outline presentation first (in the status box above); then submit the final report.',
		final_submitted:
			'Version 1 is with your mentors for a decision. You can submit again if they return it for corrections.',
		corrections_submitted:
			'Your corrected version is with your mentors for a decision. You can submit again if they return it.',
		closed: closedMessage,
	};
	throw new RuleError('conflict', why[report.status] ?? 'The report cannot be submitted now.');
}

/** The participant freezes their working copy as the next numbered version. */
export async function submitVersion(
	db: Db,
	participant: SessionUser,
	now = new Date(),
): Promise<ReportVersion> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only the participant submits their report.');
	const report = await loadReport(db, participant, participant.id);
	const cohort = await findCurrentCohort(db, participant.id);
	if (cohort) assertWritable(cohort);
	if (report.status !== 'outline_presented' && report.status !== 'corrections_requested')
		refuseSubmission(report);
	const version = await db.transaction(async (tx) => {
		const [last] = await tx
			.select({ max: sql<number>`max(${reportVersionTable.number})` })
			.from(reportVersionTable)
			.where(eq(reportVersionTable.participantId, participant.id));
		const number = Number(last?.max ?? 0) + 1;
		const [row] = await tx
			.insert(reportVersionTable)
			.values({ id: newId(), participantId: participant.id, number, submittedAt: now })
			.returning();
		const sections = await tx
			.select()
			.from(reportSectionTable)
			.where(eq(reportSectionTable.participantId, participant.id))
			.orderBy(asc(reportSectionTable.position));
		await tx.insert(reportVersionSectionTable).values(
			sections.map((s, i) => ({
				versionId: row!.id,
				sectionId: s.id,
				position: i + 1,
				kind: s.kind,
				title: s.title,
				outline: s.outline,
				notes: s.notes,
			})),
		);
		const moved = await tx
			.update(reportTable)
			.set({
				status: number === 1 ? 'final_submitted' : 'corrections_submitted',
				...(number > 1
					? { correctionsSubmittedOn: todayIn(cohort?.timezone ?? 'Asia/Tokyo', now) }
					: {}),
				updatedAt: now,
			})
			.where(
				and(eq(reportTable.participantId, participant.id), eq(reportTable.status, report.status)),
			)
			.returning();
		if (!moved.length)
			throw new RuleError('conflict', 'The report changed meanwhile. Reload and try again.');
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'report.version_submit',
			subjectType: 'report_version',
			subjectId: row!.id,
			details: { participant: participant.id, number },
		});
		await confirmSubmission(tx, row!, now);
		return row!;
	});
	// RILO A/P (mentors and admins) is told by the delivery itself, as are the other two recipients.
	await deliverVersion(db, version, participant.name, now);
	return version;
}
