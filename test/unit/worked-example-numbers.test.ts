/**
 * The alert-products module promises that participants can reproduce every number of its worked
 * example in the data lab. This test recomputes each of them from the committed data set, the way
 * a participant would (exact duplicates out, misspelt countries mapped to the nearest real name),
 * and checks that the module quotes the same numbers.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countries } from '../../content/data/generator/vocabulary';

type Row = Record<string, string>;

const dataDir = new URL('../../content/data/', import.meta.url);
const csv = gunzipSync(readFileSync(new URL('seizures.csv.gz', dataDir))).toString('utf8');
const raw = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;
const moduleText = readFileSync(
	new URL('../../content/modules/alert-products-and-analytic-rigour.mdx', import.meta.url),
	'utf8',
);
const example = moduleText.slice(
	moduleText.indexOf('<WorkedExample'),
	moduleText.indexOf('</WorkedExample>'),
);

function editDistance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0]![j] = j;
	for (let i = 1; i <= a.length; i++)
		for (let j = 1; j <= b.length; j++)
			d[i]![j] = Math.min(
				d[i - 1]![j]! + 1,
				d[i]![j - 1]! + 1,
				d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
				i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]
					? d[i - 2]![j - 2]! + 1
					: Infinity,
			);
	return d[a.length]![b.length]!;
}

/** The canonical country a participant would map a spelling to (case, spaces, one or two edits). */
function canonicalCountry(value: string): string {
	if (!value) return value;
	const plain = value.trim().replace(/\s+/g, ' ').toLowerCase();
	const best = countries
		.map((c) => ({ c, d: editDistance(plain, c.toLowerCase()) }))
		.sort((a, b) => a.d - b.d)[0]!;
	return best.d <= 2 ? best.c : value;
}

const duplicateCopies = raw.length - new Set(raw.map((r) => JSON.stringify(r))).size;
const clean = [...new Map(raw.map((r) => [JSON.stringify(r), r])).values()].map((r): Row => ({
	...r,
	departure_country: canonicalCountry(r.departure_country ?? ''),
}));
const year = (r: Row) => r.seizure_date?.slice(0, 4) ?? '';
const watchesToMaravia = (rows: Row[]) =>
	rows.filter(
		(r) => r.commodity_type === 'counterfeit watches' && r.destination_country === 'Maravia',
	);
const countByYear = (rows: Row[]) =>
	['2023', '2024', '2025'].map((y) => rows.filter((r) => year(r) === y).length);
const pct = (from: number, to: number) => Math.round(((to - from) / from) * 100);

describe('alert-products worked example: every quoted number comes from the data set', () => {
	it('the first look (exact spelling only): 10 in 2024, 33 in 2025, +230%', () => {
		const ithmar = watchesToMaravia(raw).filter((r) => r.departure_country === 'Ithmar');
		const [, y2024, y2025] = countByYear(ithmar);
		expect([y2024, y2025]).toEqual([10, 33]);
		expect(Math.round(pct(y2024!, y2025!) / 10) * 10).toBe(230);
		expect(example).toMatch(/10 in 2024 and 33 in 2025: \+230%/);
	});

	it('the two "Ihtmar" rows are one case entered twice, an exact duplicate', () => {
		const ihtmar = watchesToMaravia(raw).filter((r) => r.departure_country === 'Ihtmar');
		expect(ihtmar.map((r) => r.case_id)).toEqual(['SYN-2025-01225', 'SYN-2025-01225']);
		expect(JSON.stringify(ihtmar[0])).toBe(JSON.stringify(ihtmar[1]));
		expect(duplicateCopies).toBeGreaterThan(0);
		expect(example).toContain('SYN-2025-01225');
	});

	it('after cleaning: 24, 10, 34 on the route, +240%', () => {
		const route = watchesToMaravia(clean).filter((r) => r.departure_country === 'Ithmar');
		const counts = countByYear(route);
		expect(counts).toEqual([24, 10, 34]);
		expect(pct(counts[1]!, counts[2]!)).toBe(240);
		expect(example).toMatch(/2025 has \*\*34\*\*\s+records \(\+240% on 2024\)/);
		expect(example).toContain('2023 had **24** records');
		expect(example).not.toMatch(/\b35\b|\+250%/);
	});

	it('the other route and all watches to Maravia', () => {
		const qasra = watchesToMaravia(clean).filter((r) => r.departure_country === 'Qasra');
		expect(countByYear(qasra)).toEqual([18, 12, 26]);
		expect(watchesToMaravia(raw).some((r) => r.departure_country === 'Qsra')).toBe(true);
		expect(countByYear(watchesToMaravia(clean))).toEqual([49, 33, 70]);
		expect(example).toContain('Qasra to Maravia: 18, 12, 26 records');
		expect(example).toContain('all counterfeit watches to Maravia: 49, 33, 70');
	});

	it("Maravia Customs' reports of all kinds: 377, 425, 458, +8% in 2025", () => {
		const maravia = clean.filter((r) => r.reporting_administration === 'Maravia Customs');
		const counts = countByYear(maravia);
		expect(counts).toEqual([377, 425, 458]);
		expect(pct(counts[1]!, counts[2]!)).toBe(8);
		expect(example).toContain('Maravia Customs reported 377, 425, 458 records');
		expect(example).toContain('+8% in 2025');
	});

	it('concealment: the 2025 leader also led in 2023, and no 2025 method is new', () => {
		const route = watchesToMaravia(clean).filter((r) => r.departure_country === 'Ithmar');
		const methods = (y: string) => {
			const m = new Map<string, number>();
			for (const r of route.filter((x) => year(x) === y && x.concealment_method))
				m.set(r.concealment_method!, (m.get(r.concealment_method!) ?? 0) + 1);
			return [...m].sort((a, b) => b[1] - a[1]);
		};
		const leader2025 = methods('2025')[0]![0];
		expect(leader2025).toBe(methods('2023')[0]![0]);
		expect(example).toContain(`most frequent method (${leader2025})`);
		const seen2023 = new Set(methods('2023').map(([m]) => m));
		expect(methods('2025').every(([m]) => seen2023.has(m))).toBe(true);
	});
});
