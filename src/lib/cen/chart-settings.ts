/**
 * What a chart saved from the data lab keeps besides its image: the filters, the view and its
 * settings that drew it, so a reader can tell what the chart counts and draw it again. Pure.
 */
import { fields, fieldInfo } from '~/lib/lab/fields';
import {
	describeFilter,
	opsByKind,
	type Filter,
	type Tab,
	type ViewSettings,
} from '~/lib/lab/query';

/** The lab state behind a saved chart. */
export type ChartSettings = {
	/** The chart's own title, as the lab showed it. */
	chart: string;
	tab: Tab;
	filters: Filter[];
	settings: Partial<ViewSettings>;
};

const tabs: Record<Tab, string> = {
	time: 'Over time',
	group: 'Group & count',
	routes: 'Routes',
	breakdown: 'Categories',
	quality: 'Data quality',
	records: 'Records',
};
const fieldNames = new Set<string>(fields.map((f) => f.name));
const ops = new Set<string>(Object.values(opsByKind).flatMap((list) => list.map((o) => o.op)));

const text = (v: unknown, max: number): string | null =>
	typeof v === 'string' && v.length <= max ? v : null;

/** Reads settings sent by the lab, or null when they are not what the lab sends. */
export function readChartSettings(json: string): ChartSettings | null {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return null;
	}
	if (!raw || typeof raw !== 'object' || json.length > 8000) return null;
	const r = raw as Record<string, unknown>;
	const chart = text(r.chart, 200);
	if (chart === null || typeof r.tab !== 'string' || !(r.tab in tabs)) return null;
	if (!Array.isArray(r.filters) || r.filters.length > 30) return null;
	const filters: Filter[] = [];
	for (const f of r.filters as Record<string, unknown>[]) {
		if (!f || typeof f !== 'object') return null;
		if (typeof f.field !== 'string' || !fieldNames.has(f.field)) return null;
		if (typeof f.op !== 'string' || !ops.has(f.op)) return null;
		const value = f.value === null ? null : text(f.value, 200);
		if (value === null && f.value !== null) return null;
		filters.push({ field: f.field, op: f.op, value } as Filter);
	}
	const s = (r.settings && typeof r.settings === 'object' ? r.settings : {}) as Record<
		string,
		unknown
	>;
	const settings: Partial<ViewSettings> = {};
	for (const key of ['groupBy', 'thenBy', 'breakdown'] as const)
		if (typeof s[key] === 'string' && fieldNames.has(s[key])) settings[key] = s[key] as never;
	if (typeof s.routeBy === 'string' && ['origin', 'departure', 'via-transit'].includes(s.routeBy))
		settings.routeBy = s.routeBy as ViewSettings['routeBy'];
	if (typeof s.sumUnit === 'string' && s.sumUnit.length <= 40) settings.sumUnit = s.sumUnit;
	return { chart, tab: r.tab as Tab, filters, settings };
}

/** The settings in words, one "Label: text" line each: the view, what it counts, and every filter. */
export function describeChartSettings(s: ChartSettings): string[] {
	const lines = [`View: ${tabs[s.tab]} — ${s.chart}`];
	if (s.tab === 'routes' && s.settings.routeBy)
		lines.push(
			`Routes: drawn ${
				{
					origin: 'from the origin country',
					departure: 'from the departure country',
					'via-transit': 'through the transit country',
				}[s.settings.routeBy]
			}`,
		);
	if (s.tab === 'breakdown' && s.settings.breakdown)
		lines.push(`Counted by: ${fieldInfo(s.settings.breakdown).label}`);
	lines.push(
		s.filters.length
			? `Filters: ${s.filters.map(describeFilter).join('; ')}`
			: 'Filters: none (all records)',
	);
	return lines;
}

/** The settings stored with a material, in words; [] when they cannot be read. */
export function describeStoredChart(json: string): string[] {
	const s = readChartSettings(json);
	return s ? describeChartSettings(s) : [];
}
