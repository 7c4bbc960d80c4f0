/**
 * The final report: sections with versions and history, visibility of the evaluation, and
 * the outline editing rules. Lifecycle and comments live in outline.ts and comment.ts.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	reportRevisionTable,
	reportSectionTable,
	reportTable,
	type Report,
	type ReportSection,
} from '~db/schema';
import { isSubmitted, requiredSections } from '~/lib/report/rules';
import { normaliseNewlines } from '~/lib/text';
import { deleteAudited, recordAudit, writeAudited } from '../audit';
import { findCurrentCohort, assertWritable } from '../cohort/manage';
import { notFound, RuleError } from '../errors';
import { findVisibleParticipant } from '../access';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';
import { findRow, ownRow } from '../find-row';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A save was refused because the section changed since the editor loaded it. */
export class SectionConflict extends RuleError {
	constructor(readonly current: ReportSection) {
		super(
			'conflict',
			'This section was changed elsewhere (another tab or window) since you opened it. Both texts are shown: merge what you need, then save again.',
		);
	}
}

/** The message every refused write to an accepted report carries. */
export const closedMessage =
	'This report was accepted and closed: it is read-only now. Download the accepted version or your certificate instead.';

/** Refuses any write to a report that has been accepted and closed. */
export async function assertReportOpen(db: Pick<Db, 'select'>, participantId: string) {
	const [row] = await db
		.select({ status: reportTable.status })
		.from(reportTable)
		.where(eq(reportTable.participantId, participantId));
	if (row?.status === 'closed') throw new RuleError('conflict', closedMessage);
}

/** Makes sure a participant has a report with the four required sections. Idempotent. */
export async function ensureReport(db: Db, participantId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const created = await tx
			.insert(reportTable)
			.values({ participantId, updatedAt: new Date() })
			.onConflictDoNothing()
			.returning();
		if (!created.length) return;
		const now = new Date();
		await tx.insert(reportSectionTable).values(
			requiredSections.map((s, i) => ({
				id: newId(),
				participantId,
				kind: s.kind,
				title: s.title,
				position: i + 1,
				updatedAt: now,
			})),
		);
	});
}

/** The report and the sections the viewer may read (the evaluation stays hidden from mentors until submission). */
export async function getReportForViewer(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<{ report: Report; sections: ReportSection[]; evaluationHidden: boolean } | null> {
	if (!(await findVisibleParticipant(db, viewer, participantId))) return null;
	await ensureReport(db, participantId);
	const report = await findRow(db, reportTable, eq(reportTable.participantId, participantId));
	const sections = await db
		.select()
		.from(reportSectionTable)
		.where(eq(reportSectionTable.participantId, participantId))
		.orderBy(asc(reportSectionTable.position));
	const evaluationHidden = viewer.role === 'mentor' && !isSubmitted(report!.status);
	return {
		report: report!,
		sections: evaluationHidden ? sections.filter((s) => s.kind !== 'evaluation') : sections,
		evaluationHidden,
	};
}

/** A section the viewer may read, or null (404). */
export async function findSectionForViewer(
	db: Db,
	viewer: SessionUser,
	sectionId: string,
): Promise<ReportSection | null> {
	const section = await findRow(db, reportSectionTable, eq(reportSectionTable.id, sectionId));
	if (!section) return null;
	const data = await getReportForViewer(db, viewer, section.participantId);
	return data?.sections.find((s) => s.id === sectionId) ?? null;
}

/** The participant's own section, or a 404; refuses writes in an archived cohort or to an accepted report. */
export async function ownSection(
	db: Db,
	participant: SessionUser,
	sectionId: string,
): Promise<ReportSection> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only the participant writes their report.');
	const section = await ownRow(db, reportSectionTable, participant.id, sectionId, 'section');
	await assertOwnReportWritable(db, participant);
	return section;
}

/** Refuses a participant's write when their cohort is archived or their report accepted. */
export async function assertOwnReportWritable(db: Db, participant: SessionUser) {
	const cohort = await findCurrentCohort(db, participant.id);
	if (cohort) assertWritable(cohort);
	await assertReportOpen(db, participant.id);
}

/** Why a version was saved. Autosaves only leave a history entry every few minutes. */
export type SaveReason = 'autosave' | 'save' | 'restore' | 'draft-from-log';
const autosaveHistoryEveryMs = 10 * 60 * 1000;

/**
 * Stores a history entry for a section's new version. Autosaves while typing fold into the
 * latest autosave entry of the last ten minutes, so the history stays readable.
 */
async function keepRevision(tx: Tx, section: ReportSection, authorId: string, reason: SaveReason) {
	const text = {
		version: section.version,
		title: section.title,
		outline: section.outline,
		notes: section.notes,
	};
	if (reason === 'autosave') {
		const [latest] = await tx
			.select()
			.from(reportRevisionTable)
			.where(eq(reportRevisionTable.sectionId, section.id))
			.orderBy(desc(reportRevisionTable.version))
			.limit(1);
		if (
			latest?.reason === 'autosave' &&
			latest.createdAt.getTime() > Date.now() - autosaveHistoryEveryMs
		) {
			await tx.update(reportRevisionTable).set(text).where(eq(reportRevisionTable.id, latest.id));
			return;
		}
	}
	await tx
		.insert(reportRevisionTable)
		.values({ id: newId(), sectionId: section.id, ...text, reason, authorId })
		.onConflictDoNothing();
}

