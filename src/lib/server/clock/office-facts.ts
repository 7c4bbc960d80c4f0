/**
 * The records behind the programme office's reminders: the calls still worth a reminder, their
 * nominations, drafts and scores, and the cohorts about to start with their admin matters. The
 * office's own queries and rules (screening, the selection board, the matters) are reused, so a
 * reminder counts exactly what the pages show.
 */
import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	administrationTable,
	applicationTable,
	cohortTable,
	editionTable,
	nominationTable,
	userTable,
	type Edition,
	type Nomination,
} from '~db/schema';
import { matterStages, type CohortMatterFacts } from '~/lib/clock/matter-reminders';
import {
	selectionFollowUpDays,
	type CallFacts,
	type OfficeFacts,
} from '~/lib/clock/office-reminders';
import { addDays, daysBetween, todayIn, type Day } from '~/lib/dates';
import { listActiveAdministrations } from '../cohort/administration';
import { listMembers } from '../cohort/manage';
import { listCohortMatters } from '../enrolment/matters';
import { selectionBoard } from '../office/selection';

/** The calls' days are Tokyo days: the deadline runs until 23:59 there. */
const callTimeZone = 'Asia/Tokyo';

/** The clock reads applications as the programme office does (it is the office's own reminder). */
const office = { role: 'admin' };

async function activeUsers(db: Db, roles: ('admin' | 'secretariat')[]) {
	const rows = await db
		.select({ id: userTable.id })
		.from(userTable)
		.where(and(inArray(userTable.role, roles), isNull(userTable.disabledAt)));
	return rows.map((r) => r.id);
}

/** A request is stale when nobody confirmed it and no later request or confirmation replaced it. */
function staleRequests(all: Nomination[], now: Date): Nomination[] {
	return all.filter(
		(n) =>
			!n.verifiedAt &&
			n.verifyExpiresAt.getTime() <= now.getTime() &&
			!all.some(
				(o) =>
					o.id !== n.id &&
					o.candidateEmail === n.candidateEmail &&
					(o.verifiedAt || o.createdAt.getTime() > n.createdAt.getTime()),
			),
	);
}

async function nominationFacts(db: Db, edition: Edition, now: Date) {
	const [all, administrations] = await Promise.all([
		db.select().from(nominationTable).where(eq(nominationTable.editionId, edition.id)),
		listActiveAdministrations(db),
	]);
	const nominated = new Set(all.filter((n) => n.verifiedAt).map((n) => n.administrationId));
	const nameOf = new Map(administrations.map((a) => [a.id, a.name]));
	const stale = staleRequests(all, now);
	const missingNames = stale.some((n) => !nameOf.has(n.administrationId))
		? await db.select().from(administrationTable)
		: [];
	for (const a of missingNames) if (!nameOf.has(a.id)) nameOf.set(a.id, a.name);
	return {
		silentAdministrations: administrations.filter((a) => !nominated.has(a.id)).map((a) => a.name),
		administrationCount: administrations.length,
		unconfirmed: stale.map((n) => ({
			id: n.id,
			officerName: n.officerName,
			officerEmail: n.officerEmail,
			candidateName: n.candidateName,
			administration: nameOf.get(n.administrationId) ?? 'your administration',
			createdOn: todayIn(callTimeZone, n.createdAt),
		})),
	};
}

async function draftFacts(db: Db, editionId: string) {
	return db
		.select({
			id: applicationTable.id,
			candidateName: nominationTable.candidateName,
			candidateEmail: nominationTable.candidateEmail,
		})
		.from(applicationTable)
		.innerJoin(nominationTable, eq(nominationTable.id, applicationTable.nominationId))
		.where(and(eq(applicationTable.editionId, editionId), eq(applicationTable.status, 'draft')));
}

/** Scores and the decision, from the same board the selection page shows (only once closed). */
async function boardFacts(db: Db, edition: Edition, reviewerIds: string[]) {
	const board = await selectionBoard(db, office, edition.id);
	// Screened out ("not met") applications are not scored: the score form refuses them.
	const eligible = (board?.entries ?? []).filter((e) => e.standing !== 'not_met');
	const decision = board?.decision?.selection;
	return {
		eligible: eligible.length,
		unscored: reviewerIds.map((reviewerId) => ({
			reviewerId,
			// Only what the office assigned them (and they have not recused from) waits for them.
			count: eligible.filter(
				(e) =>
					e.assigned.some((a) => a.reviewerId === reviewerId && !a.recused) &&
					!e.sheets.some((s) => s.reviewerId === reviewerId),
			).length,
		})),
		selection: decision
			? { decidedOn: todayIn(callTimeZone, decision.decidedAt), noticesSent: !!decision.noticesAt }
			: null,
	};
}

async function callFacts(db: Db, today: Day, now: Date, reviewerIds: string[]) {
	// Older calls are past every reminder: the follow-up window after the deadline has ended.
	const editions = await db
		.select()
		.from(editionTable)
		.where(gte(editionTable.applicationDeadline, addDays(today, -selectionFollowUpDays)));
	const calls: CallFacts[] = [];
	for (const e of editions) {
		const open = today <= e.applicationDeadline;
		const closed = { eligible: 0, unscored: [], selection: null };
		calls.push({
			editionId: e.id,
			name: e.name,
			slug: e.slug,
			deadline: e.applicationDeadline,
			...(await nominationFacts(db, e, now)),
			drafts: open ? await draftFacts(db, e.id) : [],
			...(open ? closed : await boardFacts(db, e, reviewerIds)),
		});
	}
	return calls;
}

/** Cohorts whose first day of training is at most the first stage away, with their matters. */
async function matterFacts(db: Db, now: Date): Promise<CohortMatterFacts[]> {
	const cohorts = await db.select().from(cohortTable).where(isNull(cohortTable.archivedAt));
	const out: CohortMatterFacts[] = [];
	for (const cohort of cohorts) {
		const today = todayIn(cohort.timezone, now);
		const left = daysBetween(today, cohort.trainingStart);
		if (left < 0 || left > Math.max(...matterStages)) continue;
		const participants = (await listMembers(db, cohort.id)).filter(
			(m) => m.role === 'participant' && !m.disabledAt,
		);
		const matters = await listCohortMatters(
			db,
			cohort.id,
			participants.map((p) => p.userId),
		);
		out.push({
			cohortId: cohort.id,
			edition: cohort.edition,
			trainingStart: cohort.trainingStart,
			today,
			participants: participants.map((p) => ({
				id: p.userId,
				name: p.name,
				administration: p.administration ?? '',
				matters: matters.get(p.userId)!.matters,
			})),
		});
	}
	return out;
}

/** Everything the programme office's reminders need now. */
export async function officeFacts(db: Db, now: Date): Promise<OfficeFacts> {
	const today = todayIn(callTimeZone, now);
	const [adminIds, reviewerIds] = await Promise.all([
		activeUsers(db, ['admin']),
		activeUsers(db, ['admin', 'secretariat']),
	]);
	return {
		today,
		adminIds,
		calls: await callFacts(db, today, now, reviewerIds),
		cohorts: await matterFacts(db, now),
	};
}
