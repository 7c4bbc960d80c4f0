/**
 * The ground truth: every planted fact measured on the finished records, the way an analyst
 * would find it. Exercise answers come from here, never from the generator's intentions, so
 * chance collisions in the random data are counted too.
 */
import { columns, countries, monthNames, type SeizureRecord } from './vocabulary';
import { placeFields } from './quality';
import { plan } from './records';
import { measureInspectionRise } from './inspections';

const canonical = new Set<string>(countries);
const kgSpellings = new Set(['kg', 'KG', 'Kg', 'kgs']);

/** 'A → B'. */
export const routeLabel = (origin: string, destination: string) => `${origin} → ${destination}`;

function countBy<T>(items: T[], key: (item: T) => string | null): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) {
		const k = key(item);
		if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return counts;
}

/** Keys by count, largest first; ties by name so the order is stable. */
function ranked(counts: Map<string, number>): [string, number][] {
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Rows without their exact copies. */
export function withoutExactDuplicates(rows: SeizureRecord[]): SeizureRecord[] {
	const seen = new Set<string>();
	return rows.filter((r) => {
		const key = JSON.stringify(columns.map((c) => r[c]));
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** Quantity in kilograms for any spelling of kg and for grams; other units unchanged. */
export function normalisedQuantity(r: SeizureRecord): number | null {
	if (r.quantity === null) return null;
	return r.unit === 'g' ? r.quantity / 1000 : r.quantity;
}

const unitClass = (unit: string) => (unit === 'g' || kgSpellings.has(unit) ? 'kg' : unit);

/** Near duplicates: same day, reporter, commodity type, mode, consignee and quantity (g as kg). */
export function countNearDuplicates(rows: SeizureRecord[]): number {
	const groups = countBy(withoutExactDuplicates(rows), (r) =>
		r.seizure_date && r.commodity_type && r.quantity !== null
			? JSON.stringify([
					r.seizure_date,
					r.reporting_administration,
					r.commodity_type,
					r.transport_mode,
					r.consignee_ref,
					unitClass(r.unit),
					normalisedQuantity(r)!.toFixed(6),
				])
			: null,
	);
	return [...groups.values()].reduce((sum, n) => sum + n - 1, 0);
}

/** The quarter the emerging-route exercise looks at, and the same quarter a year before. */
export const emergingPeriods = { period: '2025-Q4', comparedWith: '2024-Q4' } as const;

/** Route gains year on year (same quarter, one year apart), so the November peak cancels out. */
function emergingRoute(rows: SeizureRecord[]) {
	const inQuarter = (q: string) =>
		countBy(
			rows.filter((r) => quarterOf(r.seizure_date) === q),
			(r) => (r.origin_country && r.destination_country ? routeLabel(r.origin_country, r.destination_country) : null),
		);
	const before = inQuarter(emergingPeriods.comparedWith);
	const now = inQuarter(emergingPeriods.period);
	const routes = [...new Set([...before.keys(), ...now.keys()])].map((route) => ({
		route,
		lastYear: before.get(route) ?? 0,
		thisYear: now.get(route) ?? 0,
		increase: (now.get(route) ?? 0) - (before.get(route) ?? 0),
	}));
	routes.sort((a, b) => b.increase - a.increase || a.route.localeCompare(b.route));
	const busiest = ranked(now).map(([route]) => route);
	return { winner: routes[0]!, runnersUp: routes.slice(1, 5), busiest };
}

/** 'YYYY-Qn' of a 'YYYY-MM-DD' day, or '' when the day is missing. */
export function quarterOf(day: string): string {
	return day ? `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}` : '';
}

function concealmentShift(rows: SeizureRecord[]) {
	const { commodity } = plan.concealmentShift;
	const ofType = rows.filter((r) => r.commodity_type === commodity && r.concealment_method);
	const inYear = (y: string) =>
		ranked(countBy(ofType.filter((r) => r.seizure_date.startsWith(y)), (r) => r.concealment_method));
	const overall = ranked(countBy(ofType, (r) => r.concealment_method)).map(([m]) => m);
	return { commodity, byYear: { 2023: inYear('2023'), 2024: inYear('2024'), 2025: inYear('2025') }, overall };
}

function seasonalPeak(rows: SeizureRecord[]) {
	const monthOf = (r: SeizureRecord) => (r.seizure_date ? monthNames[Number(r.seizure_date.slice(5, 7)) - 1]! : null);
	const byMonth = countBy(rows, monthOf);
	const peakIn = (y: string) => ranked(countBy(rows.filter((r) => r.seizure_date.startsWith(y)), monthOf))[0]![0];
	return {
		month: ranked(byMonth)[0]![0],
		byMonth: Object.fromEntries(monthNames.map((m) => [m, byMonth.get(m) ?? 0])),
		peakByYear: { 2023: peakIn('2023'), 2024: peakIn('2024'), 2025: peakIn('2025') },
	};
}

function cluster(rows: SeizureRecord[]) {
	const [first, second] = ranked(countBy(withoutExactDuplicates(rows), (r) => r.consignee_ref || null));
	return { consigneeRef: first![0], cases: first![1], nextLargest: second![1] };
}

function misspelledPlaces(rows: SeizureRecord[]) {
	const variants = new Map<string, number>();
	let records = 0;
	for (const r of rows) {
		const odd = placeFields.map((f) => r[f]).filter((v) => v && !canonical.has(v));
		if (odd.length) records++;
		for (const v of odd) variants.set(v, (variants.get(v) ?? 0) + 1);
	}
	return { records, distinctValues: variants.size };
}

function cocaineKg2024(rows: SeizureRecord[]): number {
	const total = withoutExactDuplicates(rows)
		.filter((r) => r.commodity_type === 'cocaine' && r.seizure_date.startsWith('2024'))
		.reduce((sum, r) => sum + (normalisedQuantity(r) ?? 0), 0);
	return Math.round(total * 1000) / 1000;
}

function quality(rows: SeizureRecord[], unitErrors: string[]) {
	const missing = Object.fromEntries(
		columns.map((c) => [c, rows.filter((r) => r[c] === '' || r[c] === null).length]),
	);
	const unique = withoutExactDuplicates(rows);
	return {
		missing,
		exactDuplicates: rows.length - unique.length,
		nearDuplicates: countNearDuplicates(rows),
		units: Object.fromEntries(ranked(countBy(rows, (r) => r.unit || '(empty)'))),
		drugRecordsInGrams: rows.filter((r) => r.commodity_category === 'drugs' && r.unit === 'g').length,
		kgSpellingVariants: rows.filter((r) => kgSpellings.has(r.unit) && r.unit !== 'kg').length,
		unitErrors,
		misspelledPlaces: misspelledPlaces(rows),
	};
}

/** Everything the exercises and tests check, measured on the final rows. */
export function measureGroundTruth(rows: SeizureRecord[], seed: string, clusterRef: string, unitErrors: string[]) {
	const route = emergingRoute(rows);
	const shift = concealmentShift(rows);
	const peak = seasonalPeak(rows);
	const linked = cluster(rows);
	const q = quality(rows, unitErrors);
	const shiftAnswer = shift.byYear[2025][0]![0];
	return {
		seed,
		note: 'Server-only answers for the synthetic data set. Never send this file to browsers.',
		rows: rows.length,
		columns: [...columns],
		period: { from: '2023-01-01', to: '2025-12-31' },
		patterns: {
			emergingRoute: { ...emergingPeriods, ...route.winner, runnersUp: route.runnersUp },
			concealmentShift: {
				commodityType: shift.commodity,
				top2023: shift.byYear[2023].slice(0, 3),
				top2024: shift.byYear[2024].slice(0, 3),
				top2025: shift.byYear[2025].slice(0, 3),
			},
			seasonalPeak: peak,
			cluster: { ...linked, planted: clusterRef },
			inspectionRise: measureInspectionRise(rows, seed),
		},
		quality: q,
		exercises: {
			'emerging-route': {
				answer: route.winner.route,
				options: [route.winner.route, ...route.busiest.filter((r) => r !== route.winner.route).slice(0, 4)].sort(),
			},
			'concealment-shift': {
				answer: shiftAnswer,
				options: [shiftAnswer, ...shift.overall.filter((m) => m !== shiftAnswer && m !== plan.concealmentShift.from).slice(0, 4)].sort(),
			},
			'seasonal-peak': { answer: peak.month, options: [...monthNames] },
			'exact-duplicates': { answer: q.exactDuplicates },
			'cluster-consignee': { answer: linked.consigneeRef },
			'cocaine-2024-kg': { answer: cocaineKg2024(rows) },
		},
	};
}

export type GroundTruth = ReturnType<typeof measureGroundTruth>;
