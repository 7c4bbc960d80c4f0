/**
 * The intelligence-materials register: one per participant, holding saved searches, coded
 * seizures and drafted messages (by reference), uploaded files and charts saved from the data
 * lab (stored in the database). Readable by the participant, their mentors and admins; anyone
 * else gets a 404. Only the participant adds, attaches and detaches.
 */
import { and, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cenMessageTable,
	cenSeizureTable,
	logEntryTable,
	materialTable,
	type Handling,
	type Material,
} from '~db/schema';
import { findVisibleParticipant } from '../access';
import { recordAudit } from '../audit';
import { invalid, notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { insertedLast } from '../row-order';
import type { SessionUser } from '../auth/session';
import { readChartSettings } from '~/lib/cen/chart-settings';
import { queryString, readQuery } from './search';
import { maxUploadBytes, sniffUpload, uploadTypes } from './upload-check';
import { findRow } from '../find-row';

/** Parts of the thematic study a material can belong to. */
export const studyParts: Record<string, string> = {
	plan: 'Study plan',
	findings: 'Findings',
	paper: 'Research paper',
	activities: 'Intelligence activities',
};

/** What every material has: a title, a handling marking, and where it belongs. */
export type MaterialMeta = {
	title: string;
	handling: Handling;
	logEntryId: string;
	studyPart: string;
};

function assertParticipant(user: SessionUser) {
	if (user.role !== 'participant')
		throw new RuleError('forbidden', 'Only participants keep a materials register.');
}

/** Checks the links: the log entry must be the participant's own; the study part one of the list. */
async function checkMeta(db: Db, participantId: string, meta: MaterialMeta) {
	if (meta.title.trim().length < 3)
		throw invalid('Give the material a title (at least 3 characters).', 'title');
	if (meta.studyPart && !(meta.studyPart in studyParts))
		throw invalid('Choose a part of the study from the list.', 'studyPart');
	if (!meta.logEntryId) return null;
	const [entry] = await db
		.select({ id: logEntryTable.id })
		.from(logEntryTable)
		.where(
			and(eq(logEntryTable.id, meta.logEntryId), eq(logEntryTable.participantId, participantId)),
		);
	if (!entry) throw invalid('Choose one of your own log entries.', 'logEntryId');
	return entry.id;
}

async function insertMaterial(
	db: Db,
	participant: SessionUser,
	meta: MaterialMeta,
	values: Partial<Material> & { kind: Material['kind'] },
): Promise<Material> {
	assertParticipant(participant);
	const logEntryId = await checkMeta(db, participant.id, meta);
	const [row] = await db
		.insert(materialTable)
		.values({
			id: newId(),
			participantId: participant.id,
			title: meta.title.trim(),
			handling: meta.handling,
			studyPart: meta.studyPart,
			logEntryId,
			...values,
		})
		.returning();
	await recordAudit(db, {
		actorId: participant.id,
		action: `material.add_${values.kind}`,
		subjectType: 'material',
		subjectId: row!.id,
	});
	return row!;
}

/** Saves a search (its query string) to the register. */
export function saveSearch(db: Db, participant: SessionUser, query: string, meta: MaterialMeta) {
	// Only the search's own parameters are kept, in their canonical order.
	const canonical = queryString(readQuery(new URLSearchParams(query)));
	return insertMaterial(db, participant, meta, { kind: 'search', query: canonical });
}

/** Adds one of the participant's own coded seizures or messages to the register. */
export async function addRecord(
	db: Db,
	participant: SessionUser,
	kind: 'seizure' | 'message',
	refId: string,
	meta: MaterialMeta,
) {
	const table = kind === 'seizure' ? cenSeizureTable : cenMessageTable;
	const [own] = await db
		.select({ id: table.id })
		.from(table)
		.where(and(eq(table.id, refId), eq(table.participantId, participant.id)));
	if (!own) throw notFound(kind === 'seizure' ? 'practice seizure' : 'message');
	return insertMaterial(db, participant, meta, { kind, refId });
}

/** Stores an uploaded file after checking its size and, from its bytes, its type. */
export async function uploadMaterial(
	db: Db,
	participant: SessionUser,
	file: { name: string; bytes: Uint8Array },
	meta: MaterialMeta,
) {
	if (!file.bytes.length) throw invalid('Choose a file to upload.', 'file');
	if (file.bytes.length > maxUploadBytes)
		throw invalid(
			`The file is ${(file.bytes.length / 1048576).toFixed(1)} MB; the limit is ${maxUploadBytes / 1048576} MB.`,
			'file',
		);
	const type = sniffUpload(file.bytes);
	if (!type)
		throw invalid(
			'Only PDF, PNG and Excel (XLSX) files are taken, and this file is none of them (its content was checked, not its name).',
			'file',
		);
	return insertMaterial(db, participant, meta, {
		kind: 'upload',
		fileName: file.name.replace(/[^\w. -]/g, '_').slice(0, 120) || `upload.${type}`,
		mimeType: uploadTypes[type].mime,
		size: file.bytes.length,
		content: Buffer.from(file.bytes),
	});
}

/** A participant's register, newest first, without file contents. */
export function listMaterials(db: Db, participantId: string) {
	const { content: _content, ...columns } = getTableColumns(materialTable);
	return db
		.select(columns)
		.from(materialTable)
		.where(eq(materialTable.participantId, participantId))
		.orderBy(desc(materialTable.createdAt), insertedLast(materialTable));
}

/** A material the viewer may see (with its file), or null for a 404. */
export async function findMaterialForViewer(
	db: Db,
	viewer: SessionUser,
	id: string,
): Promise<Material | null> {
	const row = await findRow(db, materialTable, eq(materialTable.id, id));
	if (!row) return null;
	return (await findVisibleParticipant(db, viewer, row.participantId)) ? row : null;
}

/** Largest chart image the register takes (a lab chart is far smaller). */
export const maxChartBytes = 2 * 1024 * 1024;

/** Stores a chart from the data lab: its PNG image, the settings that drew it and its words. */
export async function saveChart(
	db: Db,
	participant: SessionUser,
	chart: { png: Uint8Array; settings: string; description: string },
	meta: MaterialMeta,
) {
	if (!chart.png.length || sniffUpload(chart.png) !== 'png')
		throw invalid(
			'The chart image did not arrive as a PNG. Draw the chart again and save it.',
			'image',
		);
	if (chart.png.length > maxChartBytes)
		throw invalid('The chart image is larger than 2 MB.', 'image');
	const settings = readChartSettings(chart.settings);
	if (!settings)
		throw invalid(
			'The lab settings of the chart were not readable. Reload the lab and try again.',
			'settings',
		);
	return insertMaterial(db, participant, meta, {
		kind: 'chart',
		query: JSON.stringify(settings),
		description: chart.description.trim().slice(0, 2000),
		fileName: 'chart.png',
		mimeType: 'image/png',
		size: chart.png.length,
		content: Buffer.from(chart.png),
	});
}

/** Where a material can be attached: one of the participant's log entries, or a study part. */
export type AttachTarget = { logEntryId: string } | { studyPart: string };

/** The participant's own material, or a 404 (someone else's material is never confirmed). */
async function ownMaterial(db: Db, participant: SessionUser, id: string) {
	const [row] = await db
		.select({ id: materialTable.id, participantId: materialTable.participantId })
		.from(materialTable)
		.where(and(eq(materialTable.id, id), eq(materialTable.participantId, participant.id)));
	if (!row || participant.role !== 'participant') throw notFound('material');
	return row;
}

/** Attaches one of the participant's materials to their log entry or to a part of their study. */
export async function attachMaterial(
	db: Db,
	participant: SessionUser,
	id: string,
	target: AttachTarget,
) {
	const own = await ownMaterial(db, participant, id);
	if ('logEntryId' in target) {
		const [entry] = await db
			.select({ id: logEntryTable.id })
			.from(logEntryTable)
			.where(
				and(
					eq(logEntryTable.id, target.logEntryId),
					eq(logEntryTable.participantId, participant.id),
				),
			);
		if (!entry) throw notFound('log entry');
		await db
			.update(materialTable)
			.set({ logEntryId: entry.id })
			.where(eq(materialTable.id, own.id));
	} else {
		if (!(target.studyPart in studyParts))
			throw invalid('Choose a part of the study from the list.', 'studyPart');
		await db
			.update(materialTable)
			.set({ studyPart: target.studyPart })
			.where(eq(materialTable.id, own.id));
	}
	await recordAudit(db, {
		actorId: participant.id,
		action: 'material.attach',
		subjectType: 'material',
		subjectId: own.id,
	});
}

/** Takes a material off its log entry ('log') or its study part ('study'); the material stays. */
export async function detachMaterial(
	db: Db,
	participant: SessionUser,
	id: string,
	from: 'log' | 'study',
) {
	const own = await ownMaterial(db, participant, id);
	await db
		.update(materialTable)
		.set(from === 'log' ? { logEntryId: null } : { studyPart: '' })
		.where(eq(materialTable.id, own.id));
	await recordAudit(db, {
		actorId: participant.id,
		action: 'material.detach',
		subjectType: 'material',
		subjectId: own.id,
	});
}

/** A participant's materials attached to one log entry (no file contents). */
export function materialsOfEntry(db: Db, participantId: string, logEntryId: string) {
	const { content: _content, ...columns } = getTableColumns(materialTable);
	return db
		.select(columns)
		.from(materialTable)
		.where(
			and(eq(materialTable.participantId, participantId), eq(materialTable.logEntryId, logEntryId)),
		)
		.orderBy(desc(materialTable.createdAt), insertedLast(materialTable));
}

/** Materials of the report's author among `ids`, with their files (others' ids find nothing). */
export function materialsByIds(db: Db, participantId: string, ids: string[]) {
	if (!ids.length) return Promise.resolve([] as Material[]);
	return db
		.select()
		.from(materialTable)
		.where(and(eq(materialTable.participantId, participantId), inArray(materialTable.id, ids)));
}
