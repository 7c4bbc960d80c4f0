/** The records behind the follow-up reminders: every former participant with an accepted report. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { recommendationFollowUpTable, reportVersionTable, userTable } from '~db/schema';
import type { FollowUpFacts } from '~/lib/clock/follow-up-reminders';
import { todayIn } from '~/lib/dates';
import { acceptedRecommendations } from '../followup/load';
import { recipientAccounts } from '../oversight/delivery';
import { participantMembership } from '../oversight/access';

/** Facts for each participant whose report was accepted (few: four an edition). */
export async function followUpFacts(db: Db, now: Date): Promise<FollowUpFacts[]> {
	const people = await db
		.selectDistinct({ id: userTable.id, name: userTable.name })
		.from(reportVersionTable)
		.innerJoin(userTable, eq(userTable.id, reportVersionTable.participantId))
		.where(and(eq(reportVersionTable.decision, 'accepted'), isNull(userTable.disabledAt)));
	const facts: FollowUpFacts[] = [];
	for (const person of people) {
		const membership = await participantMembership(db, person.id);
		const accepted = await acceptedRecommendations(db, person.id);
		if (!membership || !accepted) continue;
		const counts = await db
			.select({ round: recommendationFollowUpTable.round, n: sql<number>`count(*)` })
			.from(recommendationFollowUpTable)
			.where(eq(recommendationFollowUpTable.participantId, person.id))
			.groupBy(recommendationFollowUpTable.round);
		facts.push({
			participantId: person.id,
			name: person.name,
			departure: membership.cohort.departureDate,
			today: todayIn(membership.cohort.timezone, now),
			recommendations: accepted.items.length,
			answered: Object.fromEntries(counts.map((c) => [c.round, Number(c.n)])),
			recipientIds: [person.id, ...(await recipientAccounts(db, person.id, 'home_administration'))],
		});
	}
	return facts;
}
