/**
 * The workbench's analyses, written with Arquero. Pure functions of a table: the worker runs
 * them in the browser and unit tests run them in Node. (Arquero compiles its expressions with
 * `Function`, which the page's Content-Security-Policy forbids; that is why they run in a
 * worker, whose script carries no page policy.)
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { decodeColumns, numericColumns, type ColumnarData } from './columns';
import { groupableFields, recordColumns, type FieldName } from './fields';
import type { Filter, GroupRow, RouteBy, ValueCount } from './query';

const { op } = aq;

/** Every month of the data set's period, 'YYYY-MM'. */
export const periodMonths = Array.from({ length: 36 }, (_, i) => {
	const year = 2023 + Math.floor(i / 12);
	return `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
});

/**
 * Parses the CSV once (all text except quantity) and adds year, quarter and month, plus
 * `row_key`: the record's whole line, so exact duplicates are one cheap grouping away.
 */
export function parseSeizureCsv(text: string): ColumnTable {
	// One string object per distinct value: later tallies and groupings compare pointers, not
	// characters (the same name read from 20,000 lines would otherwise be 20,000 strings).
	const pool = new Map<string, string>();
	const intern = (v: string) => pool.get(v) ?? (pool.set(v, v), v);
	const parse = Object.fromEntries(
		recordColumns.map((c) => [
			c,
			numericColumns.has(c) ? Number : c === 'case_id' ? String : intern,
		]),
	);
	const table = aq.fromCSV(text, { autoType: false, parse });
	const dates = table.array('seizure_date') as (string | null)[];
	const part = (fn: (day: string) => string) => dates.map((d) => (d ? intern(fn(d)) : null));
	return table.assign({
		year: part((d) => d.slice(0, 4)),
		quarter: part((d) => `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`),
		month: part((d) => d.slice(0, 7)),
		row_key: rowKeys(text, table),
	});
}

/** The table the workbench works on, from the columnar payload (no parsing: see columns.ts). */
export function tableFromColumns(data: ColumnarData): ColumnTable {
	return aq.table(decodeColumns(data));
}

function rowKeys(text: string, table: ColumnTable): string[] {
	const lines = text.split(/\r?\n/).slice(1);
	if (lines.at(-1) === '') lines.pop();
	if (lines.length === table.numRows()) return lines;
	// A quoted line break split a record: build the keys from the values instead.
	const columns = recordColumns.map((c) => table.array(c));
	return Array.from({ length: table.numRows() }, (_, i) => columns.map((c) => c[i]).join('\u0001'));
}

type Row = Record<string, unknown>;

function predicate({ field, op: how, value }: Filter): (d: Row) => boolean {
	const needle = (value ?? '').toLowerCase();
	const limit = field === 'quantity' ? Number(value) : (value ?? '');
	switch (how) {
		case 'is':
			return (d) => (d[field] ?? null) === value;
		case 'is-not':
			return (d) => (d[field] ?? null) !== value;
		case 'contains':
			return (d) => d[field] != null && String(d[field]).toLowerCase().includes(needle);
		case 'at-least':
			return (d) => d[field] != null && (d[field] as number | string) >= limit;
		case 'at-most':
			return (d) => d[field] != null && (d[field] as number | string) <= limit;
		case 'empty':
			return (d) => d[field] == null;
		case 'filled':
			return (d) => d[field] != null;
	}
}

/** The records that meet every filter. */
export function applyFilters(table: ColumnTable, filters: Filter[]): ColumnTable {
	if (!filters.length) return table;
	const tests = filters.map(predicate);
	return table.filter(aq.escape((d: Row) => tests.every((test) => test(d)))).reify();
}

/** Values of one field with their counts, largest first. */
export function countValues(table: ColumnTable, field: FieldName, limit = Infinity): ValueCount[] {
	return (table.groupby(field).count().orderby(aq.desc('count'), field).objects() as Row[])
		.slice(0, limit)
		.map((r) => ({ value: (r[field] as string | null) ?? null, count: r.count as number }));
}

/** Values of a column with their counts, largest first (a plain tally: it runs at load time). */
function tally(values: Iterable<unknown>): ValueCount[] {
	const counts = new Map<string | null, number>();
	for (const v of values) {
		const key = v == null ? null : String(v);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts]
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}

/** Distinct values of every groupable field over the whole data set, for the filter pickers. */
export function valuesByField(table: ColumnTable): Partial<Record<FieldName, ValueCount[]>> {
	return Object.fromEntries(groupableFields.map((f) => [f.name, tally(table.array(f.name))]));
}

/** Records per month over the whole period (zeros included) and how many have no date. */
export function monthlyCounts(table: ColumnTable) {
	const counts = new Map(countValues(table, 'month').map((v) => [v.value, v.count]));
	return {
		months: periodMonths.map((month) => ({ month, count: counts.get(month) ?? 0 })),
		undated: counts.get(null) ?? 0,
	};
}

/**
 * Record counts by one or two fields, with the sum of quantity over the records in `unit`
 * only: adding kilograms to pieces means nothing.
 */
export function groupCounts(
	table: ColumnTable,
	keys: FieldName[],
	unit: string | null,
	limit = 200,
) {
	const grouped = table
		.params({ unit })
		.groupby(keys)
		.rollup({
			count: op.count(),
			sum: '(d, $) => op.sum(d.unit === $.unit ? d.quantity : null)',
			withUnit: '(d, $) => op.sum(d.unit === $.unit && d.quantity != null ? 1 : 0)',
		})
		.orderby(aq.desc('count'), ...keys);
	const rows: GroupRow[] = (grouped.slice(0, limit).objects() as Row[]).map((r) => ({
		keys: keys.map((k) => (r[k] as string | null) ?? null),
		count: r.count as number,
		sum: (r.sum as number) ?? 0,
		withUnit: r.withUnit as number,
	}));
	return { rows, groups: grouped.numRows() };
}

const arrow = (parts: (string | null)[]) => parts.map((p) => p ?? '(empty)').join(' → ');

/** Routes ranked by records: origin or departure to destination, optionally via transit. */
export function routeCounts(table: ColumnTable, by: RouteBy, limit = 50) {
	const from = by === 'departure' ? 'departure_country' : 'origin_country';
	const keys: FieldName[] =
		by === 'via-transit'
			? [from, 'transit_country', 'destination_country']
			: [from, 'destination_country'];
	const { rows, groups } = groupCounts(table, keys, null, limit);
	const label = (k: (string | null)[]) =>
		by === 'via-transit' && k[1] === null ? `${arrow([k[0]!, k[2]!])} (direct)` : arrow(k);
	return { routes: rows.map((r) => ({ value: label(r.keys), count: r.count })), distinct: groups };
}

/** The first rows of the view as text cells in file order. */
export function firstRows(table: ColumnTable, limit = 100): string[][] {
	const head = table.slice(0, limit);
	const columns = recordColumns.map((c) => head.array(c));
	return Array.from({ length: head.numRows() }, (_, i) =>
		columns.map((col) => (col[i] == null ? '' : String(col[i]))),
	);
}

/** The view as CSV with the file's own columns (derived ones left out). */
export function viewAsCsv(table: ColumnTable): string {
	return table.select([...recordColumns]).toCSV();
}
