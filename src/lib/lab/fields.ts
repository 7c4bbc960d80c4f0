/**
 * The columns of the data lab's synthetic seizure data set: labels, descriptions and how each
 * can be filtered. Shared by the workbench, its worker and the page that explains the fields.
 */

/** Shown beside every chart, table and export of the data lab. */
export const syntheticLabel = 'Synthetic data — invented for training; not real CEN records';

/** The columns of the CSV file, in file order. */
export const recordColumns = [
	'case_id',
	'seizure_date',
	'reporting_administration',
	'seizure_place',
	'origin_country',
	'departure_country',
	'transit_country',
	'destination_country',
	'transport_mode',
	'commodity_category',
	'commodity_type',
	'quantity',
	'unit',
	'concealment_method',
	'declared_goods',
	'declared_value_usd',
	'detection_method',
	'consignee_ref',
	'synthetic',
] as const;

/** Columns the workbench derives from seizure_date when the data loads. */
export const derivedColumns = ['year', 'quarter', 'month'] as const;

/** A column of the file or one derived from the date. */
export type FieldName = (typeof recordColumns)[number] | (typeof derivedColumns)[number];

/** How a field is filtered: pick a value, type some text, compare a number or a day. */
export type FieldKind = 'category' | 'text' | 'number' | 'date';

/** What the workbench knows about a field. */
export type FieldInfo = { name: FieldName; label: string; kind: FieldKind; description: string };

/** Every field the workbench offers, with what it holds. */
export const fields: FieldInfo[] = [
	{
		name: 'case_id',
		label: 'Case id',
		kind: 'text',
		description: 'Identifier of the record (SYN-year-number).',
	},
	{
		name: 'seizure_date',
		label: 'Seizure date',
		kind: 'date',
		description: 'Day of the seizure (YYYY-MM-DD).',
	},
	{
		name: 'year',
		label: 'Year',
		kind: 'category',
		description: 'Year of the seizure date (derived).',
	},
	{
		name: 'quarter',
		label: 'Quarter',
		kind: 'category',
		description: 'Quarter of the seizure date, e.g. 2025-Q4 (derived).',
	},
	{
		name: 'month',
		label: 'Month',
		kind: 'category',
		description: 'Month of the seizure date, e.g. 2025-11 (derived).',
	},
	{
		name: 'reporting_administration',
		label: 'Reporting administration',
		kind: 'category',
		description: 'The customs administration that reported the case.',
	},
	{
		name: 'seizure_place',
		label: 'Seizure place',
		kind: 'category',
		description:
			'Where the goods were stopped: the reporting country and the kind of place (airport arrivals, mail centre, container terminal…).',
	},
	{
		name: 'origin_country',
		label: 'Origin country',
		kind: 'category',
		description: 'Where the goods came from.',
	},
	{
		name: 'departure_country',
		label: 'Departure country',
		kind: 'category',
		description: 'Where the goods were shipped from.',
	},
	{
		name: 'transit_country',
		label: 'Transit country',
		kind: 'category',
		description: 'Country passed through; empty when the route was direct.',
	},
	{
		name: 'destination_country',
		label: 'Destination country',
		kind: 'category',
		description: 'Where the goods were going.',
	},
	{
		name: 'transport_mode',
		label: 'Transport mode',
		kind: 'category',
		description: 'How the goods travelled.',
	},
	{
		name: 'commodity_category',
		label: 'Commodity category',
		kind: 'category',
		description: 'Broad group of goods (drugs, tobacco, IPR…).',
	},
	{
		name: 'commodity_type',
		label: 'Commodity type',
		kind: 'category',
		description: 'The goods themselves.',
	},
	{
		name: 'quantity',
		label: 'Quantity',
		kind: 'number',
		description: 'Amount seized, in the unit of the next column.',
	},
	{
		name: 'unit',
		label: 'Unit',
		kind: 'category',
		description: 'Unit of the quantity (kg, g, pieces, sticks, litres, USD).',
	},
	{
		name: 'concealment_method',
		label: 'Concealment method',
		kind: 'category',
		description: 'How the goods were hidden.',
	},
	{
		name: 'declared_goods',
		label: 'Declared goods',
		kind: 'category',
		description:
			'What the goods were declared as (the cover goods); “nothing declared” for passengers and drivers who made no declaration.',
	},
	{
		name: 'declared_value_usd',
		label: 'Declared value (USD)',
		kind: 'number',
		description:
			'Customs value on the declaration, in US dollars; empty when nothing was declared. Not the value of the seized goods.',
	},
	{
		name: 'detection_method',
		label: 'Detection method',
		kind: 'category',
		description: 'What led to the seizure.',
	},
	{
		name: 'consignee_ref',
		label: 'Consignee reference',
		kind: 'text',
		description:
			'Pseudonymised reference of the consignee; empty for passengers and drivers. A national field: the global CEN would not hold it.',
	},
	{
		name: 'synthetic',
		label: 'Synthetic note',
		kind: 'category',
		description: 'The same note on every row: the record is invented.',
	},
];

const byName = new Map(fields.map((f) => [f.name, f]));

/** The field's description, or a stand-in for an unknown name. */
export function fieldInfo(name: string): FieldInfo {
	return (
		byName.get(name as FieldName) ?? {
			name: name as FieldName,
			label: name,
			kind: 'text',
			description: '',
		}
	);
}

/** Fields worth grouping and breaking down by (not ids, numbers or the constant note). */
export const groupableFields = fields.filter(
	(f) => f.kind === 'category' && f.name !== 'synthetic',
);

/** A value as people should see it: empty cells and stray spaces made visible. */
export function showValue(value: unknown): string {
	if (value === null || value === undefined || value === '') return '(empty)';
	const text = String(value);
	// Trailing or leading spaces are a real data problem; an open-box sign makes them visible.
	return text.replace(/^ +| +$/g, (spaces) => '␣'.repeat(spaces.length));
}

/** 12,345 (English grouping, at most two decimals). */
export function formatCount(n: number): string {
	return n.toLocaleString('en', { maximumFractionDigits: 2 });
}
