/**
 * The cohort invitation of a selected candidate, filled in from their application: name,
 * email and Member administration. The edition's cohort must exist first.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cohortTable,
	invitationTable,
	offerTable,
	selectionCandidateTable,
	type Cohort,
	type Edition,
} from '~db/schema';
import { formatDay } from '~/lib/dates';
import { findCohort } from '../cohort/manage';
import { notFound, RuleError } from '../errors';
import { createInvitation } from '../auth/invitation';
import { findScreened } from './application';
import { findRow } from '../find-row';
import { assertInEffect, findSelection } from './selection-state';

/** The edition's cohort: the one linked to it, else the cohort named after the edition. */
export async function editionCohort(db: Db, edition: Edition) {
	if (edition.cohortId) return findCohort(db, edition.cohortId);
	return findRow(db, cohortTable, eq(cohortTable.edition, edition.name));
}

/** The edition's exact dates from its cohort, else its period in words. */
export function programmeDates(
	edition: { programmePeriod: string },
	cohort: Pick<Cohort, 'trainingStart' | 'departureDate'> | null,
): string {
	return cohort
		? `from ${formatDay(cohort.trainingStart)} to ${formatDay(cohort.departureDate)}`
		: edition.programmePeriod;
}

/** The application ids of these that hold an accepted place. */
export async function acceptedAmong(db: Db, ids: string[]): Promise<Set<string>> {
	if (!ids.length) return new Set();
	const rows = await db
		.select({ id: offerTable.applicationId })
		.from(offerTable)
		.where(and(inArray(offerTable.applicationId, ids), eq(offerTable.state, 'accepted')));
	return new Set(rows.map((r) => r.id));
}

/** Refuses the cohort invitation of a candidate who has not accepted a place. */
async function assertAccepted(db: Db, applicationId: string, name: string, selected: boolean) {
	const offer = await findRow(db, offerTable, eq(offerTable.applicationId, applicationId));
	if (offer?.state === 'accepted') return;
	if (!offer && !selected)
		throw new RuleError(
			'conflict',
			`${name} is not among the recorded selection: only selected candidates are invited.`,
		);
	throw new RuleError(
		'conflict',
		offer
			? `${name} has not accepted the place (${offer.state}): only candidates who accepted it are invited.`
			: `${name} has not been offered the place yet: send the decision notices first; the invitation follows the acceptance.`,
	);
}

/** What to do when the edition has no cohort yet. */
export function noCohortMessage(edition: Edition): string {
	return `The ${edition.name} edition has no cohort yet. Create it first (Admin › New cohort, with the edition name “${edition.name}”); the invitations then go to it.`;
}

/** The latest invitation of each of these addresses to the cohort, by address. */
export async function invitationsByEmail(db: Db, cohortId: string, emails: string[]) {
	const out = new Map<string, typeof invitationTable.$inferSelect>();
	if (!emails.length) return out;
	const rows = await db
		.select()
		.from(invitationTable)
		.where(and(eq(invitationTable.cohortId, cohortId), inArray(invitationTable.email, emails)))
		.orderBy(desc(invitationTable.createdAt));
	for (const r of rows) if (!out.has(r.email)) out.set(r.email, r);
	return out;
}

/**
 * Creates the cohort invitation of a selected candidate from their application (admins), once they
 * have accepted the place.
 */
export async function inviteSelected(
	db: Db,
	admin: { id: string; role: string },
	applicationId: string,
	input: { name: string; email: string },
	now = Date.now(),
) {
	if (admin.role !== 'admin') throw new RuleError('forbidden', 'Only an admin invites people.');
	const found = await findScreened(db, applicationId);
	if (!found) throw notFound('application');
	const selected = await findRow(
		db,
		selectionCandidateTable,
		eq(selectionCandidateTable.applicationId, applicationId),
	);
	const decision = await findSelection(db, found.row.edition.id);
	if (!decision && !selected)
		throw new RuleError(
			'conflict',
			`${found.row.nomination.candidateName} is not among the recorded selection: only selected candidates are invited.`,
		);
	if (decision) assertInEffect(decision);
	const cohort = await editionCohort(db, found.row.edition);
	if (!cohort) throw new RuleError('conflict', noCohortMessage(found.row.edition));
	await assertAccepted(db, applicationId, found.row.nomination.candidateName, Boolean(selected));
	const made = await createInvitation(
		db,
		admin.id,
		{
			email: input.email,
			name: input.name,
			role: 'participant',
			cohortId: cohort.id,
			administrationId: found.row.administration.id,
		},
		now,
	);
	return { ...made, cohort };
}
