/**
 * Materials in the report: inserting a reference block into a section, and resolving the
 * references of an export. Only the report author's own materials resolve (a pasted id of
 * someone else's finds nothing), and a restricted one resolves to its title alone.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { cenMessageTable, cenSeizureTable, materialTable } from '~db/schema';
import { describeStoredChart } from '~/lib/cen/chart-settings';
import {
	materialIdsIn,
	materialReference,
	pngSize,
	type ReportMaterial,
} from '~/lib/report/materials';
import { kindLabels, messageFields } from '../cen/message-rules';
import { materialsByIds } from '../cen/material';
import { notFound } from '../errors';
import { ownSection, saveSection } from './working-copy';
import type { SessionUser } from '../auth/session';

/** Appends a reference to one of the participant's materials to a section of their report. */
export async function insertMaterialIntoSection(
	db: Db,
	participant: SessionUser,
	sectionId: string,
	materialId: string,
) {
	const [material] = await db
		.select({ id: materialTable.id, title: materialTable.title })
		.from(materialTable)
		.where(and(eq(materialTable.id, materialId), eq(materialTable.participantId, participant.id)));
	if (!material) throw notFound('material');
	const section = await ownSection(db, participant, sectionId);
	const notes = section.notes.trimEnd();
	return saveSection(db, participant, section.id, section.version, {
		outline: section.outline,
		notes: `${notes ? `${notes}\n\n` : ''}${materialReference(material)}\n`,
	});
}

/** The materials the texts refer to, as the exports show them (keyed by id). */
export async function resolveReportMaterials(
	db: Db,
	participantId: string,
	texts: string[],
): Promise<Map<string, ReportMaterial>> {
	const rows = await materialsByIds(db, participantId, materialIdsIn(texts));
	const out = new Map<string, ReportMaterial>();
	const refIds = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.refId);
	const [messages, seizures] = await Promise.all([
		refIds('message').length
			? db
					.select()
					.from(cenMessageTable)
					.where(
						and(
							inArray(cenMessageTable.id, refIds('message')),
							eq(cenMessageTable.participantId, participantId),
						),
					)
			: [],
		refIds('seizure').length
			? db
					.select()
					.from(cenSeizureTable)
					.where(
						and(
							inArray(cenSeizureTable.id, refIds('seizure')),
							eq(cenSeizureTable.participantId, participantId),
						),
					)
			: [],
	]);
	for (const m of rows) {
		const message = m.kind === 'message' ? messages.find((x) => x.id === m.refId) : undefined;
		// A message marked restricted is withheld even when its register entry is not.
		if (m.handling === 'restricted' || message?.handling === 'restricted') {
			out.set(m.id, { id: m.id, title: m.title, withheld: true });
			continue;
		}
		const bytes = m.content ? new Uint8Array(m.content) : null;
		const size = bytes && m.mimeType === 'image/png' ? pngSize(bytes) : null;
		const fields: { label: string; text: string }[] = [];
		let caption = '';
		if (m.kind === 'chart') {
			for (const line of describeStoredChart(m.query)) {
				const [label, ...rest] = line.split(': ');
				fields.push({ label: label!, text: rest.join(': ') });
			}
			caption =
				`${m.description} Synthetic data — invented for training; not real CEN records.`.trim();
		} else if (message) {
			fields.push({ label: 'Type', text: kindLabels[message.kind] });
			fields.push({ label: 'Recipient group', text: message.recipientGroup });
			for (const f of messageFields) {
				const text = message[f.name as keyof typeof message];
				if (typeof text === 'string' && text.trim()) fields.push({ label: f.label, text });
			}
			caption = 'Practice message drafted in the CEN practice environment (synthetic data).';
		} else if (m.kind === 'seizure') {
			const s = seizures.find((x) => x.id === m.refId);
			if (s)
				fields.push(
					{ label: 'Date', text: s.seizureDate },
					{ label: 'Reporting country', text: s.reportingCountry },
					{ label: 'Commodity', text: `${s.commodityCategory} — ${s.commodityType}` },
					{ label: 'Quantity', text: `${s.quantity} ${s.unit}` },
					{ label: 'Concealment', text: s.concealment },
					{ label: 'Transport mode', text: s.transportMode },
					{
						label: 'Route',
						text: [s.departureCountry, s.transitCountry, s.destinationCountry]
							.filter(Boolean)
							.join(' → '),
					},
				);
			caption = 'Practice seizure record (synthetic data, not the WCO’s CEN).';
		} else if (m.kind === 'search') {
			fields.push({
				label: 'Search',
				text:
					[...new URLSearchParams(m.query)].map(([k, v]) => `${k}: ${v}`).join('; ') ||
					'all records',
			});
			caption = 'Saved search of the CEN practice environment (synthetic data).';
		} else if (m.kind === 'upload' && !size) {
			fields.push({ label: 'File', text: `${m.fileName} (kept in the portal’s register)` });
		}
		out.set(m.id, {
			id: m.id,
			title: m.title,
			withheld: false,
			kind: m.kind,
			image: bytes && size ? { bytes, ...size } : null,
			fields,
			caption,
		});
	}
	return out;
}
