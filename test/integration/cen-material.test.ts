import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { createDb } from '~db/client';
import {
	addRecord,
	findMaterialForViewer,
	listMaterials,
	saveSearch,
	uploadMaterial,
} from '~/lib/server/cen/material';
import { sniffUpload } from '~/lib/server/cen/upload-check';
import { countBy, matches, readQuery, searchRows } from '~/lib/server/cen/search';
import { makeSeizure, useTwoCohortsDb } from '../helpers/factories';

const meta = {
	title: 'Route chart',
	handling: 'unrestricted' as const,
	logEntryId: '',
	studyPart: '',
};
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const pdf = strToU8('%PDF-1.7\n%fake but well-started\n');
const xlsx = zipSync({
	'[Content_Types].xml': strToU8('<Types/>'),
	'xl/workbook.xml': strToU8('<workbook/>'),
});

describe('upload checks', () => {
	it('recognises PDF, PNG and XLSX by their bytes, nothing else', () => {
		expect(sniffUpload(pdf)).toBe('pdf');
		expect(sniffUpload(png)).toBe('png');
		expect(sniffUpload(xlsx)).toBe('xlsx');
		expect(sniffUpload(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toBeNull();
		expect(sniffUpload(strToU8('<script>alert(1)</script>'))).toBeNull();
	});
});

describe('the register', () => {
	const { t, setup } = useTwoCohortsDb();

	it('refuses a wrong type or an oversized file with a sentence beside the file field', async () => {
		const { p1 } = await setup();
		await expect(
			uploadMaterial(t.db, p1, { name: 'chart.png', bytes: strToU8('GIF89a…') }, meta),
		).rejects.toMatchObject({
			field: 'file',
			message: expect.stringMatching(/Only PDF, PNG and Excel/),
		});
		const big = new Uint8Array(6 * 1024 * 1024);
		big.set(png);
		await expect(
			uploadMaterial(t.db, p1, { name: 'big.png', bytes: big }, meta),
		).rejects.toMatchObject({
			field: 'file',
			message: expect.stringMatching(/limit is 5 MB/),
		});
		await expect(
			uploadMaterial(t.db, p1, { name: 'x.pdf', bytes: pdf }, { ...meta, title: 'x' }),
		).rejects.toMatchObject({ field: 'title' });
	});

	it('keeps a file through a backup and restore', async () => {
		const { p1 } = await setup();
		const m = await uploadMaterial(t.db, p1, { name: 'tables.xlsx', bytes: xlsx }, meta);
		expect(m.mimeType).toMatch(/spreadsheetml/);
		const copy = join(t.dir, 'backup.db');
		await t.db.$client.execute({ sql: 'VACUUM INTO ?', args: [copy] });
		const restored = await createDb(`file:${copy}`);
		const again = await findMaterialForViewer(restored, p1, m.id);
		restored.$client.close();
		expect(Buffer.compare(again!.content!, Buffer.from(xlsx))).toBe(0);
	});

	it('shows a material to the owner, their mentors and admins only', async () => {
		const { admin, mentor, otherMentor, p1, p2 } = await setup();
		const m = await uploadMaterial(t.db, p1, { name: 'note.pdf', bytes: pdf }, meta);
		expect(await findMaterialForViewer(t.db, mentor, m.id)).not.toBeNull();
		expect(await findMaterialForViewer(t.db, admin, m.id)).not.toBeNull();
		expect(await findMaterialForViewer(t.db, p2, m.id)).toBeNull();
		expect(await findMaterialForViewer(t.db, otherMentor, m.id)).toBeNull();
	});

	it('adds only the participant’s own records, and links only their own log entries', async () => {
		const { p1, p2 } = await setup();
		const s = await makeSeizure(t.db, p2);
		await expect(addRecord(t.db, p1, 'seizure', s.id, meta)).rejects.toMatchObject({
			code: 'not_found',
		});
		const own = await makeSeizure(t.db, p1);
		const m = await addRecord(t.db, p1, 'seizure', own.id, { ...meta, studyPart: 'findings' });
		expect(m).toMatchObject({ kind: 'seizure', refId: own.id, studyPart: 'findings' });
		await expect(
			saveSearch(t.db, p1, 'mode=postal', { ...meta, logEntryId: 'someone-elses' }),
		).rejects.toMatchObject({ field: 'logEntryId' });
	});

	it('saves a search as its canonical query and lists it without file contents', async () => {
		const { p1 } = await setup();
		await saveSearch(t.db, p1, 'mode=postal&evil=1&category=drugs&role=bogus', meta);
		const [row] = await listMaterials(t.db, p1.id);
		expect(row!.query).toBe('category=drugs&mode=postal');
		expect('content' in row!).toBe(false);
	});

	it('searches the synthetic set and the participant’s records together', async () => {
		const { p1 } = await setup();
		await makeSeizure(t.db, p1, 'aircargo-pangolin-scales');
		const q = readQuery(
			new URLSearchParams('commodity=pangolin+scales&country=Pellucia&role=destination'),
		);
		const rows = await searchRows(t.db, p1.id, q);
		// Newest first: the participant's record sits among the synthetic ones by its day.
		expect(rows.filter((r) => r.source === 'practice')).toHaveLength(1);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.every((r) => matches(r, q))).toBe(true);
		const mine = await searchRows(t.db, p1.id, { ...q, scope: 'mine' });
		expect(mine).toHaveLength(1);
		const counts = countBy(rows, 'mode');
		expect(counts.reduce((n, c) => n + c.count, 0)).toBe(rows.length);
	});
});
