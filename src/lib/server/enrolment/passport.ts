/**
 * What the enrolment letter says about the participant's identity, for the consulate: the name
 * as in their passport, nationality and date of birth (from their application), and the passport
 * number they give after joining the cohort. The participant and the programme office read it;
 * nobody else. The verification page never shows it.
 */
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	applicationTable,
	editionTable,
	nominationTable,
	passportDetailTable,
	userTable,
} from '~db/schema';
import { readAnswers } from '~/lib/office/application-form';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { findRow } from '../find-row';
import { findEnrolment, type Enrolment } from './participant';
import { passportErasedAt } from './passport-retention';
import { formatInstant } from '~/lib/dates';
import { PASSPORT_RETENTION_DAYS } from '~/lib/enrolment/passport-retention';

/** What the letter and the office's page say once the retention rule has erased the data. */
export function erasedSentence(erasedAt: Date): string {
	return `The passport data was erased on ${formatInstant(erasedAt)} (Tokyo time) under the retention rule: it is kept only for the visa, until ${PASSPORT_RETENTION_DAYS} days after the programme ends.`;
}

/** The identity a letter prints; each part null when it is not known. */
export type LetterIdentity = {
	passportName: string | null;
	nationality: string | null;
	dateOfBirth: string | null;
	passportNumber: string | null;
	/** When the retention rule erased the cohort's passport data (then every part above is null). */
	erasedAt: Date | null;
};

/** The participant's identity for their letter in this enrolment. */
export async function letterIdentity(db: Db, enrolment: Enrolment): Promise<LetterIdentity> {
	const user = await findRow(db, userTable, eq(userTable.id, enrolment.participantId));
	const [app] = user
		? await db
				.select({ answers: applicationTable.answers })
				.from(applicationTable)
				.innerJoin(nominationTable, eq(nominationTable.id, applicationTable.nominationId))
				.innerJoin(editionTable, eq(editionTable.id, applicationTable.editionId))
				.where(
					and(
						eq(nominationTable.candidateEmail, user.email),
						eq(applicationTable.status, 'submitted'),
						or(
							eq(editionTable.cohortId, enrolment.cohort.id),
							eq(editionTable.name, enrolment.cohort.edition),
						),
					),
				)
				.limit(1)
		: [];
	const answers = app ? readAnswers(app.answers) : null;
	const passport = await findRow(
		db,
		passportDetailTable,
		eq(passportDetailTable.participantId, enrolment.participantId),
		eq(passportDetailTable.cohortId, enrolment.cohort.id),
	);
	return {
		erasedAt: await passportErasedAt(db, enrolment.cohort.id),
		passportName: answers?.fullName.trim() || null,
		nationality: answers?.nationality.trim() || null,
		dateOfBirth: answers?.dateOfBirth.trim() || null,
		passportNumber: passport?.passportNumber ?? null,
	};
}

/** The passport number as kept: upper-cased, spaces and dashes removed. */
export function normalisePassportNumber(input: string): string {
	return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** Saves the participant's own passport number for their current cohort's letter; audited (no number). */
export async function savePassportNumber(
	db: Db,
	participant: { id: string; role: string },
	input: string,
	now = Date.now(),
) {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only the participant gives their passport number.');
	const enrolment = await findEnrolment(db, participant.id);
	if (!enrolment) throw notFound('enrolment');
	const erasedAt = await passportErasedAt(db, enrolment.cohort.id);
	if (erasedAt)
		throw new RuleError('conflict', `${erasedSentence(erasedAt)} It is no longer collected.`);
	const passportNumber = normalisePassportNumber(input);
	if (!/^[A-Z0-9]{5,20}$/.test(passportNumber))
		throw new RuleError(
			'invalid',
			'Enter the passport number as printed in your passport: 5 to 20 letters and digits.',
			'passportNumber',
		);
	const values = { passportNumber, updatedAt: new Date(now) };
	await db.transaction(async (tx) => {
		await tx
			.insert(passportDetailTable)
			.values({ participantId: participant.id, cohortId: enrolment.cohort.id, ...values })
			.onConflictDoUpdate({
				target: [passportDetailTable.participantId, passportDetailTable.cohortId],
				set: values,
			});
		await recordAudit(
			tx,
			{
				actorId: participant.id,
				action: 'passport.save',
				subjectType: 'user',
				subjectId: participant.id,
				details: { cohort: enrolment.cohort.edition },
			},
			now,
		);
	});
	return { participantId: participant.id };
}
