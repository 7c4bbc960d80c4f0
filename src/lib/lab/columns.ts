/**
 * The data set in columns, as the lab downloads it: each text column as its distinct values
 * plus one small integer per record, numbers as they are. Much smaller than the CSV once
 * compressed and, above all, nothing to parse in the browser: the worker turns it into
 * Arquero's columns in a few milliseconds. Pure, so the server, the worker and tests share it.
 */
import { recordColumns } from './fields';

/** Columns read as numbers; every other column of the file is text. */
export const numericColumns = new Set<string>(['quantity', 'declared_value_usd']);

/** A text column: `values[codes[i]]` is record i's value; code 0 is the empty cell (''). */
export type TextColumn = { values: string[]; codes: number[] };

/** The payload served at /lab/data.json. */
export type ColumnarData = {
	/** Bumped when the shape changes, so an old cached copy is never misread. */
	format: 1;
	rows: number;
	text: Record<string, TextColumn>;
	numbers: Record<string, (number | null)[]>;
	/** For each record, the index of the first record identical to it in every column. */
	rowKey: number[];
};

/** Columns ready for Arquero: text with null for empty cells, numbers, and the row key. */
export type DecodedColumns = Record<string, (string | null)[] | (number | null)[] | number[]>;

/** Encodes records given as text cells (one array per record, in `recordColumns` order). */
export function encodeColumns(records: string[][]): ColumnarData {
	const text: Record<string, TextColumn> = {};
	const numbers: Record<string, (number | null)[]> = {};
	recordColumns.forEach((name, c) => {
		if (numericColumns.has(name)) {
			numbers[name] = records.map((r) => (r[c] ? Number(r[c]) : null));
			return;
		}
		const index = new Map<string, number>([['', 0]]);
		const values = [''];
		const codes = records.map((r) => {
			const v = r[c] ?? '';
			let code = index.get(v);
			if (code === undefined) {
				code = values.push(v) - 1;
				index.set(v, code);
			}
			return code;
		});
		text[name] = { values, codes };
	});
	const first = new Map<string, number>();
	const rowKey = records.map((r, i) => {
		const key = r.join('\u0001');
		const seen = first.get(key);
		if (seen !== undefined) return seen;
		first.set(key, i);
		return i;
	});
	return { format: 1, rows: records.length, text, numbers, rowKey };
}

/** Year, quarter and month of each distinct day, worked out once per value, not per record. */
function derivedFromDates(dates: TextColumn) {
	const part = (fn: (day: string) => string) => {
		const perValue = dates.values.map((d) => (d ? fn(d) : null));
		return dates.codes.map((code) => perValue[code]!);
	};
	return {
		year: part((d) => d.slice(0, 4)),
		quarter: part((d) => `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`),
		month: part((d) => d.slice(0, 7)),
	};
}

/** The payload as plain column arrays (every record's value, null for empty), plus year, quarter, month and row_key. */
export function decodeColumns(data: ColumnarData): DecodedColumns {
	if (data.format !== 1) throw new Error('The data set is in a format this page does not know.');
	const columns: DecodedColumns = {};
	for (const name of recordColumns) {
		const numeric = data.numbers[name];
		if (numeric) {
			columns[name] = numeric;
			continue;
		}
		const { values, codes } = data.text[name]!;
		// One string per distinct value: groupings then compare the same objects.
		const shown = values.map((v) => (v === '' ? null : v));
		columns[name] = codes.map((code) => shown[code]!);
	}
	return { ...columns, ...derivedFromDates(data.text.seizure_date!), row_key: data.rowKey };
}
