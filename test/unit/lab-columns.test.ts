/**
 * The columnar data set the lab downloads: it holds exactly the CSV's cells, and the workbench's
 * analyses give the same answers on it as on the CSV.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	applyFilters,
	monthlyCounts,
	parseSeizureCsv,
	routeCounts,
	tableFromColumns,
	valuesByField,
} from '~/lib/lab/analysis';
import { decodeColumns, encodeColumns } from '~/lib/lab/columns';
import { recordColumns } from '~/lib/lab/fields';
import { qualityReport } from '~/lib/lab/quality';

const csv = gunzipSync(
	readFileSync(new URL('../../content/data/seizures.csv.gz', import.meta.url)),
).toString('utf8');
const [header, ...records] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
const data = encodeColumns(records);

describe('encoding', () => {
	it('keeps every cell of every record', () => {
		expect(header).toEqual([...recordColumns]);
		expect(data.rows).toBe(records.length);
		const columns = decodeColumns(JSON.parse(JSON.stringify(data)));
		recordColumns.forEach((name, c) => {
			const decoded = columns[name]!.map((v) => (v === null ? '' : String(v)));
			const original = records.map((r) => (r[c] === '' ? '' : String(r[c])));
			if (name === 'quantity' || name === 'declared_value_usd')
				expect(decoded, name).toEqual(original.map((v) => (v === '' ? '' : String(Number(v)))));
			else expect(decoded, name).toEqual(original);
		});
	});

	it('points each exact copy at its first record', () => {
		const copies = data.rowKey.filter((key, i) => key !== i);
		expect(copies.length).toBeGreaterThan(0);
		for (const [i, key] of data.rowKey.entries())
			if (key !== i) expect(records[i]).toEqual(records[key]);
	});

	it('refuses a payload of another format', () => {
		expect(() => decodeColumns({ ...data, format: 2 as 1 })).toThrow(/format/);
	});

	it('handles an empty data set', () => {
		const empty = encodeColumns([]);
		expect(empty.rows).toBe(0);
		expect(tableFromColumns(empty).numRows()).toBe(0);
	});
});

describe('the workbench gives the same answers on columns as on the CSV', () => {
	const fromCsv = parseSeizureCsv(csv);
	const fromColumns = tableFromColumns(data);

	it('counts values, months, routes and quality alike', () => {
		expect(valuesByField(fromColumns)).toEqual(valuesByField(fromCsv));
		expect(monthlyCounts(fromColumns)).toEqual(monthlyCounts(fromCsv));
		const q = [{ field: 'quarter' as const, op: 'is' as const, value: '2025-Q4' }];
		expect(routeCounts(applyFilters(fromColumns, q), 'origin')).toEqual(
			routeCounts(applyFilters(fromCsv, q), 'origin'),
		);
		const a = qualityReport(fromColumns);
		const b = qualityReport(fromCsv);
		expect(a.exactDuplicates).toBe(b.exactDuplicates);
		expect(a.nearDuplicates).toBe(b.nearDuplicates);
		expect(a.missing).toEqual(b.missing);
		expect(a.spreads).toEqual(b.spreads);
	});
});
