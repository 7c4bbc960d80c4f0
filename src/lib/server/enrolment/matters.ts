/**
 * The charter's admin matters per participant (sections VI–VII): allowance paid, ticket
 * issued, insurance confirmed, visa. Admins edit them; the WCO Secretariat reads them; a
 * participant reads only their own (anyone else's is a 404); every other role is refused.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { adminMatterTable } from '~db/schema';
import { emptyMatters, type MatterFields } from '~/lib/enrolment/matters';
import { isDay } from '~/lib/dates';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import type { SessionUser } from '../auth/session';
import { findEnrolment, type Enrolment } from './participant';
import { latestLetter } from './letter';

/** The admin page reads the letter history beside the matters. */
export { listLetters } from './letter';
import { findRow } from '../find-row';

/** True for the roles that read every participant's admin matters. */
export function mayReadAllMatters(role: SessionUser['role']): boolean {
	return role === 'admin' || role === 'secretariat';
}

/** A participant's matters in their current cohort, as `viewer` may read them; throws 404/403. */
export async function readMatters(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<{ enrolment: Enrolment; matters: MatterFields; updatedAt: Date | null }> {
	if (viewer.role === 'participant' && viewer.id !== participantId) throw notFound('participant');
	if (viewer.role !== 'participant' && !mayReadAllMatters(viewer.role))
		throw new RuleError('forbidden', 'Only the programme office reads admin matters.');
	const enrolment = await findEnrolment(db, participantId);
	if (!enrolment) throw notFound('participant');
	const row = await findRow(
		db,
		adminMatterTable,
		eq(adminMatterTable.participantId, participantId),
		eq(adminMatterTable.cohortId, enrolment.cohort.id),
	);
	return {
		enrolment,
		matters: row ? pick(row) : emptyMatters,
		updatedAt: row?.updatedAt ?? null,
	};
}

function pick(row: MatterFields): MatterFields {
	return {
		allowancePaidOn: row.allowancePaidOn,
		ticketItinerary: row.ticketItinerary,
		insuranceConfirmedOn: row.insuranceConfirmedOn,
		visaStatus: row.visaStatus,
		visaObtainedOn: row.visaObtainedOn,
	};
}

/** Problems with the matters as typed, by field (empty when they can be saved). */
export function matterProblems(input: MatterFields): Record<string, string> {
	const problems: Record<string, string> = {};
	const day = (field: keyof MatterFields, value: string | null, what: string) => {
		if (value !== null && !isDay(value)) problems[field] = `Enter the day ${what} as a date.`;
	};
	day('allowancePaidOn', input.allowancePaidOn, 'the allowance was paid');
	day('insuranceConfirmedOn', input.insuranceConfirmedOn, 'the insurance was confirmed');
	day('visaObtainedOn', input.visaObtainedOn, 'the visa was obtained');
	if (input.visaStatus === 'obtained' && !input.visaObtainedOn)
		problems.visaObtainedOn ??= 'Enter the day the visa was obtained.';
	if (input.visaStatus !== 'obtained' && input.visaObtainedOn)
		problems.visaObtainedOn ??= 'Leave the visa date empty unless the visa is marked “Obtained”.';
	if (input.ticketItinerary.length > 2000)
		problems.ticketItinerary = 'Use at most 2000 characters for the itinerary.';
	return problems;
}

/** An admin records the matters of a participant's current cohort; the change is audited. */
export async function saveMatters(
	db: Db,
	admin: SessionUser,
	participantId: string,
	input: MatterFields,
	now = new Date(),
): Promise<Enrolment> {
	if (admin.role !== 'admin')
		throw new RuleError('forbidden', 'Only an admin can record admin matters.');
	const enrolment = await findEnrolment(db, participantId);
	if (!enrolment) throw notFound('participant');
	if (enrolment.cohort.archivedAt)
		throw new RuleError(
			'forbidden',
			`The ${enrolment.cohort.edition} cohort is archived and can no longer be changed.`,
		);
	const problems = Object.entries(matterProblems(input));
	if (problems.length) throw new RuleError('invalid', problems[0]![1], problems[0]![0]);
	const { matters: before } = await readMatters(db, admin, participantId);
	const changed = (Object.keys(input) as (keyof MatterFields)[]).filter(
		(k) => input[k] !== before[k],
	);
	await db.transaction(async (tx) => {
		const values = { ...input, updatedAt: now, updatedBy: admin.id };
		await tx
			.insert(adminMatterTable)
			.values({ participantId, cohortId: enrolment.cohort.id, ...values })
			.onConflictDoUpdate({
				target: [adminMatterTable.participantId, adminMatterTable.cohortId],
				set: values,
			});
		await recordAudit(
			tx,
			{
				actorId: admin.id,
				action: 'admin_matter.update',
				subjectType: 'user',
				subjectId: participantId,
				details: { changed },
			},
			now.getTime(),
		);
	});
	return enrolment;
}

/** Each participant's matters and letter state for the cohort admin page (admins and the Secretariat). */
export async function listCohortMatters(db: Db, cohortId: string, participantIds: string[]) {
	if (!participantIds.length) return new Map<string, { matters: MatterFields; letter: string }>();
	const rows = await db
		.select()
		.from(adminMatterTable)
		.where(
			and(
				eq(adminMatterTable.cohortId, cohortId),
				inArray(adminMatterTable.participantId, participantIds),
			),
		);
	const out = new Map<string, { matters: MatterFields; letter: string }>();
	for (const id of participantIds) {
		const row = rows.find((r) => r.participantId === id);
		const letter = await latestLetter(db, id, cohortId);
		out.set(id, {
			matters: row ? pick(row) : emptyMatters,
			letter: !letter ? 'not issued' : letter.revokedAt ? 'revoked' : 'in force',
		});
	}
	return out;
}