/** A title on one line, whatever was pasted. */
function oneLine(title: string): string {
	return normaliseNewlines(title)
		.replace(/\s*\n\s*/g, ' ')
		.trim();
}

/** Saves a section's text at the version the editor had; returns the new section. */
export async function saveSection(
	db: Db,
	participant: SessionUser,
	sectionId: string,
	version: number,
	text: { outline: string; notes: string },
	reason: SaveReason = 'save',
): Promise<ReportSection> {
	const section = await ownSection(db, participant, sectionId);
	if (section.version !== version) throw new SectionConflict(section);
	text = { outline: normaliseNewlines(text.outline), notes: normaliseNewlines(text.notes) };
	if (section.outline === text.outline && section.notes === text.notes && reason === 'autosave')
		return section;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(reportSectionTable)
			.set({ ...text, version: version + 1, updatedAt: new Date() })
			.where(and(eq(reportSectionTable.id, sectionId), eq(reportSectionTable.version, version)))
			.returning();
		if (!row)
			throw new SectionConflict(
				(
					await tx.select().from(reportSectionTable).where(eq(reportSectionTable.id, sectionId))
				)[0]!,
			);
		await keepRevision(tx, row, participant.id, reason);
		if (reason !== 'autosave')
			await recordAudit(tx, {
				actorId: participant.id,
				action: `report.section_${reason}`,
				subjectType: 'report_section',
				subjectId: sectionId,
				details: { version: row.version },
			});
		return row;
	});
}

/** A section's saved versions, newest first. */
export function listRevisions(db: Db, sectionId: string) {
	return db
		.select()
		.from(reportRevisionTable)
		.where(eq(reportRevisionTable.sectionId, sectionId))
		.orderBy(desc(reportRevisionTable.version));
}

/** Brings back an older version as a new version (the current text stays in the history). */
export async function restoreRevision(
	db: Db,
	participant: SessionUser,
	sectionId: string,
	fromVersion: number,
	currentVersion: number,
) {
	const section = await ownSection(db, participant, sectionId);
	const old = await findRow(
		db,
		reportRevisionTable,
		eq(reportRevisionTable.sectionId, sectionId),
		eq(reportRevisionTable.version, fromVersion),
	);
	if (!old) throw notFound('version');
	if (section.version !== currentVersion) throw new SectionConflict(section);
	// Keep what is there now in the history before replacing it (a no-op when already kept).
	await db.transaction((tx) => keepRevision(tx, section, participant.id, 'save'));
	return saveSection(
		db,
		participant,
		sectionId,
		currentVersion,
		{ outline: old.outline, notes: old.notes },
		'restore',
	);
}

/** Adds one of the participant's own sections at the end. */
export async function addSection(
	db: Db,
	participant: SessionUser,
	title: string,
): Promise<ReportSection> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only the participant writes their report.');
	await ensureReport(db, participant.id);
	await assertOwnReportWritable(db, participant);
	const [last] = await db
		.select({ max: sql<number>`max(${reportSectionTable.position})` })
		.from(reportSectionTable)
		.where(eq(reportSectionTable.participantId, participant.id));
	return writeAudited(
		db,
		(tx) =>
			tx
				.insert(reportSectionTable)
				.values({
					id: newId(),
					participantId: participant.id,
					kind: 'custom',
					title: oneLine(title),
					position: Number(last?.max ?? 0) + 1,
					updatedAt: new Date(),
				})
				.returning(),
		{
			actorId: participant.id,
			action: 'report.section_add',
			subjectType: 'report_section',
		},
	);
}

/** Renames one of the participant's own sections (the four required titles stay). */
export async function renameSection(
	db: Db,
	participant: SessionUser,
	sectionId: string,
	title: string,
) {
	const section = await ownSection(db, participant, sectionId);
	if (section.kind !== 'custom')
		throw new RuleError('forbidden', 'The four required sections keep their titles.');
	await db
		.update(reportSectionTable)
		.set({ title: oneLine(title), version: section.version + 1, updatedAt: new Date() })
		.where(eq(reportSectionTable.id, sectionId));
}

/** Moves a section one place up or down by swapping positions with its neighbour. */
export async function moveSection(
	db: Db,
	participant: SessionUser,
	sectionId: string,
	direction: 'up' | 'down',
) {
	const section = await ownSection(db, participant, sectionId);
	const all = await db
		.select()
		.from(reportSectionTable)
		.where(eq(reportSectionTable.participantId, participant.id))
		.orderBy(asc(reportSectionTable.position));
	const i = all.findIndex((s) => s.id === sectionId);
	const other = all[direction === 'up' ? i - 1 : i + 1];
	if (!other) return;
	await db.transaction(async (tx) => {
		await tx
			.update(reportSectionTable)
			.set({ position: other.position })
			.where(eq(reportSectionTable.id, section.id));
		await tx
			.update(reportSectionTable)
			.set({ position: section.position })
			.where(eq(reportSectionTable.id, other.id));
	});
}

/** Deletes one of the participant's own sections (never a required one). */
export async function deleteSection(db: Db, participant: SessionUser, sectionId: string) {
	const section = await ownSection(db, participant, sectionId);
	if (section.kind !== 'custom')
		throw new RuleError('forbidden', 'The four required sections cannot be deleted.');
	await deleteAudited(db, reportSectionTable, sectionId, {
		actorId: participant.id,
		action: 'report.section_delete',
		details: { title: section.title },
	});
}
