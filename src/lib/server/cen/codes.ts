/**
 * The code lists of the practice form. They are the synthetic data set's own vocabulary
 * (content/data/generator/vocabulary.ts), so a practice record and the data lab speak the same
 * language: invented countries, generic commodity, mode and method names.
 */
import {
	commodities,
	concealmentByMode,
	countries as countryList,
	detectionByMode,
	transportModes as modeList,
	type TransportMode,
} from '../../../../content/data/generator/vocabulary';

/** Shown at the top of every CEN practice page. */
export const practiceLabel = 'Practice environment — synthetic data, not the WCO’s CEN';

/** The invented countries of the code list. */
export const countries: readonly string[] = countryList;

/** How goods travel. */
export const transportModes: readonly string[] = modeList;

/** Commodity groups, in the data set's order. */
export const commodityCategories: string[] = [...new Set(commodities.map((c) => c.category))];

/** The commodity types of each group. */
export function commodityTypesOf(category: string): string[] {
	return commodities.filter((c) => c.category === category).map((c) => c.type);
}

/** Every unit the form offers. */
export const units = ['kg', 'g', 'pieces', 'sticks', 'litres', 'USD'] as const;

/** Units that fit a commodity: its counting unit, and grams beside kilograms. */
export function unitsFor(commodityType: string): string[] {
	const c = commodities.find((x) => x.type === commodityType);
	if (!c) return [];
	return c.unit === 'kg' ? ['kg', 'g'] : [c.unit];
}

/** The typical size of one seizure of a commodity in its own unit (the data set's median). */
export function typicalSize(commodityType: string): { median: number; unit: string } | null {
	const c = commodities.find((x) => x.type === commodityType);
	return c ? { median: c.median, unit: c.unit } : null;
}

/** Every concealment method of the list (any mode). */
export const concealments: string[] = [
	...new Set(Object.values(concealmentByMode).flatMap((w) => w.map(([name]) => name))),
].sort();

/** Concealment methods usual for a transport mode. */
export function concealmentsFor(mode: string): string[] {
	return (concealmentByMode[mode as TransportMode] ?? []).map(([name]) => name);
}

/** Every detection method of the list. */
export const detectionMethods: string[] = [
	...new Set(Object.values(detectionByMode).flatMap((w) => w.map(([name]) => name))),
].sort();

/** Kinds of place where a seizure happens, and the modes usually met there. */
export const placeTypes: Record<string, string[]> = {
	airport: ['air passenger', 'air cargo', 'express courier'],
	seaport: ['sea container'],
	'land border': ['road'],
	'mail centre': ['postal'],
	'courier hub': ['express courier', 'air cargo'],
	inland: ['road', 'postal', 'express courier', 'sea container', 'air cargo'],
};
