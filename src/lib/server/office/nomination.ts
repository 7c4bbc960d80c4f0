/**
 * Nominations (charter Annex II). A request becomes a nomination only when the nominating
 * officer opens the link sent to their address and confirms; the candidate then gets theirs.
 */
import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	administrationTable,
	applicationTable,
	nominationTable,
	type Edition,
	type Nomination,
} from '~db/schema';
import { recordAudit } from '../audit';
import { findAdministration } from '../cohort/administration';
import { notFound, RuleError } from '../errors';
import { hashToken, newId, newToken } from '../ids';
import { normaliseEmail } from '../auth/user';
import { assertCallOpen, findEdition } from './edition';

/** How long the nominating officer's confirmation link works. */
export const verifyLinkLifetimeMs = 48 * 60 * 60 * 1000;

/** How long an expired request is kept, so the clock can tell its officer to nominate again. */
export const keepExpiredRequestsMs = 7 * 24 * 60 * 60 * 1000;

/** What the nominating officer fills in. */
export type NominationInput = {
	administrationId: string;
	officerName: string;
	officerPost: string;
	officerEmail: string;
	candidateName: string;
	candidateEmail: string;
};

/** Where a confirmation link stands. */
export type VerifyState = 'open' | 'used' | 'expired';

/** The state of a nomination's confirmation link now. */
export function verifyState(n: Nomination, now = Date.now()): VerifyState {
	if (n.verifiedAt) return 'used';
	return n.verifyExpiresAt.getTime() <= now ? 'expired' : 'open';
}

/** What the officer is told when the link cannot be used. */
export function verifyStateMessage(state: Exclude<VerifyState, 'open'>): string {
	return state === 'used'
		? 'This nomination is already confirmed: the link works once. The candidate has been sent their link to apply.'
		: 'This confirmation link has expired (it works for 48 hours), so nothing was recorded. Send the nomination again from the call’s page.';
}

/** A confirmed nomination of this candidate for this edition, if there is one. */
async function confirmedFor(db: Db, editionId: string, candidateEmail: string) {
	const [row] = await db
		.select({ id: nominationTable.id })
		.from(nominationTable)
		.where(
			and(
				eq(nominationTable.editionId, editionId),
				eq(nominationTable.candidateEmail, candidateEmail),
				isNotNull(nominationTable.verifiedAt),
			),
		);
	return row ?? null;
}

/** Records a nomination request (not yet a nomination); returns the token for the officer's link. */
export async function requestNomination(
	db: Db,
	edition: Edition,
	input: NominationInput,
	now = Date.now(),
) {
	assertCallOpen(edition, now);
	const administration = await findAdministration(db, input.administrationId);
	if (!administration || administration.deactivatedAt)
		throw new RuleError('invalid', 'Choose your administration from the list.', 'administrationId');
	const candidateEmail = normaliseEmail(input.candidateEmail);
	const officerEmail = normaliseEmail(input.officerEmail);
	if (candidateEmail === officerEmail)
		throw new RuleError(
			'invalid',
			'Give the candidate’s own address: the nominating officer and the candidate each confirm from their own email.',
			'candidateEmail',
		);
	if (await confirmedFor(db, edition.id, candidateEmail))
		throw new RuleError(
			'conflict',
			`This candidate is already nominated for the ${edition.name} edition.`,
			'candidateEmail',
		);
	// Requests nobody confirmed in time are not kept, once the officer has had time to be told.
	const keptUntil = new Date(now - keepExpiredRequestsMs);
	await db
		.delete(nominationTable)
		.where(and(isNull(nominationTable.verifiedAt), lt(nominationTable.verifyExpiresAt, keptUntil)));
	const token = newToken();
	const [row] = await db
		.insert(nominationTable)
		.values({
			id: newId(),
			editionId: edition.id,
			administrationId: administration.id,
			officerName: input.officerName.trim(),
			officerPost: input.officerPost.trim(),
			officerEmail,
			candidateName: input.candidateName.trim(),
			candidateEmail,
			verifyTokenHash: hashToken(token),
			verifyExpiresAt: new Date(now + verifyLinkLifetimeMs),
			createdAt: new Date(now),
		})
		.returning();
	return { token, nomination: row!, administration };
}

/** The request behind a confirmation token, with its administration's name, or null. */
export async function findNominationByToken(db: Db, token: string) {
	const [row] = await db
		.select({ nomination: nominationTable, administrationName: administrationTable.name })
		.from(nominationTable)
		.innerJoin(administrationTable, eq(administrationTable.id, nominationTable.administrationId))
		.where(eq(nominationTable.verifyTokenHash, hashToken(token)));
	return row ?? null;
}

/**
 * Confirms the nomination (once, before the link expires and while the call is open) and opens
 * the candidate's application; returns the token for the candidate's link.
 */
export async function confirmNomination(db: Db, token: string, now = Date.now()) {
	const found = await findNominationByToken(db, token);
	if (!found) throw notFound('nomination');
	const { nomination } = found;
	const state = verifyState(nomination, now);
	if (state !== 'open') throw new RuleError('conflict', verifyStateMessage(state));
	const edition = await findEdition(db, nomination.editionId);
	if (!edition) throw notFound('edition');
	assertCallOpen(edition, now);
	if (await confirmedFor(db, edition.id, nomination.candidateEmail))
		throw new RuleError(
			'conflict',
			`This candidate is already nominated for the ${edition.name} edition: they have their link to apply.`,
		);
	const applicationToken = newToken();
	await db.transaction(async (tx) => {
		// Single use: a second click (or a second tab) finds it already confirmed.
		const done = await tx
			.update(nominationTable)
			.set({ verifiedAt: new Date(now) })
			.where(
				and(
					eq(nominationTable.id, nomination.id),
					isNull(nominationTable.verifiedAt),
					gt(nominationTable.verifyExpiresAt, new Date(now)),
				),
			)
			.returning({ id: nominationTable.id });
		if (!done.length) throw new RuleError('conflict', verifyStateMessage('used'));
		await tx.insert(applicationTable).values({
			id: newId(),
			nominationId: nomination.id,
			editionId: edition.id,
			tokenHash: hashToken(applicationToken),
			updatedAt: new Date(now),
		});
		await recordAudit(
			tx,
			{
				actorId: null,
				action: 'nomination.confirm',
				subjectType: 'nomination',
				subjectId: nomination.id,
				details: { edition: edition.name, administration: found.administrationName },
			},
			now,
		);
	});
	return { applicationToken, nomination, edition, administrationName: found.administrationName };
}
