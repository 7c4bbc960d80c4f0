/** Small builders for integration tests: people and cohorts with sensible defaults. */
import type { Db } from '~db/client';
import type { Role } from '~db/schema';
import { addMember, createCohort, type CohortInput } from '~/lib/server/cohort/manage';
import { insertUser } from '~/lib/server/auth/user';
import type { SessionUser } from '~/lib/server/auth/session';
import { findCase } from '~/lib/server/cen/cases';
import { createSeizure } from '~/lib/server/cen/seizure';
import { factoryDates } from './cohort-dates';

let counter = 0;

/** A strong password every test user gets. */
export const testPassword = 'orbit lantern cedar mosaic';

/** Creates a user; returns what pages and actions see of them. */
export async function makeUser(db: Db, role: Role, name?: string): Promise<SessionUser> {
	counter += 1;
	const u = await insertUser(db, {
		email: `${role}${counter}@test.example`,
		name: name ?? `${role} ${counter}`,
		role,
		password: testPassword,
	});
	return { id: u.id, email: u.email, name: u.name, role: u.role };
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

/** A practice seizure coded exactly as an exercise key, dated inside the factory cohort's OJT. */
export async function makeSeizure(
	db: Db,
	owner: SessionUser,
	caseId = 'outbound-cash-strapped',
	today = '2026-12-10',
) {
	return createSeizure(db, owner, findCase(caseId)!.key, { today });
}
