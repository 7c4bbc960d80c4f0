/**
 * The retention rule of the passport data (src/lib/enrolment/passport-retention.ts), run by the
 * scheduler: once a cohort's programme ended PASSPORT_RETENTION_DAYS ago, its participants'
 * passport numbers are deleted and the name as in the passport, nationality and date of birth are
 * erased from their applications; the cohort is marked, so the letter says when. Audited; a rerun
 * does nothing.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	applicationTable,
	cohortMemberTable,
	cohortTable,
	editionTable,
	nominationTable,
	passportDetailTable,
	passportErasureTable,
	userTable,
	type Cohort,
} from '~db/schema';
import { todayIn } from '~/lib/dates';
import { PASSPORT_RETENTION_DAYS, passportErasureDue } from '~/lib/enrolment/passport-retention';
import { recordAudit } from '../audit';
import { findRow } from '../find-row';

/** The answers that held passport data, emptied by the rule. */
const passportAnswers = ['fullName', 'nationality', 'dateOfBirth'] as const;

/** When the cohort's passport data was erased, or null while it is kept. */
export async function passportErasedAt(db: Db, cohortId: string): Promise<Date | null> {
	const row = await findRow(db, passportErasureTable, eq(passportErasureTable.cohortId, cohortId));
	return row?.erasedAt ?? null;
}

/** The submitted applications of the cohort's participants (by their email, in its edition). */
async function participantApplications(db: Db, cohort: Cohort) {
	const emails = (
		await db
			.select({ email: userTable.email })
			.from(cohortMemberTable)
			.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
			.where(
				and(eq(cohortMemberTable.cohortId, cohort.id), eq(cohortMemberTable.role, 'participant')),
			)
	).map((r) => r.email);
	if (!emails.length) return [];
	return db
		.select({ id: applicationTable.id, answers: applicationTable.answers })
		.from(applicationTable)
		.innerJoin(nominationTable, eq(nominationTable.id, applicationTable.nominationId))
		.innerJoin(editionTable, eq(editionTable.id, applicationTable.editionId))
		.where(
			and(
				inArray(nominationTable.candidateEmail, emails),
				or(eq(editionTable.cohortId, cohort.id), eq(editionTable.name, cohort.edition)),
			),
		);
}

/**
 * Erases the passport data of every cohort whose programme ended more than the retention period
 * ago and is not erased yet. Returns how many cohorts were erased now.
 */
export async function erasePassportData(db: Db, now = new Date()): Promise<number> {
	const pending = await db
		.select({ cohort: cohortTable })
		.from(cohortTable)
		.leftJoin(passportErasureTable, eq(passportErasureTable.cohortId, cohortTable.id))
		.where(isNull(passportErasureTable.cohortId));
	let erased = 0;
	for (const { cohort } of pending) {
		if (!passportErasureDue(cohort.departureDate, todayIn(cohort.timezone, now))) continue;
		const apps = await participantApplications(db, cohort);
		const done = await db.transaction(async (tx) => {
			// Claimed first: a second run (or instance) finds the cohort erased and does nothing.
			const claimed = await tx
				.insert(passportErasureTable)
				.values({ cohortId: cohort.id, erasedAt: now })
				.onConflictDoNothing()
				.returning({ id: passportErasureTable.cohortId });
			if (!claimed.length) return false;
			const numbers = await tx
				.delete(passportDetailTable)
				.where(eq(passportDetailTable.cohortId, cohort.id))
				.returning({ id: passportDetailTable.participantId });
			for (const app of apps) {
				const answers = { ...app.answers };
				for (const key of passportAnswers) answers[key] = '';
				await tx.update(applicationTable).set({ answers }).where(eq(applicationTable.id, app.id));
			}
			// Each participant has at most one number and one application here.
			const participants = Math.max(numbers.length, apps.length);
			await tx
				.update(passportErasureTable)
				.set({ participants })
				.where(eq(passportErasureTable.cohortId, cohort.id));
			await recordAudit(
				tx,
				{
					actorId: null,
					action: 'passport.erase',
					subjectType: 'cohort',
					subjectId: cohort.id,
					details: {
						scheduled: true,
						cohort: cohort.edition,
						participants,
						numbers: numbers.length,
						applications: apps.length,
						days: PASSPORT_RETENTION_DAYS,
					},
				},
				now.getTime(),
			);
			return true;
		});
		if (done) erased++;
	}
	return erased;
}
