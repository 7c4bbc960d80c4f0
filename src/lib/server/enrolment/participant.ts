/** A participant as the enrolment records name them: who, which administration, which cohort and edition. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	administrationTable,
	cohortMemberTable,
	cohortTable,
	editionTable,
	userTable,
	type Cohort,
} from '~db/schema';
import { memberAdministrationName, memberAdministrationJoin } from '../cohort/members';

/** Where the programme takes place when no edition record says otherwise (charter; PRODUCT.md). */
export const defaultVenue = 'RILO A/P, Tokyo, Japan';

/** What a letter, the admin matters and the alumni directory say about a participant's cohort. */
export type Enrolment = {
	participantId: string;
	name: string;
	administration: string;
	cohort: Cohort;
	/** The edition's name ("2026/2027"), from the call's record when the cohort has one. */
	editionName: string;
	venue: string;
};

/** The participant's enrolment in one cohort, or null when they are not one of its participants. */
export async function findEnrolment(
	db: Db,
	participantId: string,
	cohortId?: string,
): Promise<Enrolment | null> {
	const [row] = await db
		.select({
			name: userTable.name,
			administration: memberAdministrationName,
			cohort: cohortTable,
			editionName: editionTable.name,
			venue: editionTable.venue,
		})
		.from(cohortMemberTable)
		.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.leftJoin(administrationTable, memberAdministrationJoin)
		.leftJoin(editionTable, eq(editionTable.cohortId, cohortTable.id))
		.where(
			and(
				eq(cohortMemberTable.userId, participantId),
				eq(cohortMemberTable.role, 'participant'),
				eq(userTable.role, 'participant'),
				cohortId ? eq(cohortMemberTable.cohortId, cohortId) : undefined,
			),
		)
		// The cohort they work in now: not archived first, then the newest (as findCurrentCohort).
		.orderBy(sql`${cohortTable.archivedAt} is not null`, desc(cohortTable.trainingStart))
		.limit(1);
	if (!row) return null;
	return {
		participantId,
		name: row.name,
		administration: row.administration ?? '',
		cohort: row.cohort,
		editionName: row.editionName ?? row.cohort.edition,
		venue: row.venue ?? defaultVenue,
	};
}
