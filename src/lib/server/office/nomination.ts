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
import type { Mail } from '../notify/mail';
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

/** Refuses a nomination of a candidate already nominated for the edition. */
export class AlreadyNominated extends RuleError {
	constructor(edition: string) {
		super(
			'conflict',
			`This candidate is already nominated for the ${edition} edition.`,
			'candidateEmail',
		);
	}
}

/**
 * The public form's nomination: a request as requestNomination makes it, except that a
 * candidate already nominated gets the same answer as a new one (the form must not tell whether
 * an address is nominated): nothing is recorded but an audit event, and the caller tells the
 * programme office instead (`duplicate`).
 */
export async function nominate(db: Db, edition: Edition, input: NominationInput, now = Date.now()) {
	try {
		return { duplicate: false as const, ...(await requestNomination(db, edition, input, now)) };
	} catch (error) {
		if (!(error instanceof AlreadyNominated)) throw error;
		const administration = (await findAdministration(db, input.administrationId))!;
		const already = await confirmedFor(db, edition.id, normaliseEmail(input.candidateEmail));
		await recordAudit(
			db,
			{
				actorId: null,
				action: 'nomination.duplicate',
				subjectType: 'nomination',
				subjectId: already?.id ?? null,
				details: { edition: edition.name, administration: administration.name },
			},
			now,
		);
		return {
			duplicate: true as const,
			administration,
			candidateName: input.candidateName.trim(),
			officerEmail: normaliseEmail(input.officerEmail),
		};
	}
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
	if (await confirmedFor(db, edition.id, candidateEmail)) throw new AlreadyNominated(edition.name);
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
				details: {
					edition: edition.name,
					administration: found.administrationName,
					by: 'officer_link',
				},
			},
			now,
		);
	});
	return { applicationToken, nomination, edition, administrationName: found.administrationName };
}

/**
 * The message telling the programme office that someone nominated a candidate already
 * nominated for the edition (the sender was answered as for a new nomination).
 */
export function duplicateNominationMail(input: {
	to: string;
	candidateName: string;
	administration: string;
	edition: string;
	officerEmail: string;
}): Mail {
	return {
		to: input.to,
		subject: `A second nomination of a nominated candidate (${input.edition})`,
		text: [
			'To the programme office,',
			'',
			`The call's form received a nomination of ${input.candidateName} (${input.administration}) for the ${input.edition} edition, from ${input.officerEmail}. This candidate is already nominated for the edition, so nothing was recorded and no link was sent.`,
			'',
			'The sender was given the same answer as for a new nomination, so that the form does not tell anyone whether an address is nominated. If the second nomination is genuine, contact the administration.',
		].join('\n'),
	};
}
