/**
 * Query parts for reading cohort members with their administration. A member's administration
 * is the linked record when there is one, else the name typed when they were enrolled.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { administrationTable, cohortMemberTable, userTable, type CohortMember } from '~db/schema';

/** The administration's name as shown for a member (use with `memberAdministrationJoin`). */
export const memberAdministrationName = sql<
	string | null
>`coalesce(${administrationTable.name}, ${cohortMemberTable.administration})`;

/** The left-join condition that brings a member's administration record into a query. */
export const memberAdministrationJoin = eq(
	administrationTable.id,
	cohortMemberTable.administrationId,
);

/** Which members `membersOf` returns: one role only, and/or only accounts not disabled. */
export type MemberFilter = { role?: CohortMember['role']; enabledOnly?: boolean };

/** A cohort's members (id, name, role), narrowed by `filter`. */
export function membersOf(db: Pick<Db, 'select'>, cohortId: string, filter: MemberFilter = {}) {
	return db
		.select({ id: userTable.id, name: userTable.name, role: cohortMemberTable.role })
		.from(cohortMemberTable)
		.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
		.where(
			and(
				eq(cohortMemberTable.cohortId, cohortId),
				filter.role ? eq(cohortMemberTable.role, filter.role) : undefined,
				filter.enabledOnly ? isNull(userTable.disabledAt) : undefined,
			),
		);
}
