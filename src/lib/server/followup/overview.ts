/**
 * The follow-up across editions: for each former participant with an accepted report, what
 * became of their recommendations at 3 and 6 months. For the Secretariat and RILO A/P (admins,
 * mentors); an alumnus and a home contact see only the people they answer for.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	administrationTable,
	cohortMemberTable,
	cohortTable,
	recommendationFollowUpTable,
	reportVersionTable,
	userTable,
	type FollowUpAnswer,
} from '~db/schema';
import type { SessionUser } from '../auth/session';
import { homeAdministrationOf } from '../oversight/access';
import { memberAdministrationJoin } from '../cohort/members';

/** One former participant's line. */
export type FollowUpLine = {
	participantId: string;
	name: string;
	administration: string;
	edition: string;
	departure: string;
	counts: Record<3 | 6, Record<FollowUpAnswer, number>>;
};

const empty = (): Record<FollowUpAnswer, number> => ({
	adopted: 0,
	in_progress: 0,
	not_adopted: 0,
});

/** Everyone with an accepted report `viewer` may see, newest edition first, with answer counts. */
export async function listFollowUps(db: Db, viewer: SessionUser): Promise<FollowUpLine[]> {
	const accepted = db
		.select({ id: reportVersionTable.participantId })
		.from(reportVersionTable)
		.where(eq(reportVersionTable.decision, 'accepted'));
	const scope =
		viewer.role === 'participant'
			? eq(userTable.id, viewer.id)
			: viewer.role === 'home'
				? eq(cohortMemberTable.administrationId, (await homeAdministrationOf(db, viewer.id)) ?? '')
				: undefined;
	const people = await db
		.select({
			participantId: userTable.id,
			name: userTable.name,
			administration: administrationTable.name,
			edition: cohortTable.edition,
			departure: cohortTable.departureDate,
		})
		.from(cohortMemberTable)
		.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.leftJoin(administrationTable, memberAdministrationJoin)
		.where(and(eq(cohortMemberTable.role, 'participant'), inArray(userTable.id, accepted), scope))
		.orderBy(desc(cohortTable.trainingStart), userTable.name);
	const answers = people.length
		? await db
				.select()
				.from(recommendationFollowUpTable)
				.where(
					inArray(
						recommendationFollowUpTable.participantId,
						people.map((p) => p.participantId),
					),
				)
		: [];
	return people.map((p) => {
		const counts = { 3: empty(), 6: empty() } as FollowUpLine['counts'];
		for (const a of answers)
			if (a.participantId === p.participantId && (a.round === 3 || a.round === 6))
				counts[a.round][a.answer]++;
		return { ...p, administration: p.administration ?? '', counts };
	});
}
