/**
 * The time zone a person's records are shown in: the zone of their current cohort, so a time
 * reads the same on every page about them whoever looks; the office's zone when they have none
 * (the Secretariat, home contacts, an admin outside any cohort).
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '~db/client';
import { cohortMemberTable, cohortTable } from '~db/schema';
import { officeTimeZone } from '~/lib/dates';
import { findCurrentCohort } from './manage';

/** The zone of `userId`'s current cohort (as findCurrentCohort picks it), else the office's. */
export async function timeZoneOf(db: Db, userId: string): Promise<string> {
	return (await findCurrentCohort(db, userId))?.timezone ?? officeTimeZone;
}

/**
 * The same zone as a column of a list query, for lists that mix participants of several cohorts
 * (an admin's): one correlated lookup per row instead of a query per row afterwards.
 */
export function timeZoneColumn(userId: SQLWrapper): SQL<string> {
	return sql<string>`coalesce((select ${cohortTable.timezone} from ${cohortMemberTable}
		inner join ${cohortTable} on ${cohortTable.id} = ${cohortMemberTable.cohortId}
		where ${cohortMemberTable.userId} = ${userId}
		order by ${cohortTable.archivedAt} is not null, ${cohortTable.trainingStart} desc
		limit 1), ${officeTimeZone})`;
}
