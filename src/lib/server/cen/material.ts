/**
 * The intelligence-materials register: one per participant, holding saved searches, coded
 * seizures and drafted messages (by reference) and uploaded files (stored in the database).
 * Readable by the participant, their mentors and admins; anyone else gets a 404.
 */
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
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
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { insertedLast } from '../row-order';
import type { SessionUser } from '../session';
import { queryString, readQuery } from './search';
import { maxUploadBytes, sniffUpload, uploadTypes } from './upload-check';

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
		throw new RuleError('invalid', 'Give the material a title (at least 3 characters).', 'title');
	if (meta.studyPart && !(meta.studyPart in studyParts))
		throw new RuleError('invalid', 'Choose a part of the study from the list.', 'studyPart');
	if (!meta.logEntryId) return null;
	const [entry] = await db
		.select({ id: logEntryTable.id })
		.from(logEntryTable)
		.where(
			and(eq(logEntryTable.id, meta.logEntryId), eq(logEntryTable.participantId, participantId)),
		);
	if (!entry) throw new RuleError('invalid', 'Choose one of your own log entries.', 'logEntryId');
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
	if (!file.bytes.length) throw new RuleError('invalid', 'Choose a file to upload.', 'file');
	if (file.bytes.length > maxUploadBytes)
		throw new RuleError(
			'invalid',
			`The file is ${(file.bytes.length / 1048576).toFixed(1)} MB; the limit is ${maxUploadBytes / 1048576} MB.`,
			'file',
		);
	const type = sniffUpload(file.bytes);
	if (!type)
		throw new RuleError(
			'invalid',
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
	const [row] = await db.select().from(materialTable).where(eq(materialTable.id, id));
	if (!row) return null;
	return (await findVisibleParticipant(db, viewer, row.participantId)) ? row : null;
}
