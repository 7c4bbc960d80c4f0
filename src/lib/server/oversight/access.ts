/**
 * What the charter's other parties read. The WCO Secretariat supervises every cohort; a home
 * contact sees only the officers of their own administration (anyone else is a 404). Both read
 * finished work only: approved logbook entries, the study plan and its activities, submitted
 * report versions — never drafts, mentor comments or the working copy of the report. Restricted
 * entries: the Secretariat sees that they exist, a home contact does not see them at all.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	administrationTable,
	cohortMemberTable,
	cohortTable,
	logEntryTable,
	moduleProgressTable,
	reportTable,
	userTable,
	type Cohort,
	type LogEntry,
	type User,
} from '~db/schema';
import { findParticipant, findVisibleParticipant } from '../access';
import type { SessionUser } from '../auth/session';
import { memberAdministrationName, memberAdministrationJoin } from '../cohort/members';

/** True for the roles that read through this module rather than access.ts. */
export function isOverseer(viewer: SessionUser): boolean {
	return viewer.role === 'secretariat' || viewer.role === 'home';
}

/** The administration a home contact belongs to, or null. */
export async function homeAdministrationOf(db: Db, userId: string): Promise<string | null> {
	const [row] = await db
		.select({ id: userTable.administrationId })
		.from(userTable)
		.where(and(eq(userTable.id, userId), eq(userTable.role, 'home')));
	return row?.id ?? null;
}

/** A participant's membership: cohort and administration (the latest cohort when several). */
export async function participantMembership(db: Pick<Db, 'select'>, participantId: string) {
	const [row] = await db
		.select({
			cohort: cohortTable,
			administrationId: cohortMemberTable.administrationId,
			administration: memberAdministrationName,
		})
		.from(cohortMemberTable)
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.leftJoin(administrationTable, memberAdministrationJoin)
		.where(
			and(eq(cohortMemberTable.userId, participantId), eq(cohortMemberTable.role, 'participant')),
		)
		.orderBy(desc(cohortTable.trainingStart))
		.limit(1);
	return row ?? null;
}

/**
 * The participant `viewer` may oversee: any participant for the Secretariat, one of their own
 * administration's officers for a home contact; mentors and admins as in access.ts. Null = 404.
 */
export async function findOverseenParticipant(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<User | null> {
	if (!isOverseer(viewer)) return findVisibleParticipant(db, viewer, participantId);
	const participant = await findParticipant(db, participantId);
	if (!participant) return null;
	if (viewer.role === 'secretariat') return participant;
	const own = await homeAdministrationOf(db, viewer.id);
	const membership = await participantMembership(db, participantId);
	return own && membership?.administrationId === own ? participant : null;
}

/** One officer on the landing page. */
export type OverseenOfficer = {
	id: string;
	name: string;
	administration: string | null;
	cohort: Cohort;
	reportStatus: string | null;
	modulesDone: number;
	entriesApproved: number;
};

/** The officers on a Secretariat or home contact's landing page, newest cohort first. */
export async function listOverseenOfficers(
	db: Db,
	viewer: SessionUser,
): Promise<OverseenOfficer[]> {
	if (!isOverseer(viewer)) return [];
	const own = viewer.role === 'home' ? await homeAdministrationOf(db, viewer.id) : null;
	if (viewer.role === 'home' && !own) return [];
	const rows = await db
		.select({
			id: userTable.id,
			name: userTable.name,
			cohort: cohortTable,
			administration: memberAdministrationName,
			reportStatus: reportTable.status,
		})
		.from(cohortMemberTable)
		.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.leftJoin(administrationTable, memberAdministrationJoin)
		.leftJoin(reportTable, eq(reportTable.participantId, userTable.id))
		.where(
			and(
				eq(cohortMemberTable.role, 'participant'),
				own ? eq(cohortMemberTable.administrationId, own) : undefined,
			),
		)
		.orderBy(desc(cohortTable.trainingStart), asc(userTable.name));
	const ids = rows.map((r) => r.id);
	const counts = async (query: Promise<{ id: string; n: number }[]>) =>
		new Map((await query).map((r) => [r.id, Number(r.n)]));
	const modules = ids.length
		? await counts(
				db
					.select({ id: moduleProgressTable.userId, n: sql<number>`count(*)` })
					.from(moduleProgressTable)
					.where(inArray(moduleProgressTable.userId, ids))
					.groupBy(moduleProgressTable.userId),
			)
		: new Map();
	const entries = ids.length
		? await counts(
				db
					.select({ id: logEntryTable.participantId, n: sql<number>`count(*)` })
					.from(logEntryTable)
					.where(
						and(inArray(logEntryTable.participantId, ids), eq(logEntryTable.status, 'approved')),
					)
					.groupBy(logEntryTable.participantId),
			)
		: new Map();
	return rows.map((r) => ({
		...r,
		modulesDone: modules.get(r.id) ?? 0,
		entriesApproved: entries.get(r.id) ?? 0,
	}));
}

/** An approved entry as an overseer sees it: restricted ones keep only their date and area. */
export type OverseenEntry = Pick<LogEntry, 'id' | 'date' | 'area' | 'handling' | 'minutes'> & {
	title: string | null;
	summary: string | null;
	outputs: string | null;
	learning: string | null;
};

/**
 * Approved logbook entries for an overseer (call after findOverseenParticipant). The Secretariat
 * sees that restricted entries exist but not their text; a home contact sees unrestricted ones only.
 */
export async function listOverseenEntries(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<OverseenEntry[]> {
	const rows = await db
		.select()
		.from(logEntryTable)
		.where(
			and(
				eq(logEntryTable.participantId, participantId),
				eq(logEntryTable.status, 'approved'),
				viewer.role === 'home' ? eq(logEntryTable.handling, 'unrestricted') : undefined,
			),
		)
		.orderBy(asc(logEntryTable.date), asc(logEntryTable.id));
	return rows.map((e) => {
		const hidden = e.handling === 'restricted';
		return {
			id: e.id,
			date: e.date,
			area: e.area,
			handling: e.handling,
			minutes: e.minutes,
			title: hidden ? null : e.title,
			summary: hidden ? null : e.summary,
			outputs: hidden ? null : e.outputs,
			learning: hidden ? null : e.learning,
		};
	});
}
