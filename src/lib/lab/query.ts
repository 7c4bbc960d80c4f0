/**
 * What the workbench asks its worker and what comes back. Plain data only: every message
 * crosses postMessage, so no functions, classes or tables.
 */
import { fieldInfo, showValue, type FieldKind, type FieldName } from './fields';

/** How a filter compares. `empty`/`filled` take no value. */
export type FilterOp = 'is' | 'is-not' | 'contains' | 'at-least' | 'at-most' | 'empty' | 'filled';

/** One condition; a record must meet every filter in the list. */
export type Filter = { field: FieldName; op: FilterOp; value: string | null };

/** Conditions offered for each kind of field, with their wording. */
export const opsByKind: Record<FieldKind, { op: FilterOp; label: string }[]> = {
	category: [
		{ op: 'is', label: 'is' },
		{ op: 'is-not', label: 'is not' },
	],
	text: [
		{ op: 'is', label: 'is exactly' },
		{ op: 'contains', label: 'contains' },
		{ op: 'empty', label: 'is empty' },
		{ op: 'filled', label: 'is not empty' },
	],
	number: [
		{ op: 'at-least', label: 'is at least' },
		{ op: 'at-most', label: 'is at most' },
		{ op: 'empty', label: 'is empty' },
		{ op: 'filled', label: 'is not empty' },
	],
	date: [
		{ op: 'at-least', label: 'is on or after' },
		{ op: 'at-most', label: 'is on or before' },
		{ op: 'empty', label: 'is empty' },
		{ op: 'filled', label: 'is not empty' },
	],
};

/** True when the condition needs a value. */
export const takesValue = (op: FilterOp) => op !== 'empty' && op !== 'filled';

/** A filter in words: "Origin country is Veronia". */
export function describeFilter(filter: Filter): string {
	const info = fieldInfo(filter.field);
	const wording = opsByKind[info.kind].find((o) => o.op === filter.op)?.label ?? filter.op;
	return takesValue(filter.op)
		? `${info.label} ${wording} ${showValue(filter.value)}`
		: `${info.label} ${wording}`;
}

/** The analysis views of the workbench. */
export type Tab = 'time' | 'group' | 'routes' | 'breakdown' | 'quality' | 'records';

/** How routes are drawn: from origin or departure, with or without the transit country. */
export type RouteBy = 'origin' | 'departure' | 'via-transit';

/** Settings of every view; only the active view's settings shape a query. */
export type ViewSettings = {
	groupBy: FieldName;
	thenBy: FieldName | null;
	sumUnit: string | null;
	routeBy: RouteBy;
	breakdown: FieldName;
};

/** One question to the worker: the filters plus what the active view needs. */
export type Query = { filters: Filter[]; tab: Tab; settings: ViewSettings };

/** A value and how many records hold it. */
export type ValueCount = { value: string | null; count: number };

/** One group: its key values, records, and the sum and count of records in the chosen unit. */
export type GroupRow = { keys: (string | null)[]; count: number; sum: number; withUnit: number };

/** Results of each view. */
export type ViewResult =
	| { tab: 'time'; months: { month: string; count: number }[]; undated: number }
	| {
			tab: 'group';
			keys: FieldName[];
			rows: GroupRow[];
			groups: number;
			unit: string | null;
			units: ValueCount[];
	  }
	| { tab: 'routes'; routes: ValueCount[]; distinct: number }
	| { tab: 'breakdown'; field: FieldName; values: ValueCount[]; distinct: number }
	| { tab: 'quality'; report: QualityReport }
	| { tab: 'records'; rows: string[][] };

/** Quartiles and Tukey fences of the quantity in one unit, with counts outside the fences. */
export type UnitSpread = {
	unit: string;
	n: number;
	q1: number;
	median: number;
	q3: number;
	low: number;
	high: number;
	below: number;
	above: number;
	max: number;
};

/** What the data-quality view shows for the current records. */
export type QualityReport = {
	missing: { field: FieldName; count: number }[];
	exactDuplicates: number;
	duplicateExamples: { caseId: string; copies: number }[];
	nearDuplicates: number;
	nearExamples: string[][];
	units: ValueCount[];
	spreads: UnitSpread[];
	outlierExamples: {
		caseId: string;
		commodity: string;
		mode: string;
		quantity: number;
		unit: string;
	}[];
};

/** Facts about the whole data set, sent once when it has loaded. */
export type DatasetInfo = {
	total: number;
	values: Partial<Record<FieldName, ValueCount[]>>;
	rarePlaces: { field: FieldName; value: string; count: number }[];
};

/** The unfiltered "Over time" view and the dataset facts, sent with the page so the first chart needs no worker. */
export type FirstView = {
	info: DatasetInfo;
	months: { month: string; count: number }[];
	undated: number;
};

/** Messages from the workbench to its worker. */
export type WorkerRequest =
	| { id: number; type: 'load'; url: string }
	| { id: number; type: 'query'; query: Query }
	| { id: number; type: 'export'; filters: Filter[] };

/** Messages from the worker: progress while loading, then one answer per request. */
export type WorkerResponse =
	| { id: number; type: 'progress'; phase: 'download' | 'parse'; received: number; total: number }
	| { id: number; type: 'loaded'; info: DatasetInfo }
	| { id: number; type: 'result'; count: number; total: number; view: ViewResult }
	| { id: number; type: 'csv'; text: string; count: number }
	| { id: number; type: 'error'; message: string };
