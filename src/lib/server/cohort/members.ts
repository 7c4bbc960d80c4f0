/**
 * Query parts for reading cohort members with their administration. A member's administration
 * is the linked record when there is one, else the name typed when they were enrolled.
 */
import { eq, sql } from 'drizzle-orm';
import { administrationTable, cohortMemberTable } from '~db/schema';

/** The administration's name as shown for a member (use with `memberAdministrationJoin`). */
export const memberAdministrationName = sql<
	string | null
>`coalesce(${administrationTable.name}, ${cohortMemberTable.administration})`;

/** The left-join condition that brings a member's administration record into a query. */
export const memberAdministrationJoin = eq(
	administrationTable.id,
	cohortMemberTable.administrationId,
);
