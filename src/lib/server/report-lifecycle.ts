/**
 * The report's lifecycle before and around submission: outline drafted -> outline presented ->
 * (versions: see report-version.ts) -> closed. Also where each submitted version was sent.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportSubmissionTable, reportTable, type Recipient, type Report } from '~db/schema';
import { recordAudit } from './audit';
import { notFound, RuleError } from './errors';
import { findVisibleParticipant } from './access';
import { assertOwnReportWritable, closedMessage, ensureReport } from './report';
import { findVersion } from './report-version';
import type { SessionUser } from './session';

async function loadReport(db: Db, viewer: SessionUser, participantId: string): Promise<Report> {
	if (!(await findVisibleParticipant(db, viewer, participantId))) throw notFound('report');
	await ensureReport(db, participantId);
	return (
		await db.select().from(reportTable).where(eq(reportTable.participantId, participantId))
	)[0]!;
}

/** The participant (or their mentor) records that the outline was presented, and when. */
export async function markOutlinePresented(
	db: Db,
	actor: SessionUser,
	participantId: string,
	day: string,
) {
	if (actor.role === 'admin')
		throw new RuleError('forbidden', 'The participant or their mentor records the presentation.');
	const report = await loadReport(db, actor, participantId);
	if (actor.role === 'participant') await assertOwnReportWritable(db, actor);
	if (report.status === 'closed') throw new RuleError('conflict', closedMessage);
	if (report.status !== 'outline_drafted')
		throw new RuleError('conflict', 'The outline presentation is already recorded.');
	await db.transaction(async (tx) => {
		const moved = await tx
			.update(reportTable)
			.set({ status: 'outline_presented', outlinePresentedOn: day, updatedAt: new Date() })
			.where(
				and(eq(reportTable.participantId, participantId), eq(reportTable.status, report.status)),
			)
			.returning();
		if (!moved.length)
			throw new RuleError('conflict', 'The report changed meanwhile. Reload and try again.');
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'report.outline_presented',
			subjectType: 'report',
			subjectId: participantId,
			details: { day },
		});
	});
}

/** Records the day the latest submitted version went to a recipient (the participant's own note). */
export async function recordSubmission(
	db: Db,
	participant: SessionUser,
	recipient: Recipient,
	day: string,
) {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'The participant records where the report was sent.');
	await loadReport(db, participant, participant.id);
	await assertOwnReportWritable(db, participant);
	const version = await findVersion(db, participant.id);
	if (!version)
		throw new RuleError(
			'conflict',
			'Submit the final report first; then record where it went.',
			'recipient',
		);
	const round = version.number > 1 ? 'corrections' : 'final';
	await db
		.insert(reportSubmissionTable)
		.values({ participantId: participant.id, recipient, round, submittedOn: day })
		.onConflictDoUpdate({
			target: [
				reportSubmissionTable.participantId,
				reportSubmissionTable.recipient,
				reportSubmissionTable.round,
			],
			set: { submittedOn: day },
		});
	await recordAudit(db, {
		actorId: participant.id,
		action: 'report.sent',
		subjectType: 'report_version',
		subjectId: version.id,
		details: { recipient, round, day },
	});
}

/** Where the report went, by round and recipient. */
export function listSubmissions(db: Db, participantId: string) {
	return db
		.select()
		.from(reportSubmissionTable)
		.where(eq(reportSubmissionTable.participantId, participantId));
}
