/** Small builders for integration tests: people and cohorts with sensible defaults. */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	applicationTable,
	cohortMemberTable,
	cohortTable,
	editionTable,
	nominatingContactTable,
	nominationTable,
	type Role,
} from '~db/schema';
import { addMember, createCohort, type CohortInput } from '~/lib/server/cohort/manage';
import { insertUser } from '~/lib/server/auth/user';
import type { SessionUser } from '~/lib/server/auth/session';
import { findCase } from '~/lib/server/cen/cases';
import { createSeizure } from '~/lib/server/cen/seizure';
import { storedAnswers, type Answers } from '~/lib/office/application-form';
import { eligibleAnswers } from './applications';
import { factoryDates } from './cohort-dates';
import { useTestDb } from './db';

let counter = 0;

/** A strong password every test user gets. */
export const testPassword = 'orbit lantern cedar mosaic';

/** Creates a user; returns what pages and actions see of them. */
export async function makeUser(
	db: Db,
	role: Role,
	name?: string,
	administrationId?: string | null,
): Promise<SessionUser> {
	counter += 1;
	const u = await insertUser(db, {
		email: `${role}${counter}@test.example`,
		name: name ?? `${role} ${counter}`,
		role,
		password: testPassword,
		administrationId,
	});
	return { id: u.id, email: u.email, name: u.name, role: u.role };
}

/** A home contact of the administration a cohort participant comes from. */
export async function makeHome(db: Db, participantId: string, name = 'Home contact') {
	const [member] = await db
		.select({ administrationId: cohortMemberTable.administrationId })
		.from(cohortMemberTable)
		.where(eq(cohortMemberTable.userId, participantId));
	return makeUser(db, 'home', name, member!.administrationId);
}

/** Valid cohort dates, overridable. */
export function cohortInput(overrides: Partial<CohortInput> = {}): CohortInput {
	counter += 1;
	return {
		edition: `Test ${counter}`,
		timezone: 'Asia/Tokyo',
		...factoryDates,
		...overrides,
	};
}

/** A cohort with `participants` participants (distinct administrations) and one mentor. */
export async function makeCohort(db: Db, admin: SessionUser, participants = 2) {
	const cohort = await createCohort(db, admin.id, cohortInput());
	const mentor = await makeUser(db, 'mentor');
	await addMember(db, { cohortId: cohort.id, userId: mentor.id, role: 'mentor' });
	const people: SessionUser[] = [];
	for (let i = 0; i < participants; i++) {
		const p = await makeUser(db, 'participant');
		await addMember(db, {
			cohortId: cohort.id,
			userId: p.id,
			role: 'participant',
			administration: `Administration ${p.id}`,
		});
		people.push(p);
	}
	return { cohort, mentor, participants: people };
}

/**
 * The usual stage for access rules: a cohort with two participants and its mentor, and a second
 * cohort whose mentor and participant must see nothing of the first.
 */
export async function makeTwoCohorts(db: Db) {
	const admin = await makeUser(db, 'admin');
	const a = await makeCohort(db, admin, 2);
	const b = await makeCohort(db, admin, 1);
	return {
		admin,
		cohort: a.cohort,
		mentor: a.mentor,
		p1: a.participants[0]!,
		p2: a.participants[1]!,
		otherMentor: b.mentor,
		outsider: b.participants[0]!,
	};
}

/**
 * A fresh database for each test and a `setup` that fills it with two cohorts
 * ({@link makeTwoCohorts}): the opening of every test file about one participant's own records.
 */
export function useTwoCohortsDb() {
	const t = useTestDb();
	return { t, setup: () => makeTwoCohorts(t.db) };
}

/** A practice seizure coded exactly as an exercise key, dated inside the factory cohort's OJT. */
export async function makeSeizure(
	db: Db,
	owner: SessionUser,
	caseId = 'outbound-cash-strapped',
	today = '2026-12-10',
) {
	return createSeizure(db, owner, findCase(caseId)!.key, { today });
}

/** makeCohort, then these dates or time zone written as they are (a test may pick any day). */
export async function makeCohortWith(
	db: Db,
	admin: SessionUser,
	overrides: Partial<CohortInput>,
	participants = 2,
) {
	const made = await makeCohort(db, admin, participants);
	const [cohort] = await db
		.update(cohortTable)
		.set(overrides)
		.where(eq(cohortTable.id, made.cohort.id))
		.returning();
	return { ...made, cohort: cohort! };
}

/** An edition whose call closes on `deadline` (Tokyo), with a name and address from its year. */
export async function makeEdition(db: Db, deadline: string, id = `ed${deadline.slice(0, 4)}`) {
	const year = Number(deadline.slice(0, 4));
	const [row] = await db
		.insert(editionTable)
		.values({
			id,
			name: `${year}/${year + 1}`,
			slug: `${year}-${year + 1}`,
			applicationDeadline: deadline,
			selectionPeriod: `September ${year}`,
			programmePeriod: `November–December ${year}`,
			venue: 'RILO A/P, Tokyo, Japan',
			language: 'English',
		})
		.returning();
	return row!;
}

let applicationCounter = 0;

/** A confirmed nomination and its application (submitted unless told), written directly. */
export async function makeApplication(
	db: Db,
	editionId: string,
	administrationId: string,
	candidateName: string,
	opts: {
		status?: 'draft' | 'submitted';
		answers?: Answers;
		at?: Date;
	} = {},
) {
	applicationCounter += 1;
	const n = applicationCounter;
	const at = opts.at ?? new Date(Date.parse('2026-07-10T00:00:00Z') + n * 60_000);
	const status = opts.status ?? 'submitted';
	const email = `${candidateName.split(' ')[0]!.toLowerCase()}${n}@customs.example`;
	// The office keeps the administration's official domain: the nomination is verified.
	await db
		.insert(nominatingContactTable)
		.values({ administrationId, contact: 'customs.example' })
		.onConflictDoNothing();
	await db.insert(nominationTable).values({
		id: `nom${n}`,
		editionId,
		administrationId,
		officerName: `Officer ${n}`,
		officerPost: 'Director',
		officerEmail: `officer${n}@customs.example`,
		candidateName,
		candidateEmail: email,
		verifyTokenHash: `verify${n}`,
		verifyExpiresAt: at,
		verifiedAt: at,
		createdAt: at,
	});
	await db.insert(applicationTable).values({
		id: `app${n}`,
		nominationId: `nom${n}`,
		editionId,
		tokenHash: `apptoken${n}`,
		answers: storedAnswers(opts.answers ?? eligibleAnswers({ fullName: candidateName })),
		status,
		submittedAt: status === 'submitted' ? at : null,
		updatedAt: at,
	});
	return { id: `app${n}`, nominationId: `nom${n}`, candidateEmail: email };
}
