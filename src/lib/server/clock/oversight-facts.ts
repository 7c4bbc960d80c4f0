/** The records behind the Secretariat's and home contacts' reminders, for one running cohort. */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportDeliveryTable, reportVersionTable } from '~db/schema';
import type { UnacknowledgedDelivery, UndecidedVersion } from '~/lib/clock/oversight-reminders';
import { todayIn } from '~/lib/dates';
import { membersOf } from '../cohort/members';
import { pendingVersionsOf } from '../report/versions';
import { recipientAccounts } from '../oversight/delivery';
import type { CohortNow } from './running-cohorts';

/** Deliveries to the Secretariat or a home administration still unacknowledged, and undecided versions. */
export async function oversightFacts(
	db: Db,
	{ cohort }: CohortNow,
): Promise<{ deliveries: UnacknowledgedDelivery[]; versions: UndecidedVersion[] }> {
	const participants = await membersOf(db, cohort.id, { role: 'participant' });
	if (!participants.length) return { deliveries: [], versions: [] };
	const nameOf = new Map(participants.map((p) => [p.id, p.name]));
	const ids = participants.map((p) => p.id);
	const open = await db
		.select({ delivery: reportDeliveryTable, version: reportVersionTable })
		.from(reportDeliveryTable)
		.innerJoin(reportVersionTable, eq(reportVersionTable.id, reportDeliveryTable.versionId))
		.where(
			and(
				inArray(reportVersionTable.participantId, ids),
				inArray(reportDeliveryTable.recipient, ['wco_secretariat', 'home_administration']),
				isNotNull(reportDeliveryTable.deliveredAt),
				isNull(reportDeliveryTable.acknowledgedAt),
			),
		);
	const deliveries: UnacknowledgedDelivery[] = [];
	for (const { delivery, version } of open)
		deliveries.push({
			id: delivery.id,
			participantName: nameOf.get(version.participantId)!,
			number: version.number,
			deliveredOn: todayIn(cohort.timezone, delivery.deliveredAt!),
			recipientIds: await recipientAccounts(db, version.participantId, delivery.recipient),
		});
	const pending = await pendingVersionsOf(db, ids);
	const versions: UndecidedVersion[] = [];
	for (const v of pending) {
		const secretariat = await recipientAccounts(db, v.participantId, 'wco_secretariat');
		const home = await recipientAccounts(db, v.participantId, 'home_administration');
		versions.push({
			id: v.id,
			participantName: nameOf.get(v.participantId)!,
			number: v.number,
			correctionsUntil: cohort.correctionsUntil,
			overseerIds: [...new Set([...secretariat, ...home])],
		});
	}
	return { deliveries, versions };
}
