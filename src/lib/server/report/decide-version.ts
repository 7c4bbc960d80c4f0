/**
 * Decisions on a submitted version. Mentors and admins return it for corrections (within the
 * cohort's corrections window, naming sections and what to correct) or accept it (from the
 * participant's departure on), which closes the report and issues the certificate.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportTable, reportVersionSectionTable, reportVersionTable } from '~db/schema';
import { formatDay, todayIn } from '~/lib/dates';
import { normaliseNewlines } from '~/lib/text';
import { recordAudit } from '../audit';
import { issueCertificate } from './certificate';
import { findCurrentCohort } from '../cohort/manage';
import { notFound, RuleError } from '../errors';
import { findOverseenParticipant } from '../oversight/access';
import { notify } from '../notify/notification';
import { findVersion, loadReport } from './versions';
import type { SessionUser } from '../auth/session';

/**
 * The latest version, which must be waiting for a decision by someone who may see it: a mentor
 * or admin, or (for corrections only) the WCO Secretariat.
 */
async function pendingVersion(
	db: Db,
	actor: SessionUser,
	participantId: string,
	secretariatToo = false,
) {
	const bySecretariat = secretariatToo && actor.role === 'secretariat';
	if (actor.role !== 'mentor' && actor.role !== 'admin' && !bySecretariat)
		throw new RuleError(
			'forbidden',
			secretariatToo
				? 'RILO A/P and the WCO Secretariat request corrections.'
				: 'Mentors and admins decide on submitted reports.',
		);
	if (bySecretariat && !(await findOverseenParticipant(db, actor, participantId)))
		throw notFound('report');
	const report = bySecretariat
		? await loadReport(db, { ...actor, role: 'admin' }, participantId)
		: await loadReport(db, actor, participantId);
	const version = await findVersion(db, participantId);
	if (report.status === 'closed') throw new RuleError('conflict', 'The report is already closed.');
	if (!version || version.decision !== 'pending')
		throw new RuleError('conflict', 'No submitted version is waiting for a decision.');
	const cohort = await findCurrentCohort(db, participantId);
	return { report, version, cohort, tz: cohort?.timezone ?? 'Asia/Tokyo' };
}

/** What to correct in each named section (by position in the version), plus an optional note. */
export type CorrectionRequest = { corrections: { position: number; what: string }[]; note: string };

/** Returns the pending version for corrections, within the cohort's corrections window. */
export async function returnForCorrections(
	db: Db,
	actor: SessionUser,
	participantId: string,
	request: CorrectionRequest,
	now = new Date(),
) {
	const { version, cohort, tz } = await pendingVersion(db, actor, participantId, true);
	const today = todayIn(tz, now);
	if (cohort && today > cohort.correctionsUntil)
		throw new RuleError(
			'conflict',
			`The corrections window closed on ${formatDay(cohort.correctionsUntil)} (one month after the programme): corrections can no longer be requested, and the version stays as submitted.`,
		);
	const named = request.corrections
		.map((c) => ({ ...c, what: normaliseNewlines(c.what).trim() }))
		.filter((c) => c.what && version.sections.some((s) => s.position === c.position));
	if (!named.length)
		throw new RuleError(
			'invalid',
			'Name at least one section: write what to correct beside it.',
			'correction',
		);
	const note = normaliseNewlines(request.note).trim();
	const titleOf = (p: number) => version.sections.find((s) => s.position === p)!.title;
	await db.transaction(async (tx) => {
		await tx
			.update(reportVersionTable)
			.set({ decision: 'returned', decidedBy: actor.id, decidedAt: now, decisionNote: note })
			.where(eq(reportVersionTable.id, version.id));
		for (const c of named)
			await tx
				.update(reportVersionSectionTable)
				.set({ correction: c.what })
				.where(
					and(
						eq(reportVersionSectionTable.versionId, version.id),
						eq(reportVersionSectionTable.position, c.position),
					),
				);
		await tx
			.update(reportTable)
			.set({
				status: 'corrections_requested',
				correctionsRequest: [note, ...named.map((c) => `${titleOf(c.position)}: ${c.what}`)]
					.filter(Boolean)
					.join('\n'),
				correctionsRequestedBy: actor.id,
				correctionsRequestedOn: today,
				updatedAt: now,
			})
			.where(eq(reportTable.participantId, participantId));
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'report.version_return',
			subjectType: 'report_version',
			subjectId: version.id,
			details: {
				participant: participantId,
				number: version.number,
				sections: named.map((c) => titleOf(c.position)),
			},
		});
	});
	await notify(
		db,
		[participantId],
		`${actor.name} returned version ${version.number} of your final report for corrections.`,
		'/report#lifecycle',
	);
}

/** Accepts the pending version (from the participant's departure on): closes the report and issues the certificate. */
export async function acceptVersion(
	db: Db,
	actor: SessionUser,
	participantId: string,
	now = new Date(),
) {
	const { version, cohort, tz } = await pendingVersion(db, actor, participantId);
	const today = todayIn(tz, now);
	if (cohort && today < cohort.departureDate)
		throw new RuleError(
			'conflict',
			`A report can be accepted from the participant’s departure on ${formatDay(cohort.departureDate)}, not before.`,
		);
	await db.transaction(async (tx) => {
		await tx
			.update(reportVersionTable)
			.set({ decision: 'accepted', decidedBy: actor.id, decidedAt: now })
			.where(eq(reportVersionTable.id, version.id));
		await tx
			.update(reportTable)
			.set({ status: 'closed', closedOn: today, acceptedAt: now, updatedAt: now })
			.where(eq(reportTable.participantId, participantId));
		await issueCertificate(tx, { participantId, versionId: version.id, issuedBy: actor.id, now });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'report.version_accept',
			subjectType: 'report_version',
			subjectId: version.id,
			details: { participant: participantId, number: version.number },
		});
	});
	await notify(
		db,
		[participantId],
		`${actor.name} accepted version ${version.number} of your final report. Your certificate is ready.`,
		'/report#lifecycle',
	);
}
