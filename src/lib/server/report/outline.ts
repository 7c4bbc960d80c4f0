/**
 * The report's lifecycle before and around submission: outline drafted -> outline presented ->
 * (versions: see versions.ts, submit-version.ts, decide-version.ts) -> closed. Where each version
 * went is recorded by oversight/delivery.ts (the participant's hand-kept "sent on" notes of
 * earlier editions stay in report_submission).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportTable, type Report } from '~db/schema';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { findVisibleParticipant } from '../access';
import { assertOwnReportWritable, closedMessage, ensureReport } from './working-copy';
import type { SessionUser } from '../auth/session';

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
