/**
 * Inspection counts for one reporting administration and transport mode: the companion figures of
 * the lab's "a rise that is not what it seems" exercise. The group is the one whose records rose
 * most from 2024 to 2025 (among groups with at least 60 records in 2024); its inspections are set
 * so that seizures per 1,000 inspections stay almost flat, so the rise comes from more controls,
 * not from more smuggling. Invented for training, like the records: no real administration's
 * figures. Drawn from a stream of its own (seed + `/inspections`), so the records are unchanged.
 */
import { Random } from './random';
import { years, type SeizureRecord } from './vocabulary';

export type InspectionYear = { year: number; records: number; inspections: number; perThousand: number };

export type InspectionRise = {
	administration: string;
	mode: string;
	byYear: InspectionYear[];
	/** Records 2024 -> 2025, in %. */
	recordsChange: number;
	/** Inspections 2024 -> 2025, in %. */
	inspectionsChange: number;
};

/** Rows as a participant counts them: exact duplicates removed. */
function distinctRows(rows: SeizureRecord[]): SeizureRecord[] {
	const seen = new Set<string>();
	return rows.filter((r) => {
		const k = JSON.stringify(r);
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

const pct = (from: number, to: number) => Math.round(((to - from) / from) * 100);

export function measureInspectionRise(rows: SeizureRecord[], seed: string): InspectionRise {
	const counts = new Map<string, Record<number, number>>();
	for (const r of distinctRows(rows)) {
		const year = Number(r.seizure_date.slice(0, 4));
		if (!years.includes(year as (typeof years)[number])) continue;
		const key = `${r.reporting_administration}|${r.transport_mode}`;
		const c = counts.get(key) ?? {};
		c[year] = (c[year] ?? 0) + 1;
		counts.set(key, c);
	}
	const [key, c] = [...counts]
		.filter(([, c]) => (c[2024] ?? 0) >= 60)
		.sort(
			([ka, a], [kb, b]) =>
				(b[2025]! - b[2024]!) / b[2024]! - (a[2025]! - a[2024]!) / a[2024]! || ka.localeCompare(kb),
		)[0]!;
	const rng = new Random(`${seed}/inspections`);
	// One flat hit rate (4 to 6 per 1,000) with a little noise each year.
	const rate = 4 + 2 * rng.next();
	const byYear = years.map((year) => {
		const records = c[year] ?? 0;
		const inspections = Math.round((records / (rate * (0.97 + 0.06 * rng.next()))) * 1000 / 10) * 10;
		return { year, records, inspections, perThousand: Math.round((records / inspections) * 10000) / 10 };
	});
	const [, y2024, y2025] = byYear;
	const [administration, mode] = key.split('|') as [string, string];
	return {
		administration,
		mode,
		byYear,
		recordsChange: pct(y2024!.records, y2025!.records),
		inspectionsChange: pct(y2024!.inspections, y2025!.inspections),
	};
}
