/**
 * The data lab's synthetic data set: reproducible from its seed, and holding the patterns and
 * quality problems its README promises, found here by the plain analysis a participant would do.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultSeed, generateSeizureData } from '../../content/data/generate';
import {
	countries as canonicalCountries,
	concealmentFitsGoods,
	concealmentsForGoods,
	commodities,
	modesByCategory,
} from '../../content/data/generator/vocabulary';
import {
	applyFilters,
	groupCounts,
	monthlyCounts,
	parseSeizureCsv,
	routeCounts,
} from '~/lib/lab/analysis';
import { qualityReport } from '~/lib/lab/quality';

type Row = Record<string, string>;

const dataDir = new URL('../../content/data/', import.meta.url);
const committedGz = readFileSync(new URL('seizures.csv.gz', dataDir));
const committedCsv = gunzipSync(committedGz).toString('utf8');
const committedTruth = JSON.parse(readFileSync(new URL('ground-truth.json', dataDir), 'utf8'));
const readme = readFileSync(new URL('README.md', dataDir), 'utf8');

/** A small RFC 4180 reader, independent of the generator's writer. */
function parseCsv(text: string): Row[] {
	const records: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const endCell = () => {
		row.push(cell);
		cell = '';
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted && c === '"' && text[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (c === '"') quoted = !quoted;
		else if (quoted || (c !== ',' && c !== '\n')) cell += c;
		else {
			endCell();
			if (c === '\n') {
				records.push(row);
				row = [];
			}
		}
	}
	const [header, ...body] = records;
	return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const rows = parseCsv(committedCsv);
const distinct = [...new Map(rows.map((r) => [JSON.stringify(r), r])).values()];

function tally(items: Row[], key: (r: Row) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const r of items) {
		const k = key(r);
		if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return counts;
}

const largestFirst = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
const quarter = (r: Row) =>
	r.seizure_date
		? `${r.seizure_date.slice(0, 4)}-Q${Math.ceil(+r.seizure_date.slice(5, 7) / 3)}`
		: '';

describe('reproducibility', () => {
	const first = generateSeizureData(defaultSeed);

	it('gives the same bytes from the same seed, and those are the committed bytes', () => {
		const second = generateSeizureData(defaultSeed);
		expect(Buffer.compare(first.gz, second.gz)).toBe(0);
		expect(first.csv).toBe(committedCsv);
		expect(Buffer.compare(first.gz, committedGz)).toBe(0);
		expect(JSON.parse(JSON.stringify(first.truth))).toEqual(committedTruth);
	});

	it('gives different data from another seed', () => {
		expect(generateSeizureData('another seed').csv).not.toBe(first.csv);
	});

	it('covers 2023 to 2025 with about 20,000 records, each marked synthetic', () => {
		expect(rows.length).toBeGreaterThan(19_000);
		expect(rows.length).toBeLessThan(21_000);
		const days = rows
			.map((r) => r.seizure_date)
			.filter(Boolean)
			.sort();
		expect(days[0]!.startsWith('2023-01')).toBe(true);
		expect(days.at(-1)!.startsWith('2025-12')).toBe(true);
		expect(rows.every((r) => r.synthetic === 'invented for training; not CEN data')).toBe(true);
		expect(rows.every((r) => r.case_id.startsWith('SYN-'))).toBe(true);
	});
});

describe('planted patterns', () => {
	it('has one route that gains far more records than any other year on year (2024-Q4 to 2025-Q4)', () => {
		const route = (r: Row) => `${r.origin_country} → ${r.destination_country}`;
		const lastYear = tally(
			rows.filter((r) => quarter(r) === '2024-Q4'),
			route,
		);
		const thisYear = tally(
			rows.filter((r) => quarter(r) === '2025-Q4'),
			route,
		);
		const gains = largestFirst(
			new Map([...thisYear].map(([k, n]) => [k, n - (lastYear.get(k) ?? 0)])),
		);
		expect(gains[0]![0]).toBe('Dravania → Kestrel Islands');
		expect(gains[0]![1]).toBeGreaterThan(2 * gains[1]![1]);
		expect(gains[0]![0]).toBe(committedTruth.exercises['emerging-route'].answer);
		expect(committedTruth.patterns.emergingRoute).toMatchObject({
			period: '2025-Q4',
			comparedWith: '2024-Q4',
			increase: gains[0]![1],
		});
	});

	it('shows methamphetamine moving from tea packaging to machinery parts', () => {
		const meth = rows.filter((r) => r.commodity_type === 'methamphetamine' && r.concealment_method);
		const leader = (year: string) =>
			largestFirst(
				tally(
					meth.filter((r) => r.seizure_date.startsWith(year)),
					(r) => r.concealment_method,
				),
			)[0]![0];
		expect(leader('2023')).toBe('in tea packaging');
		expect(leader('2025')).toBe('inside machinery parts');
		const teaShare = (year: string) => {
			const inYear = meth.filter((r) => r.seizure_date.startsWith(year));
			return (
				inYear.filter((r) => r.concealment_method === 'in tea packaging').length / inYear.length
			);
		};
		expect(teaShare('2023')).toBeGreaterThan(teaShare('2024'));
		expect(teaShare('2024')).toBeGreaterThan(teaShare('2025'));
	});

	it('peaks in November in every year', () => {
		for (const year of ['2023', '2024', '2025']) {
			const months = tally(
				rows.filter((r) => r.seizure_date.startsWith(year)),
				(r) => r.seizure_date.slice(5, 7),
			);
			expect(largestFirst(months)[0]![0]).toBe('11');
		}
	});

	it('links a cluster of cases through one consignee reference, across administrations', () => {
		const [top, next] = largestFirst(tally(distinct, (r) => r.consignee_ref));
		expect(top![0]).toBe(committedTruth.exercises['cluster-consignee'].answer);
		expect(top![1]).toBeGreaterThanOrEqual(4 * next![1]);
		const reporters = new Set(
			distinct.filter((r) => r.consignee_ref === top![0]).map((r) => r.reporting_administration),
		);
		expect(reporters.size).toBeGreaterThan(1);
	});
});

describe('concealment, seizure place and declaration', () => {
	it('never hides goods where they cannot go', () => {
		const handgunsInEnvelopes = rows.filter(
			(r) => r.commodity_type === 'handguns' && r.concealment_method === 'in document envelope',
		);
		const reptilesInTea = rows.filter(
			(r) => r.commodity_type === 'live reptiles' && r.concealment_method === 'in tea packaging',
		);
		expect(handgunsInEnvelopes).toEqual([]);
		expect(reptilesInTea).toEqual([]);
		const misfits = rows.filter(
			(r) =>
				r.concealment_method &&
				r.commodity_type &&
				!concealmentFitsGoods(r.concealment_method, r.commodity_category!, r.commodity_type),
		);
		expect(misfits.map((r) => r.case_id)).toEqual([]);
	});

	it('leaves every commodity at least one method in every mode it travels by', () => {
		for (const c of commodities)
			for (const [mode] of modesByCategory[c.category]!)
				expect(
					concealmentsForGoods(mode, c.category, c.type).length,
					`${c.type} ${mode}`,
				).toBeGreaterThan(0);
	});

	it('places each seizure in the reporting country, and declares a value only with declared goods', () => {
		for (const r of rows) {
			const country = r.reporting_administration!.replace(/ Customs$/, '');
			expect(r.seizure_place!.startsWith(`${country}: `), r.case_id).toBe(true);
			expect(r.declared_goods, r.case_id).not.toBe('');
			expect(r.declared_value_usd === '', r.case_id).toBe(r.declared_goods === 'nothing declared');
		}
		const declared = rows.filter((r) => r.declared_value_usd).map((r) => +r.declared_value_usd!);
		expect(declared.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
		expect(
			rows
				.filter((r) => r.concealment_method === 'in tea packaging')
				.every((r) => r.declared_goods === 'tea'),
		).toBe(true);
	});
});

/** Reads the "Planted quality problems" table of the README: label -> number. */
function readmeCounts(): Map<string, number> {
	const section = readme.slice(readme.indexOf('## Planted quality problems'));
	const table = section.slice(0, section.indexOf('\n## '));
	const counts = new Map<string, number>();
	for (const line of table.split('\n')) {
		const cells = line.split('|').map((c) => c.trim());
		if (/^[\d,]+$/.test(cells[2] ?? ''))
			counts.set(cells[1]!, Number(cells[2]!.replaceAll(',', '')));
	}
	return counts;
}

const kgFamily = new Set(['kg', 'KG', 'Kg', 'kgs', 'g']);
const places = ['origin_country', 'departure_country', 'transit_country', 'destination_country'];
const countries = new Set<string>(canonicalCountries);

function nearDuplicateCount(): number {
	const key = (r: Row) => {
		if (!r.seizure_date || !r.commodity_type || !r.quantity) return '';
		const kg = r.unit === 'g' ? +r.quantity / 1000 : +r.quantity;
		const unit = kgFamily.has(r.unit!) ? 'kg' : r.unit;
		return [
			r.seizure_date,
			r.reporting_administration,
			r.commodity_type,
			r.transport_mode,
			r.consignee_ref,
			unit,
			kg.toFixed(6),
		].join('|');
	};
	return [...tally(distinct, key).values()].reduce((n, c) => n + c - 1, 0);
}

/** A plain Tukey check: is the value above Q3 + 1.5 IQR of its group? */
function aboveFence(values: number[], value: number): boolean {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;
	return value > at(0.75) + 1.5 * (at(0.75) - at(0.25));
}

describe('quality problems, in the numbers the README states', () => {
	const stated = readmeCounts();
	const measured: Record<string, number> = {
		'Missing seizure_date': rows.filter((r) => !r.seizure_date).length,
		'Missing departure_country': rows.filter((r) => !r.departure_country).length,
		'Missing commodity_type': rows.filter((r) => !r.commodity_type).length,
		'Missing quantity': rows.filter((r) => !r.quantity).length,
		'Missing concealment_method': rows.filter((r) => !r.concealment_method).length,
		'Missing detection_method': rows.filter((r) => !r.detection_method).length,
		'Exact duplicates (extra copies)': rows.length - distinct.length,
		'Near duplicates (re-entries)': nearDuplicateCount(),
		'Drug records in grams': rows.filter((r) => r.commodity_category === 'drugs' && r.unit === 'g')
			.length,
		'kg written as KG, Kg or kgs': rows.filter((r) => ['KG', 'Kg', 'kgs'].includes(r.unit!)).length,
		'Grams keyed as kilograms': committedTruth.quality.unitErrors.length,
		'Records with a misspelt place name': rows.filter((r) =>
			places.some((p) => r[p] && !countries.has(r[p]!)),
		).length,
	};

	it('states every measured problem, with the measured number', () => {
		expect(Object.fromEntries(stated)).toEqual(measured);
	});

	it('plants every kind of problem at least once', () => {
		for (const [problem, n] of Object.entries(measured)) expect(n, problem).toBeGreaterThan(0);
	});

	it('makes the grams-keyed-as-kilograms records outliers within their commodity and mode', () => {
		for (const caseId of committedTruth.quality.unitErrors as string[]) {
			const record = rows.find((r) => r.case_id === caseId)!;
			const peers = rows.filter(
				(r) =>
					r.commodity_type === record.commodity_type &&
					r.transport_mode === record.transport_mode &&
					r.unit === 'kg' &&
					r.quantity,
			);
			expect(
				aboveFence(
					peers.map((r) => +r.quantity!),
					+record.quantity!,
				),
				caseId,
			).toBe(true);
		}
	});

	it('misspells places close to a real name (one or two edits, or case and spaces)', () => {
		const odd = new Set(
			rows.flatMap((r) => places.map((p) => r[p]!)).filter((v) => v && !countries.has(v)),
		);
		const near = (v: string) =>
			[...countries].some(
				(c) => c.toLowerCase() === v.trim().toLowerCase() || editDistance(c, v) <= 2,
			);
		expect([...odd].every(near)).toBe(true);
	});
});

function editDistance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0]![j] = j;
	for (let i = 1; i <= a.length; i++)
		for (let j = 1; j <= b.length; j++)
			d[i]![j] = Math.min(
				d[i - 1]![j]! + 1,
				d[i]![j - 1]! + 1,
				d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
	return d[a.length]![b.length]!;
}

describe("the workbench's own analyses find the same", () => {
	const table = parseSeizureCsv(committedCsv);
	const quality = committedTruth.quality;

	it('counts missing values, exact and near duplicates as the ground truth does', () => {
		const report = qualityReport(table);
		expect(Object.fromEntries(report.missing.map((m) => [m.field, m.count]))).toEqual(
			quality.missing,
		);
		expect(report.exactDuplicates).toBe(quality.exactDuplicates);
		expect(report.nearDuplicates).toBe(quality.nearDuplicates);
		expect(Object.fromEntries(report.units.map((u) => [u.value, u.count]))).toEqual(quality.units);
		const planted = new Set(quality.unitErrors as string[]);
		const cannabisByAir = applyFilters(table, [
			{ field: 'commodity_type', op: 'is', value: 'cannabis' },
			{ field: 'transport_mode', op: 'is', value: 'air passenger' },
			{ field: 'unit', op: 'is', value: 'kg' },
		]);
		const flagged = qualityReport(cannabisByAir).outlierExamples.map((o) => o.caseId);
		expect(flagged.filter((id) => planted.has(id)).length).toBeGreaterThan(0);
	});

	it('shows the emerging route and the seasonal peak', () => {
		const quarter = (q: string) =>
			routeCounts(applyFilters(table, [{ field: 'quarter', op: 'is', value: q }]), 'origin', 500)
				.routes;
		const route = committedTruth.exercises['emerging-route'].answer;
		const inQ = (q: string) => quarter(q).find((r) => r.value === route)?.count ?? 0;
		expect(inQ('2025-Q4') - inQ('2024-Q4')).toBe(committedTruth.patterns.emergingRoute.increase);
		const { months } = monthlyCounts(table);
		for (const year of ['2023', '2024', '2025']) {
			const inYear = months.filter((m) => m.month.startsWith(year));
			expect(inYear.reduce((a, b) => (b.count > a.count ? b : a)).month).toBe(`${year}-11`);
		}
	});

	it('sums quantity only over records in the chosen unit', () => {
		const cocaine = applyFilters(table, [
			{ field: 'commodity_type', op: 'is', value: 'cocaine' },
			{ field: 'year', op: 'is', value: '2024' },
		]);
		const [kg] = groupCounts(cocaine, ['commodity_type'], 'kg').rows;
		const [g] = groupCounts(cocaine, ['commodity_type'], 'g').rows;
		expect(kg!.count).toBe(g!.count);
		expect(kg!.withUnit + g!.withUnit).toBeLessThanOrEqual(kg!.count);
		expect(kg!.sum + g!.sum / 1000).toBeGreaterThan(
			committedTruth.exercises['cocaine-2024-kg'].answer,
		);
	});
});
