/**
 * The alumni directory (the charter's lasting network): past participants choose to be listed
 * with a contact of their choice; opting out removes the entry at once. Readable by every
 * signed-in member of the programme (participants, mentors, admins, the WCO Secretariat and
 * home contacts), never signed out.
 */
import { and, asc, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	administrationTable,
	alumniEntryTable,
	cohortMemberTable,
	cohortTable,
	editionTable,
	studyTable,
	userTable,
	type Cohort,
} from '~db/schema';
import { todayIn } from '~/lib/dates';
import { recordAudit } from '../audit';
import { RuleError } from '../errors';
import type { SessionUser } from '../auth/session';
import { findRow } from '../find-row';
import { memberAdministrationName, memberAdministrationJoin } from '../cohort/members';

/** Longest contact accepted (an address or a line of text). */
export const contactMaxLength = 200;

/** A cohort's programme is over once it is archived or its participants have left Japan. */
export function programmeEnded(cohort: Cohort, now = new Date()): boolean {
	return cohort.archivedAt !== null || cohort.departureDate < todayIn(cohort.timezone, now);
}

const dayAfter = (now: Date) => new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);

/** The newest cohort whose programme `userId` completed as a participant, or null. */
export async function findPastCohort(db: Db, userId: string, now = new Date()) {
	const rows = await db
		.select({ cohort: cohortTable })
		.from(cohortMemberTable)
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.where(
			and(
				eq(cohortMemberTable.userId, userId),
				eq(cohortMemberTable.role, 'participant'),
				// A cheap first cut, a day wide (the cohort's time zone decides below).
				or(isNotNull(cohortTable.archivedAt), lt(cohortTable.departureDate, dayAfter(now))),
			),
		)
		.orderBy(desc(cohortTable.trainingStart));
	return rows.map((r) => r.cohort).find((c) => programmeEnded(c, now)) ?? null;
}

/** The person's own entry, or null when they are not listed. */
export async function findOwnEntry(db: Db, userId: string) {
	return findRow(db, alumniEntryTable, eq(alumniEntryTable.userId, userId));
}

/** Lists (or updates) a past participant with the contact they chose. */
export async function joinAlumni(
	db: Db,
	user: SessionUser,
	contact: string,
	now = new Date(),
): Promise<'joined' | 'updated'> {
	const text = contact.trim();
	if (user.role !== 'participant')
		throw new RuleError('forbidden', 'The alumni directory lists past participants only.');
	const cohort = await findPastCohort(db, user.id, now);
	if (!cohort)
		throw new RuleError(
			'forbidden',
			'You can join the alumni directory once your programme has ended.',
		);
	if (text.length < 3)
		throw new RuleError(
			'invalid',
			'Enter how alumni can reach you, e.g. an email address.',
			'contact',
		);
	if (text.length > contactMaxLength)
		throw new RuleError('invalid', `Use at most ${contactMaxLength} characters.`, 'contact');
	const existing = await findOwnEntry(db, user.id);
	await db.transaction(async (tx) => {
		await tx
			.insert(alumniEntryTable)
			.values({ userId: user.id, cohortId: cohort.id, contact: text, updatedAt: now })
			.onConflictDoUpdate({
				target: alumniEntryTable.userId,
				set: { cohortId: cohort.id, contact: text, updatedAt: now },
			});
		await recordAudit(
			tx,
			{
				actorId: user.id,
				action: existing ? 'alumni.update' : 'alumni.join',
				subjectType: 'user',
				subjectId: user.id,
			},
			now.getTime(),
		);
	});
	return existing ? 'updated' : 'joined';
}

/** Removes the person's entry at once; false when they were not listed. */
export async function leaveAlumni(db: Db, user: SessionUser, now = new Date()): Promise<boolean> {
	const removed = await db
		.delete(alumniEntryTable)
		.where(eq(alumniEntryTable.userId, user.id))
		.returning({ userId: alumniEntryTable.userId });
	if (!removed.length) return false;
	await recordAudit(
		db,
		{ actorId: user.id, action: 'alumni.leave', subjectType: 'user', subjectId: user.id },
		now.getTime(),
	);
	return true;
}

/** Every listed alumnus: name, administration, edition, study topic and contact; newest edition first. */
export async function listAlumni(db: Db) {
	const rows = await db
		.select({
			userId: alumniEntryTable.userId,
			name: userTable.name,
			administration: memberAdministrationName,
			edition: sql<string>`coalesce(${editionTable.name}, ${cohortTable.edition})`,
			topic: studyTable.title,
			contact: alumniEntryTable.contact,
		})
		.from(alumniEntryTable)
		.innerJoin(userTable, eq(userTable.id, alumniEntryTable.userId))
		.innerJoin(cohortTable, eq(cohortTable.id, alumniEntryTable.cohortId))
		.leftJoin(
			cohortMemberTable,
			and(
				eq(cohortMemberTable.cohortId, alumniEntryTable.cohortId),
				eq(cohortMemberTable.userId, alumniEntryTable.userId),
			),
		)
		.leftJoin(administrationTable, memberAdministrationJoin)
		.leftJoin(editionTable, eq(editionTable.cohortId, cohortTable.id))
		.leftJoin(studyTable, eq(studyTable.participantId, alumniEntryTable.userId))
		// A disabled account is no longer a member of the network.
		.where(isNull(userTable.disabledAt))
		.orderBy(desc(cohortTable.trainingStart), asc(userTable.name));
	return rows.map((r) => ({ ...r, administration: r.administration ?? '', topic: r.topic ?? '' }));
}

/** The roles that read the directory: every signed-in member of the programme. */
export const alumniReaders: SessionUser['role'][] = [
	'participant',
	'mentor',
	'admin',
	'secretariat',
	'home',
];
