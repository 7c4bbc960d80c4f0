/**
 * The facts behind the programme office's to-do list. The call's queues are counted per
 * edition still to be decided (screening runs in code, on that edition's few dozen
 * applications); admin matters are read for the participants of open cohorts only.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	adminMatterTable,
	cohortMemberTable,
	cohortTable,
	editionTable,
	nominationTable,
	reviewAssignmentTable,
	scoreSheetTable,
	selectionTable,
	userTable,
} from '~db/schema';
import { todayIn } from '~/lib/dates';
import {
	buildOfficeTodo,
	missingMatters,
	type EditionCount,
	type OfficeTodoFacts,
} from '~/lib/todo/office';
import type { SessionUser } from '../auth/session';
import { listEditionApplications } from '../office/application';
import { countPurgeDue } from '../office/purge';
import { listPendingDeliveries } from '../oversight/delivery';
import { dayOf, versionsWaiting } from './shared';

function unconfirmedNominations(db: Db, now: Date) {
	return db
		.select({
			editionId: editionTable.id,
			name: editionTable.name,
			slug: editionTable.slug,
			n: sql<number>`count(*)`,
		})
		.from(nominationTable)
		.innerJoin(editionTable, eq(editionTable.id, nominationTable.editionId))
		.where(and(isNull(nominationTable.verifiedAt), gt(nominationTable.verifyExpiresAt, now)))
		.groupBy(editionTable.id);
}

/** Per edition without a recorded selection: applications to check by hand and to score. */
async function callQueues(db: Db, admin: SessionUser) {
	const open = await db
		.select({ id: editionTable.id, name: editionTable.name, slug: editionTable.slug })
		.from(editionTable)
		.leftJoin(selectionTable, eq(selectionTable.editionId, editionTable.id))
		.where(isNull(selectionTable.id));
	const toScreen: EditionCount[] = [];
	const toScore: EditionCount[] = [];
	const toAssign: EditionCount[] = [];
	for (const edition of open) {
		const apps = await listEditionApplications(db, admin, edition.id);
		if (!apps.length) continue;
		const ids = apps.map((a) => a.row.application.id);
		const scored = new Set(
			(
				await db
					.select({ id: scoreSheetTable.applicationId })
					.from(scoreSheetTable)
					.where(
						and(
							eq(scoreSheetTable.reviewerId, admin.id),
							inArray(scoreSheetTable.applicationId, ids),
						),
					)
			).map((r) => r.id),
		);
		// Only what the office assigned to this reviewer waits for their sheet.
		const assignments = await db
			.select({
				id: reviewAssignmentTable.applicationId,
				reviewerId: reviewAssignmentTable.reviewerId,
			})
			.from(reviewAssignmentTable)
			.where(inArray(reviewAssignmentTable.applicationId, ids));
		const mine = new Set(assignments.filter((r) => r.reviewerId === admin.id).map((r) => r.id));
		const assigned = new Set(assignments.map((r) => r.id));
		const count = (n: number) => ({
			editionId: edition.id,
			name: edition.name,
			slug: edition.slug,
			n,
		});
		const checking = apps.filter((a) => a.standing === 'to_check').length;
		// An application that fails a requirement is not ranked, so it needs no score.
		const unscored = apps.filter(
			(a) =>
				a.standing !== 'not_met' &&
				mine.has(a.row.application.id) &&
				!scored.has(a.row.application.id),
		).length;
		const unassigned = apps.filter(
			(a) => a.standing !== 'not_met' && !assigned.has(a.row.application.id),
		).length;
		if (checking) toScreen.push(count(checking));
		if (unscored) toScore.push(count(unscored));
		if (unassigned) toAssign.push(count(unassigned));
	}
	return { toScreen, toScore, toAssign };
}

function noticesNotSent(db: Db) {
	return db
		.select({
			name: editionTable.name,
			slug: editionTable.slug,
			decidedAt: selectionTable.decidedAt,
		})
		.from(selectionTable)
		.innerJoin(editionTable, eq(editionTable.id, selectionTable.editionId))
		.where(isNull(selectionTable.noticesAt));
}

/** Every participant of a cohort not archived, with what is recorded of their matters. */
function openCohortMatters(db: Db) {
	return db
		.select({
			participantId: cohortMemberTable.userId,
			name: userTable.name,
			trainingStart: cohortTable.trainingStart,
			departureDate: cohortTable.departureDate,
			timezone: cohortTable.timezone,
			matter: adminMatterTable,
		})
		.from(cohortMemberTable)
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
		.leftJoin(
			adminMatterTable,
			and(
				eq(adminMatterTable.participantId, cohortMemberTable.userId),
				eq(adminMatterTable.cohortId, cohortMemberTable.cohortId),
			),
		)
		.where(and(eq(cohortMemberTable.role, 'participant'), isNull(cohortTable.archivedAt)))
		.orderBy(asc(cohortTable.trainingStart), asc(userTable.name));
}

/** Everything the office's to-do list needs; `retentionMonths` is the configured retention. */
export async function loadOfficeTodoFacts(
	db: Db,
	admin: SessionUser,
	retentionMonths: number,
	now = new Date(),
): Promise<OfficeTodoFacts> {
	const [unconfirmed, queues, notices, matters, purge, deliveries, versions] = await Promise.all([
		unconfirmedNominations(db, now),
		callQueues(db, admin),
		noticesNotSent(db),
		openCohortMatters(db),
		countPurgeDue(db, retentionMonths, now.getTime()),
		listPendingDeliveries(db),
		versionsWaiting(db),
	]);
	return {
		unconfirmed: unconfirmed.map((e) => ({ ...e, n: Number(e.n) })),
		...queues,
		// The decision day as the notices say it: Tokyo, where the office sits.
		notices: notices.map((n) => ({ ...n, decidedOn: dayOf(n.decidedAt, 'Asia/Tokyo') })),
		matters: matters.map((m) => ({
			participantId: m.participantId,
			name: m.name,
			missing: missingMatters(m.matter),
			trainingStart: m.trainingStart,
			departureDate: m.departureDate,
			today: todayIn(m.timezone, now),
		})),
		purge: { ...purge, months: retentionMonths },
		deliveries: deliveries.map((d) => ({
			id: d.id,
			participantId: d.participantId,
			name: d.name,
			number: d.number,
			recipient: d.recipient,
			linkSent: Boolean(d.linkEmail),
		})),
		versions: versions.map((v) => ({
			participantId: v.participantId,
			name: v.name,
			number: v.number,
			since: dayOf(v.submittedAt, 'Asia/Tokyo'),
		})),
	};
}

/** The programme office's to-do list, most urgent first. */
export async function officeTodo(
	db: Db,
	admin: SessionUser,
	retentionMonths: number,
	now = new Date(),
) {
	return buildOfficeTodo(await loadOfficeTodoFacts(db, admin, retentionMonths, now));
}
