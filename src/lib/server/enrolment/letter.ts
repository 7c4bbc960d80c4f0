/**
 * Enrolment letters (charter VII): a letter certifying enrolment, for the participant's visa
 * application, with a code anyone can check signed out at /verify/<code>. One letter in force
 * per participant and cohort; an admin may revoke it and issue a new one.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { enrolmentLetterTable, type EnrolmentLetter } from '~db/schema';
import { newVerifyCode, verifyCodeCandidates } from '~/lib/verify/code';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import type { SessionUser } from '../auth/session';
import { findEnrolment, type Enrolment } from './participant';
import { findRow } from '../find-row';

/** Every letter issued to a participant in a cohort, newest first (for the admin page). */
export function listLetters(db: Db, participantId: string, cohortId: string) {
	return db
		.select()
		.from(enrolmentLetterTable)
		.where(
			and(
				eq(enrolmentLetterTable.participantId, participantId),
				eq(enrolmentLetterTable.cohortId, cohortId),
			),
		)
		.orderBy(desc(enrolmentLetterTable.issuedAt));
}

/** The newest letter of a participant in a cohort (in force or revoked), or null. */
export async function latestLetter(
	db: Db,
	participantId: string,
	cohortId: string,
): Promise<EnrolmentLetter | null> {
	const [row] = await listLetters(db, participantId, cohortId).limit(1);
	return row ?? null;
}

async function insertLetter(db: Db, enrolment: Enrolment, actorId: string, now: Date) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(enrolmentLetterTable)
			.values({
				code: newVerifyCode('letter'),
				participantId: enrolment.participantId,
				cohortId: enrolment.cohort.id,
				issuedAt: now,
				issuedBy: actorId,
			})
			.returning();
		await recordAudit(
			tx,
			{
				actorId,
				action: 'enrolment_letter.issue',
				subjectType: 'user',
				subjectId: enrolment.participantId,
				details: { cohort: enrolment.cohort.edition },
			},
			now.getTime(),
		);
		return row!;
	});
}

/** A participant's own letter: what it says and its code (issued on first opening), or null. */
export type OwnLetter = { enrolment: Enrolment; letter: EnrolmentLetter | null };

/**
 * The participant's letter for their current cohort. The first opening issues it (once per
 * participant and edition); after a revocation no new one appears until an admin issues it.
 */
export async function openOwnLetter(
	db: Db,
	participant: SessionUser,
	now = new Date(),
): Promise<OwnLetter | null> {
	if (participant.role !== 'participant') return null;
	const enrolment = await findEnrolment(db, participant.id);
	if (!enrolment) return null;
	const letter = await latestLetter(db, participant.id, enrolment.cohort.id);
	if (letter || enrolment.cohort.archivedAt) return { enrolment, letter };
	try {
		return { enrolment, letter: await insertLetter(db, enrolment, participant.id, now) };
	} catch (error) {
		// Two tabs opened it at once: the other request issued it.
		const issued = await latestLetter(db, participant.id, enrolment.cohort.id);
		if (!issued) throw error;
		return { enrolment, letter: issued };
	}
}

/** An admin issues a new letter when none is in force (after a revocation, or before the first opening). */
export async function issueLetter(
	db: Db,
	admin: SessionUser,
	participantId: string,
	now = new Date(),
): Promise<EnrolmentLetter> {
	if (admin.role !== 'admin') throw new RuleError('forbidden', 'Only an admin can issue letters.');
	const enrolment = await findEnrolment(db, participantId);
	if (!enrolment) throw notFound('participant');
	if (enrolment.cohort.archivedAt)
		throw new RuleError(
			'forbidden',
			`The ${enrolment.cohort.edition} cohort is archived: no new letter can be issued for it.`,
		);
	const current = await latestLetter(db, participantId, enrolment.cohort.id);
	if (current && !current.revokedAt)
		throw new RuleError(
			'conflict',
			`${enrolment.name} already has a letter in force. Revoke it first if a new one is needed.`,
		);
	return insertLetter(db, enrolment, admin.id, now);
}

/** An admin revokes the letter in force with this code: /verify then says it is revoked. */
export async function revokeLetter(
	db: Db,
	admin: SessionUser,
	participantId: string,
	code: string,
	now = new Date(),
): Promise<void> {
	if (admin.role !== 'admin') throw new RuleError('forbidden', 'Only an admin can revoke letters.');
	const candidates = verifyCodeCandidates(code);
	const [row] = candidates.length
		? await db
				.select()
				.from(enrolmentLetterTable)
				.where(
					and(
						inArray(enrolmentLetterTable.code, candidates),
						eq(enrolmentLetterTable.participantId, participantId),
					),
				)
		: [];
	if (!row) throw notFound('letter');
	if (row.revokedAt) throw new RuleError('conflict', 'This letter was already revoked.');
	await db.transaction(async (tx) => {
		await tx
			.update(enrolmentLetterTable)
			.set({ revokedAt: now, revokedBy: admin.id })
			.where(and(eq(enrolmentLetterTable.code, row.code), isNull(enrolmentLetterTable.revokedAt)));
		await recordAudit(
			tx,
			{
				actorId: admin.id,
				action: 'enrolment_letter.revoke',
				subjectType: 'user',
				subjectId: participantId,
			},
			now.getTime(),
		);
	});
}

/** What /verify says about a code: valid (with the minimum to check it), revoked, or nothing. */
export type LetterCheck =
	| { status: 'valid'; code: string; issuedAt: Date; enrolment: Enrolment }
	| { status: 'revoked'; code: string; issuedAt: Date; revokedAt: Date; editionName: string };

/** The letter behind a typed code, or null (the page answers 404). */
export async function checkLetter(db: Db, typed: string): Promise<LetterCheck | null> {
	const candidates = verifyCodeCandidates(typed);
	if (!candidates.length) return null;
	const row = await findRow(
		db,
		enrolmentLetterTable,
		inArray(enrolmentLetterTable.code, candidates),
	);
	if (!row) return null;
	const code = row.code;
	const enrolment = await findEnrolment(db, row.participantId, row.cohortId);
	if (!enrolment) return null;
	if (row.revokedAt)
		return {
			status: 'revoked',
			code,
			issuedAt: row.issuedAt,
			revokedAt: row.revokedAt,
			editionName: enrolment.editionName,
		};
	return { status: 'valid', code, issuedAt: row.issuedAt, enrolment };
}
