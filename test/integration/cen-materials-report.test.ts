/**
 * Charts saved from the data lab, materials attached to log entries and the study, and
 * materials inserted into the report: exports carry unrestricted ones and withhold the rest.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createDb } from '~db/client';
import { backupDatabase } from '~/cli/backup';
import {
	addRecord,
	attachMaterial,
	detachMaterial,
	findMaterialForViewer,
	listMaterials,
	materialsOfEntry,
	saveChart,
	saveSearch,
} from '~/lib/server/cen/material';
import { createMessage } from '~/lib/server/cen/message';
import { createEntry } from '~/lib/server/logbook/entry';
import { getReportForViewer, saveSection } from '~/lib/server/report/working-copy';
import { exportMarkdown } from '~/lib/server/report/export-markdown';
import { reportDocx } from '~/lib/server/report/docx';
import { insertMaterialIntoSection } from '~/lib/server/report/materials';
import { describeStoredChart } from '~/lib/cen/chart-settings';
import { materialReference, splitMaterialRefs } from '~/lib/report/materials';
import { barChartPng } from '~db/seed-demo-chart';
import { entryInput } from '../helpers/entries';
import { useTwoCohortsDb } from '../helpers/factories';

const { t, setup } = useTwoCohortsDb();

const meta = (over: Partial<{ title: string; handling: 'restricted' | 'unrestricted' }> = {}) => ({
	title: 'Postal methamphetamine per month',
	handling: 'unrestricted' as const,
	logEntryId: '',
	studyPart: '',
	...over,
});
const settings = JSON.stringify({
	chart: 'Records per month, January 2023 to December 2025',
	tab: 'time',
	filters: [{ field: 'transport_mode', op: 'is', value: 'postal' }],
	settings: { groupBy: 'commodity_category', routeBy: 'origin' },
});
const png = new Uint8Array(barChartPng([3, 5, 8, 13]));

const chart = (
	p: Awaited<ReturnType<typeof setup>>['p1'],
	over: Parameters<typeof meta>[0] = {},
	description = 'Postal records rise in the last quarter.',
) => saveChart(t.db, p, { png, settings, description }, meta(over));

describe('charts saved from the data lab', () => {
	it('keeps the PNG, the settings that drew it and its words', async () => {
		const { p1 } = await setup();
		const m = await chart(p1);
		expect(m).toMatchObject({ kind: 'chart', mimeType: 'image/png', size: png.length });
		expect(Buffer.compare(m.content!, Buffer.from(png))).toBe(0);
		expect(m.description).toBe('Postal records rise in the last quarter.');
		expect(describeStoredChart(m.query)).toEqual([
			'View: Over time — Records per month, January 2023 to December 2025',
			'Filters: Transport mode is postal',
		]);
	});

	it('refuses an image that is not a PNG, unreadable settings and a short title, beside the field', async () => {
		const { p1 } = await setup();
		const gif = new TextEncoder().encode('GIF89a not a png');
		await expect(
			saveChart(t.db, p1, { png: gif, settings, description: '' }, meta()),
		).rejects.toMatchObject({ field: 'image', message: expect.stringMatching(/PNG/) });
		await expect(
			saveChart(t.db, p1, { png, settings: '{"tab":"nowhere"}', description: '' }, meta()),
		).rejects.toMatchObject({ field: 'settings' });
		const badField = JSON.stringify({
			chart: 'x',
			tab: 'time',
			filters: [{ field: 'passenger_name', op: 'is', value: 'x' }],
			settings: {},
		});
		await expect(
			saveChart(t.db, p1, { png, settings: badField, description: '' }, meta()),
		).rejects.toMatchObject({ field: 'settings' });
		await expect(chart(p1, { title: 'ab' })).rejects.toMatchObject({ field: 'title' });
		expect(await listMaterials(t.db, p1.id)).toHaveLength(0);
	});

	it('survives a backup and a restore from it, byte for byte', async () => {
		const { p1 } = await setup();
		const m = await chart(p1);
		const target = join(t.dir, 'backups', 'portal.db');
		expect(await backupDatabase(t.url, target)).toBe('ok');
		const restored = await createDb(`file:${target}`);
		try {
			const again = await findMaterialForViewer(restored, p1, m.id);
			expect(again).toMatchObject({ kind: 'chart', query: m.query, title: m.title });
			expect(Buffer.compare(again!.content!, Buffer.from(png))).toBe(0);
		} finally {
			restored.$client.close();
		}
	});

	it('is seen by the owner, their mentors and admins; anyone else finds nothing', async () => {
		const { admin, mentor, otherMentor, p1, p2 } = await setup();
		const m = await chart(p1);
		expect(await findMaterialForViewer(t.db, p1, m.id)).not.toBeNull();
		expect(await findMaterialForViewer(t.db, mentor, m.id)).not.toBeNull();
		expect(await findMaterialForViewer(t.db, admin, m.id)).not.toBeNull();
		expect(await findMaterialForViewer(t.db, p2, m.id)).toBeNull();
		expect(await findMaterialForViewer(t.db, otherMentor, m.id)).toBeNull();
	});
});

describe('attaching materials', () => {
	it('attaches to the owner’s log entry and study parts, and detaches without deleting', async () => {
		const { p1 } = await setup();
		const entry = await createEntry(t.db, p1, entryInput());
		const m = await chart(p1);
		await attachMaterial(t.db, p1, m.id, { logEntryId: entry.id });
		expect((await materialsOfEntry(t.db, p1.id, entry.id)).map((x) => x.id)).toEqual([m.id]);
		await attachMaterial(t.db, p1, m.id, { studyPart: 'findings' });
		expect((await findMaterialForViewer(t.db, p1, m.id))!.studyPart).toBe('findings');
		await detachMaterial(t.db, p1, m.id, 'log');
		expect(await materialsOfEntry(t.db, p1.id, entry.id)).toHaveLength(0);
		await detachMaterial(t.db, p1, m.id, 'study');
		const kept = await findMaterialForViewer(t.db, p1, m.id);
		expect(kept).toMatchObject({ logEntryId: null, studyPart: '' });
	});

	it('answers 404 for another participant’s material or log entry, and for a mentor', async () => {
		const { mentor, p1, p2 } = await setup();
		const theirs = await chart(p2);
		const theirEntry = await createEntry(t.db, p2, entryInput());
		const mine = await chart(p1);
		const myEntry = await createEntry(t.db, p1, entryInput());
		await expect(
			attachMaterial(t.db, p1, theirs.id, { logEntryId: myEntry.id }),
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(
			attachMaterial(t.db, p1, mine.id, { logEntryId: theirEntry.id }),
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(detachMaterial(t.db, p1, theirs.id, 'log')).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(
			attachMaterial(t.db, mentor, mine.id, { studyPart: 'findings' }),
		).rejects.toMatchObject({ code: 'not_found' });
		await expect(attachMaterial(t.db, p1, mine.id, { studyPart: 'nowhere' })).rejects.toMatchObject(
			{ field: 'studyPart' },
		);
	});
});

describe('materials in the report', () => {
	async function resultsSection(p: Awaited<ReturnType<typeof setup>>['p1']) {
		const view = (await getReportForViewer(t.db, p, p.id))!;
		return view.sections.find((s) => s.kind === 'study_results')!;
	}

	it('splits a text at its reference lines only', () => {
		const ref = materialReference({ id: 'abc123', title: 'A [bracketed] title' });
		expect(ref).toBe('[Material: A  bracketed  title](/materials/abc123)');
		expect(
			splitMaterialRefs(`Intro\n\n${ref}\n\nMore, see [Material: x](/materials/y) inline`),
		).toEqual([
			{ markdown: 'Intro\n' },
			{ materialId: 'abc123', title: 'A  bracketed  title' },
			{ markdown: '\nMore, see [Material: x](/materials/y) inline' },
		]);
	});

	it('inserts only the participant’s own material, at the end of the section', async () => {
		const { p1, p2 } = await setup();
		const section = await resultsSection(p1);
		await saveSection(t.db, p1, section.id, section.version, { outline: '', notes: 'Findings.' });
		const theirs = await chart(p2);
		await expect(insertMaterialIntoSection(t.db, p1, section.id, theirs.id)).rejects.toMatchObject({
			code: 'not_found',
		});
		const mine = await chart(p1);
		const row = await insertMaterialIntoSection(t.db, p1, section.id, mine.id);
		expect(row.notes).toBe(`Findings.\n\n${materialReference(mine)}\n`);
		const other = await resultsSection(p2);
		await expect(insertMaterialIntoSection(t.db, p1, other.id, mine.id)).rejects.toMatchObject({
			code: 'not_found',
		});
	});

	it('exports unrestricted materials (the chart as an image, a message as fields) and names restricted ones as withheld', async () => {
		const { p1, p2 } = await setup();
		const section = await resultsSection(p1);
		const open = await chart(p1);
		const secret = await chart(
			p1,
			{ title: 'Working chart of a live target', handling: 'restricted' },
			'SECRET-DESCRIPTION of the live route',
		);
		const message = await createMessage(t.db, p1, {
			kind: 'warning',
			subject: 'Methamphetamine in postal parcels',
			recipientGroup: 'Practice CUG: regional drugs network',
			indicators: 'Parcels declared as clothing',
			modusOperandi: 'Inside garments',
			routes: 'Solvane – Pellucia – Aldoria',
			riskIndicators: 'First-time consignee',
			requestedAction: 'Examine matching parcels',
			inReplyTo: '',
			result: '',
			seizureId: '',
			basis: `Lab chart: ${open.title} (/materials/${open.id})`,
			handling: 'unrestricted',
		});
		const messageMaterial = await addRecord(
			t.db,
			p1,
			'message',
			message.id,
			meta({
				title: 'Warning on postal parcels',
			}),
		);
		const search = await saveSearch(t.db, p1, 'mode=postal', meta({ title: 'Postal search' }));
		const foreign = await chart(p2, { title: 'Someone else’s chart' }, 'FOREIGN-DESCRIPTION');
		let v = section.version;
		for (const m of [open, secret, messageMaterial, search])
			v = (await insertMaterialIntoSection(t.db, p1, section.id, m.id)).version;
		// A reference pasted by hand to another participant's material finds nothing.
		await saveSection(t.db, p1, section.id, v, {
			outline: '',
			notes: `${(await resultsSection(p1)).notes}\n${materialReference(foreign)}\n`,
		});

		const result = (await exportMarkdown(t.db, p1, p1.id, 'full'))!;
		const files = unzipSync(new Uint8Array(await reportDocx(result.docx)));
		const xml = strFromU8(files['word/document.xml']!);
		const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
		expect(media).toHaveLength(1);
		expect(Buffer.compare(Buffer.from(files[media[0]!]!), Buffer.from(png))).toBe(0);
		expect(xml).toContain(`Intelligence material: ${open.title}`);
		expect(xml).toContain('Material withheld (restricted): “Working chart of a live target”');
		expect(xml).not.toContain('SECRET-DESCRIPTION');
		expect(xml).toContain('Methamphetamine in postal parcels');
		expect(xml).toContain('Parcels declared as clothing');
		expect(xml).toContain('mode: postal');
		expect(xml).not.toContain('FOREIGN-DESCRIPTION');
		expect(xml).toContain('Material not available');
		expect(result.markdown).toContain('Material withheld (restricted)');
		expect(result.markdown).not.toContain('SECRET-DESCRIPTION');
		expect(result.markdown).not.toContain('FOREIGN-DESCRIPTION');
		expect(result.markdown).toContain('**Indicators:** Parcels declared as clothing');
	});

	it('withholds a message marked restricted even when its register entry is not', async () => {
		const { p1 } = await setup();
		const section = await resultsSection(p1);
		const message = await createMessage(t.db, p1, {
			kind: 'feedback',
			subject: 'Feedback on the parcels warning',
			recipientGroup: 'Practice CUG: regional drugs network',
			indicators: '',
			modusOperandi: '',
			routes: '',
			riskIndicators: '',
			requestedAction: '',
			inReplyTo: 'Methamphetamine in postal parcels',
			result: 'RESTRICTED-RESULT: two parcels held',
			seizureId: '',
			basis: '',
			handling: 'restricted',
		});
		const m = await addRecord(t.db, p1, 'message', message.id, meta({ title: 'Feedback' }));
		await insertMaterialIntoSection(t.db, p1, section.id, m.id);
		const result = (await exportMarkdown(t.db, p1, p1.id, 'full'))!;
		const xml = strFromU8(
			unzipSync(new Uint8Array(await reportDocx(result.docx)))['word/document.xml']!,
		);
		expect(xml).not.toContain('RESTRICTED-RESULT');
		expect(xml).toContain('Material withheld (restricted): “Feedback”');
		expect(result.markdown).not.toContain('RESTRICTED-RESULT');
	});
});
