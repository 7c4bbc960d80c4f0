/** Time logged per area per OJT week against the plan, and which areas are falling behind. Pure. */
import type { OjtArea } from '~db/schema';
import { isWithin, type Day } from '../dates';

type EntryLike = { date: Day; area: OjtArea; minutes: number };
type Week = { week: number; start: Day; end: Day };

export type AreaCoverage = {
	area: OjtArea;
	minutesByWeek: number[];
	totalMinutes: number;
	plannedMinutes: number;
	entries: number;
};

/** Minutes per area per week (entries outside the weeks count in the total only). */
export function coverage(
	entries: EntryLike[],
	weeks: Week[],
	plannedHours: Partial<Record<OjtArea, number>>,
): AreaCoverage[] {
	return ([1, 2, 3, 4] as const).map((area) => {
		const mine = entries.filter((e) => e.area === area);
		return {
			area,
			minutesByWeek: weeks.map((w) =>
				mine.filter((e) => isWithin(e.date, w.start, w.end)).reduce((n, e) => n + e.minutes, 0),
			),
			totalMinutes: mine.reduce((n, e) => n + e.minutes, 0),
			plannedMinutes: (plannedHours[area] ?? 0) * 60,
			entries: mine.length,
		};
	});
}

/** Areas with no entry once the second OJT week is over (the gentle warning). */
export function areasBehind(rows: AreaCoverage[], weeks: Week[], today: Day): OjtArea[] {
	const secondWeek = weeks[1];
	if (!secondWeek || today <= secondWeek.end) return [];
	return rows.filter((r) => r.entries === 0).map((r) => r.area);
}

/** "3 h 20 min" from minutes. */
export function hoursAndMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	if (!h) return `${m} min`;
	return m ? `${h} h ${m} min` : `${h} h`;
}
