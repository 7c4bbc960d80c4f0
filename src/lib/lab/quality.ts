/**
 * The data-quality view: missing values, duplicates, units and unusual quantities in the
 * records in view, measured with Arquero the way the exercises expect an analyst to.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { countValues } from './analysis';
import { recordColumns, type FieldName } from './fields';
import type { QualityReport, UnitSpread, ValueCount } from './query';

const { op } = aq;

type Row = Record<string, unknown>;

/** Empty cells per column of the file. */
export function missingByField(table: ColumnTable) {
	return recordColumns.map((field) => {
		let count = 0;
		for (const value of table.array(field)) if (value == null) count++;
		return { field: field as FieldName, count };
	});
}

/** Copies beyond the first of rows identical in every column, and the most copied cases. */
export function exactDuplicates(table: ColumnTable) {
	const repeated = table
		.groupby('row_key')
		.rollup({ copies: op.count(), case_id: op.any('case_id') })
		.filter('d => d.copies > 1')
		.orderby(aq.desc('copies'), 'case_id');
	const copies = repeated.array('copies') as number[];
	const examples = (repeated.slice(0, 10).objects() as Row[]).map((r) => ({
		caseId: String(r.case_id),
		copies: r.copies as number,
	}));
	return { count: copies.reduce((n, c) => n + c - 1, 0), examples };
}

const kilograms = new Set(['kg', 'KG', 'Kg', 'kgs', 'g']);

/**
 * Likely re-entries of one seizure under another case id: same day, reporting administration,
 * commodity type, transport mode, consignee and quantity (grams counted as kilograms).
 */
export function nearDuplicates(table: ColumnTable) {
	const col = (c: FieldName | 'row_key') => table.array(c) as (string | number | null)[];
	const [rowKey, ids, day, admin, type, mode, consignee, qty, unit] = (
		[
			'row_key',
			'case_id',
			'seizure_date',
			'reporting_administration',
			'commodity_type',
			'transport_mode',
			'consignee_ref',
			'quantity',
			'unit',
		] as const
	).map(col);
	const seen = new Set<unknown>();
	const groups = new Map<string, string[]>();
	for (let i = 0; i < rowKey!.length; i++) {
		// Exact copies are counted on their own; each record counts once here.
		if (seen.has(rowKey![i]) || !day![i] || !type![i] || qty![i] == null) continue;
		seen.add(rowKey![i]);
		const u = String(unit![i] ?? '');
		const kg = u === 'g' ? (qty![i] as number) / 1000 : (qty![i] as number);
		const key = `${day![i]}|${admin![i]}|${type![i]}|${mode![i]}|${consignee![i]}|${kilograms.has(u) ? 'kg' : u}|${kg.toFixed(6)}`;
		const group = groups.get(key);
		if (group) group.push(String(ids![i]));
		else groups.set(key, [String(ids![i])]);
	}
	const sets = [...groups.values()].filter((g) => g.length > 1);
	return { count: sets.reduce((n, g) => n + g.length - 1, 0), examples: sets.slice(0, 10) };
}

/** Tukey fences (1.5 × IQR) for the quantity of each unit, and how many records lie outside. */
export function quantitySpreads(table: ColumnTable): UnitSpread[] {
	const stats = table
		.filter('d => d.quantity != null && d.unit != null')
		.groupby('unit')
		.rollup({
			n: op.count(),
			q1: op.quantile('quantity', 0.25),
			median: op.median('quantity'),
			q3: op.quantile('quantity', 0.75),
			max: op.max('quantity'),
		})
		.objects() as (Omit<UnitSpread, 'low' | 'high' | 'below' | 'above'> & Row)[];
	const quantities = table.array('quantity') as (number | null)[];
	const units = table.array('unit') as (string | null)[];
	return stats
		.map((s) => {
			const iqr = s.q3 - s.q1;
			const low = s.q1 - 1.5 * iqr;
			const high = s.q3 + 1.5 * iqr;
			let below = 0;
			let above = 0;
			quantities.forEach((q, i) => {
				if (q == null || units[i] !== s.unit) return;
				if (q < low) below++;
				else if (q > high) above++;
			});
			return {
				unit: s.unit,
				n: s.n,
				q1: s.q1,
				median: s.median,
				q3: s.q3,
				low,
				high,
				below,
				above,
				max: s.max,
			};
		})
		.sort((a, b) => b.n - a.n);
}

/** The records furthest above their unit's upper fence. */
function outlierExamples(table: ColumnTable, spreads: UnitSpread[], limit = 12) {
	const fence = new Map(spreads.map((s) => [s.unit, s.high]));
	return (
		table
			.params({ fence: Object.fromEntries(fence) })
			.filter('(d, $) => d.quantity != null && d.quantity > $.fence[d.unit]')
			.derive({ ratio: '(d, $) => d.quantity / $.fence[d.unit]' })
			.orderby(aq.desc('ratio'))
			.slice(0, limit)
			.objects() as Row[]
	).map((r) => ({
		caseId: String(r.case_id),
		commodity: String(r.commodity_type ?? '(empty)'),
		mode: String(r.transport_mode),
		quantity: r.quantity as number,
		unit: String(r.unit),
	}));
}

/** Everything the data-quality view shows, for the records in view. */
export function qualityReport(table: ColumnTable): QualityReport {
	const exact = exactDuplicates(table);
	const near = nearDuplicates(table);
	const spreads = quantitySpreads(table);
	return {
		missing: missingByField(table),
		exactDuplicates: exact.count,
		duplicateExamples: exact.examples,
		nearDuplicates: near.count,
		nearExamples: near.examples,
		units: countValues(table, 'unit'),
		spreads,
		outlierExamples: outlierExamples(table, spreads),
	};
}

/** Place names seen fewer than `below` times in the data set: usually misspellings. */
export function rarePlaceValues(values: Partial<Record<FieldName, ValueCount[]>>, below = 5) {
	const places: FieldName[] = [
		'origin_country',
		'departure_country',
		'transit_country',
		'destination_country',
	];
	return places.flatMap((field) =>
		(values[field] ?? [])
			.filter((v) => v.value !== null && v.count < below)
			.map((v) => ({ field, value: v.value!, count: v.count })),
	);
}
