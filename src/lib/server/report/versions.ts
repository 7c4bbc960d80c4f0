/**
 * Reading the submitted versions of the final report: numbered, frozen snapshots of every
 * section (submit-version.ts makes them; decide-version.ts returns or accepts them). Reads only,
 * so the delivery of a version can use them without importing the submission.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	reportTable,
	reportVersionSectionTable,
	reportVersionTable,
	userTable,
	type Report,
	type ReportVersion,
	type ReportVersionSection,
} from '~db/schema';
import { findVisibleParticipant } from '../access';
import { notFound } from '../errors';
import { ensureReport } from './working-copy';
import type { SessionUser } from '../auth/session';

/** A version with its frozen sections, in order. */
export type VersionWithSections = ReportVersion & { sections: ReportVersionSection[] };

/** The report of a participant the viewer may see, created if missing; a 404 otherwise. */
export async function loadReport(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<Report> {
	if (!(await findVisibleParticipant(db, viewer, participantId))) throw notFound('report');
	await ensureReport(db, participantId);
	return (
		await db.select().from(reportTable).where(eq(reportTable.participantId, participantId))
	)[0]!;
}

/** The versions still waiting for a decision among these participants' reports. */
export function pendingVersionsOf(db: Pick<Db, 'select'>, participantIds: string[]) {
	return db
		.select()
		.from(reportVersionTable)
		.where(
			and(
				inArray(reportVersionTable.participantId, participantIds),
				eq(reportVersionTable.decision, 'pending'),
			),
		);
}

/** Every submitted version of a participant's report, newest first, with who decided (no visibility check). */
export async function listVersions(
	db: Db,
	participantId: string,
): Promise<(ReportVersion & { decidedByName: string | null })[]> {
	const rows = await db
		.select({ version: reportVersionTable, decidedByName: userTable.name })
		.from(reportVersionTable)
		.leftJoin(userTable, eq(userTable.id, reportVersionTable.decidedBy))
		.where(eq(reportVersionTable.participantId, participantId))
		.orderBy(desc(reportVersionTable.number));
	return rows.map((r) => ({ ...r.version, decidedByName: r.decidedByName }));
}

/** One version with its sections: `number`, or the latest when omitted; null when there is none. */
export async function findVersion(
	db: Db,
	participantId: string,
	number?: number,
): Promise<VersionWithSections | null> {
	const version = await latestVersion(
		db,
		participantId,
		number ? eq(reportVersionTable.number, number) : undefined,
	);
	if (!version) return null;
	return { ...version, sections: await versionSections(db, version.id) };
}

/** The newest version of a participant's report that meets `condition` (any when omitted), or null. */
export async function latestVersion(
	db: Pick<Db, 'select'>,
	participantId: string,
	condition?: SQL,
): Promise<ReportVersion | null> {
	const [version] = await db
		.select()
		.from(reportVersionTable)
		.where(and(eq(reportVersionTable.participantId, participantId), condition))
		.orderBy(desc(reportVersionTable.number))
		.limit(1);
	return version ?? null;
}

/** A version's frozen sections in order; only those of `kind` when it is given. */
export function versionSections(
	db: Pick<Db, 'select'>,
	versionId: string,
	kind?: ReportVersionSection['kind'],
) {
	return db
		.select()
		.from(reportVersionSectionTable)
		.where(
			and(
				eq(reportVersionSectionTable.versionId, versionId),
				kind ? eq(reportVersionSectionTable.kind, kind) : undefined,
			),
		)
		.orderBy(asc(reportVersionSectionTable.position));
}

/** When and by whom a version was accepted (for the exports' mark), or null while it is not. */
export async function acceptanceOf(
	db: Pick<Db, 'select'>,
	version: Pick<ReportVersion, 'decision' | 'decidedAt' | 'decidedBy'>,
): Promise<{ at: Date; by: string } | null> {
	if (version.decision !== 'accepted' || !version.decidedAt) return null;
	const [who] = version.decidedBy
		? await db
				.select({ name: userTable.name })
				.from(userTable)
				.where(eq(userTable.id, version.decidedBy))
		: [];
	return { at: version.decidedAt, by: who?.name ?? 'RILO A/P' };
}
