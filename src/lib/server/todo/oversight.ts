/**
 * The facts behind the WCO Secretariat's and a home contact's to-do lists. Every query is
 * limited to the officers the viewer may see: every participant for the Secretariat, their own
 * administration's for a home contact (oversight/access.ts decides the same way).
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cohortMemberTable,
	cohortTable,
	reportDeliveryTable,
	reportVersionTable,
	userTable,
} from '~db/schema';
import { todayIn } from '~/lib/dates';
import { buildOversightTodo, type OversightTodoFacts } from '~/lib/todo/oversight';
import type { SessionUser } from '../auth/session';
import { recipientOf } from '../oversight/delivery';
import { homeAdministrationOf } from '../oversight/access';
import { cohortTimezoneOf, dayOf, pendingAgreements } from './shared';

/** The participant ids a viewer oversees, as a subquery. */
function officerIds(db: Db, administrationId: string | null) {
	return db
		.select({ id: cohortMemberTable.userId })
		.from(cohortMemberTable)
		.where(
			and(
				eq(cohortMemberTable.role, 'participant'),
				administrationId ? eq(cohortMemberTable.administrationId, administrationId) : undefined,
			),
		);
}

function unacknowledged(db: Db, viewer: SessionUser, officers: ReturnType<typeof officerIds>) {
	return db
		.select({
			participantId: reportVersionTable.participantId,
			name: userTable.name,
			number: reportVersionTable.number,
			deliveredAt: reportDeliveryTable.deliveredAt,
			timezone: cohortTimezoneOf(reportVersionTable.participantId),
		})
		.from(reportDeliveryTable)
		.innerJoin(reportVersionTable, eq(reportVersionTable.id, reportDeliveryTable.versionId))
		.innerJoin(userTable, eq(userTable.id, reportVersionTable.participantId))
		.where(
			and(
				eq(reportDeliveryTable.recipient, recipientOf(viewer)!),
				isNotNull(reportDeliveryTable.deliveredAt),
				isNull(reportDeliveryTable.acknowledgedAt),
				inArray(reportVersionTable.participantId, officers),
			),
		)
		.orderBy(asc(reportDeliveryTable.deliveredAt));
}

/** Each officer's latest version when undecided or returned, with their cohort's window. */
async function openVersions(db: Db, administrationId: string | null) {
	const v = reportVersionTable;
	const rows = await db
		.select({
			participantId: v.participantId,
			name: userTable.name,
			number: v.number,
			decision: v.decision,
			correctionsUntil: cohortTable.correctionsUntil,
			timezone: cohortTable.timezone,
		})
		.from(v)
		.innerJoin(userTable, eq(userTable.id, v.participantId))
		.innerJoin(
			cohortMemberTable,
			and(eq(cohortMemberTable.userId, v.participantId), eq(cohortMemberTable.role, 'participant')),
		)
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.where(
			and(
				inArray(v.decision, ['pending', 'returned']),
				sql`${v.number} = (select max(l.number) from report_version l where l.participant_id = ${v.participantId})`,
				administrationId ? eq(cohortMemberTable.administrationId, administrationId) : undefined,
			),
		)
		.orderBy(desc(cohortTable.trainingStart));
	// A participant in two cohorts appears twice: the latest cohort's window counts.
	const seen = new Set<string>();
	return rows.filter((r) => !seen.has(r.participantId) && seen.add(r.participantId));
}

/** Everything an overseer's to-do list needs; nothing for a home contact without an administration. */
export async function loadOversightTodoFacts(
	db: Db,
	viewer: SessionUser,
	now = new Date(),
): Promise<OversightTodoFacts> {
	const own = viewer.role === 'home' ? await homeAdministrationOf(db, viewer.id) : null;
	if (viewer.role !== 'secretariat' && !own)
		return { deliveries: [], agreements: [], corrections: [] };
	const officers = officerIds(db, own);
	const [deliveries, agreements, versions] = await Promise.all([
		unacknowledged(db, viewer, officers),
		// The Secretariat reads the agreement; only the home administration is a party to it.
		own ? pendingAgreements(db, officers, 'home', now) : [],
		openVersions(db, own),
	]);
	return {
		deliveries: deliveries.map((d) => ({
			participantId: d.participantId,
			name: d.name,
			number: d.number,
			deliveredOn: dayOf(d.deliveredAt ?? now, d.timezone),
		})),
		agreements,
		corrections: versions.map((r) => ({
			participantId: r.participantId,
			name: r.name,
			number: r.number,
			decision: r.decision as 'pending' | 'returned',
			correctionsUntil: r.correctionsUntil,
			today: todayIn(r.timezone, now),
		})),
	};
}

/** The to-do list of the WCO Secretariat or a home contact, most urgent first. */
export async function oversightTodo(db: Db, viewer: SessionUser, now = new Date()) {
	const role = viewer.role === 'home' ? 'home' : 'secretariat';
	return buildOversightTodo(await loadOversightTodoFacts(db, viewer, now), role);
}
