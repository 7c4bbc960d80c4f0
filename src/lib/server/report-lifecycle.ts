/**
 * The report's lifecycle: outline drafted -> outline presented -> final report submitted (to
 * each of the three recipients, with dates) -> corrections requested (within the window) ->
 * corrections submitted -> closed; admins accept it (which unlocks the certificate).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	recipients,
	reportSubmissionTable,
	reportTable,
	type Recipient,
	type Report,
	type ReportStatus,
} from '~db/schema';
import { formatDay, todayIn } from '~/lib/dates';
import { recordAudit } from './audit';
import { findCurrentCohort } from './cohort';
import { notFound, RuleError } from './errors';
import { findVisibleParticipant } from './access';
import { mentorsOf } from './logbook';
import { notify } from './notification';
import { ensureReport } from './report';
import type { SessionUser } from './session';

async function loadReport(db: Db, viewer: SessionUser, participantId: string): Promise<Report> {
	if (!(await findVisibleParticipant(db, viewer, participantId))) throw notFound('report');
	await ensureReport(db, participantId);
	return (
		await db.select().from(reportTable).where(eq(reportTable.participantId, participantId))
	)[0]!;
}

async function setStatus(
	db: Db,
	actor: SessionUser,
	report: Report,
	from: ReportStatus[],
	to: ReportStatus,
	extra: Partial<Report> = {},
) {
	if (!from.includes(report.status))
		throw new RuleError(
			'conflict',
			`The report is “${report.status.replace('_', ' ')}”; this step does not apply now.`,
		);
	await db.transaction(async (tx) => {
		const moved = await tx
			.update(reportTable)
			.set({ ...extra, status: to, updatedAt: new Date() })
			.where(
				and(
					eq(reportTable.participantId, report.participantId),
					eq(reportTable.status, report.status),
				),
			)
			.returning();
		if (!moved.length)
			throw new RuleError('conflict', 'The report changed meanwhile. Reload and try again.');
		await recordAudit(tx, {
			actorId: actor.id,
			action: `report.${to}`,
			subjectType: 'report',
			subjectId: report.participantId,
			details: { from: report.status },
		});
	});
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
	await setStatus(db, actor, report, ['outline_drafted'], 'outline_presented', {
		outlinePresentedOn: day,
	});
}

/** Records that the final report (or the corrected one) went to a recipient on a day. */
export async function recordSubmission(
	db: Db,
	participant: SessionUser,
	recipient: Recipient,
	day: string,
) {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'The participant records where the report was sent.');
	const report = await loadReport(db, participant, participant.id);
	const round =
		report.status === 'corrections_requested' || report.status === 'corrections_submitted'
			? 'corrections'
			: 'final';
	if (report.status === 'outline_drafted')
		throw new RuleError(
			'conflict',
			'Present the outline first; then record where the final report went.',
		);
	if (report.status === 'closed') throw new RuleError('conflict', 'The report is closed.');
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
		subjectType: 'report',
		subjectId: participant.id,
		details: { recipient, round, day },
	});
	const sent = await db
		.select()
		.from(reportSubmissionTable)
		.where(
			and(
				eq(reportSubmissionTable.participantId, participant.id),
				eq(reportSubmissionTable.round, round),
			),
		);
	// Once all three recipients have it, the report moves on.
	if (recipients.every((r) => sent.some((s) => s.recipient === r))) {
		if (round === 'final' && report.status === 'outline_presented')
			await setStatus(db, participant, report, ['outline_presented'], 'final_submitted');
		if (round === 'corrections' && report.status === 'corrections_requested')
			await setStatus(db, participant, report, ['corrections_requested'], 'corrections_submitted', {
				correctionsSubmittedOn: day,
			});
		await notify(
			db,
			await mentorsOf(db, participant.id),
			`${participant.name} sent the ${round === 'final' ? 'final report' : 'corrected report'} to all three recipients.`,
			`/report/${participant.id}`,
		);
	}
}

/** A mentor or admin asks for corrections, saying what, within the corrections window. */
export async function requestCorrections(
	db: Db,
	actor: SessionUser,
	participantId: string,
	what: string,
	now = new Date(),
) {
	if (actor.role === 'participant')
		throw new RuleError('forbidden', 'Mentors and admins request corrections.');
	const report = await loadReport(db, actor, participantId);
	const cohort = await findCurrentCohort(db, participantId);
	const today = todayIn(cohort?.timezone ?? 'Asia/Tokyo', now);
	if (cohort && today > cohort.correctionsUntil)
		throw new RuleError(
			'conflict',
			`The corrections window closed on ${formatDay(cohort.correctionsUntil)}.`,
		);
	if (!what.trim()) throw new RuleError('invalid', 'Say what needs correcting.', 'what');
	await setStatus(
		db,
		actor,
		report,
		['final_submitted', 'corrections_submitted'],
		'corrections_requested',
		{
			correctionsRequest: what.trim(),
			correctionsRequestedBy: actor.id,
			correctionsRequestedOn: today,
		},
	);
	await notify(
		db,
		[participantId],
		`${actor.name} requested corrections to your final report.`,
		'/report#lifecycle',
	);
}

/** Closes the report (mentor or admin); an admin may also accept it, unlocking the certificate. */
export async function closeReport(
	db: Db,
	actor: SessionUser,
	participantId: string,
	accept: boolean,
) {
	if (actor.role === 'participant')
		throw new RuleError('forbidden', 'Mentors and admins close reports.');
	if (accept && actor.role !== 'admin')
		throw new RuleError('forbidden', 'Only an admin accepts a report.');
	const report = await loadReport(db, actor, participantId);
	const day = todayIn('Asia/Tokyo');
	if (report.status === 'closed' && accept && !report.acceptedAt) {
		await db
			.update(reportTable)
			.set({ acceptedAt: new Date() })
			.where(eq(reportTable.participantId, participantId));
	} else {
		await setStatus(db, actor, report, ['final_submitted', 'corrections_submitted'], 'closed', {
			closedOn: day,
			...(accept ? { acceptedAt: new Date() } : {}),
		});
	}
	await notify(
		db,
		[participantId],
		accept
			? `${actor.name} accepted your report. Your certificate is ready.`
			: `${actor.name} closed your report.`,
		'/report#lifecycle',
	);
}

/** Where the report went, by round and recipient. */
export function listSubmissions(db: Db, participantId: string) {
	return db
		.select()
		.from(reportSubmissionTable)
		.where(eq(reportSubmissionTable.participantId, participantId));
}
