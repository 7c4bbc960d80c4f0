/**
 * The words the synthetic records are made of. Every country here is invented; the
 * commodities, modes and methods are generic enforcement vocabulary, and the weights are
 * arbitrary teaching choices, not statistics about any real trade.
 */
import { recordColumns } from '../../../src/lib/lab/fields';
import type { Weighted } from './random';

/** The columns of the data set, in file order: the workbench's list, so file and reader cannot drift. */
export const columns = recordColumns;

export type Column = (typeof columns)[number];

/** One row as the generator builds it; empty string = missing. */
export type SeizureRecord = Record<Exclude<Column, 'quantity' | 'declared_value_usd'>, string> & {
	quantity: number | null;
	declared_value_usd: number | null;
};

/** The same note on every row, so a row copied anywhere still says what it is. */
export const syntheticNote = 'invented for training; not CEN data';

/** Every invented country; the canonical spellings. */
export const countries = [
	'Aldoria',
	'Belmaris',
	'Corvalia',
	'Dravania',
	'Estmark',
	'Galdera',
	'Halvoria',
	'Ithmar',
	'Kestrel Islands',
	'Lumeria',
	'Maravia',
	'Norvania',
	'Pellucia',
	'Qasra',
	'Rostavia',
	'Solvane',
	'Tarkesh',
	'Veronia',
] as const;

/** Countries whose customs report no seizures in this data set. */
const nonReporting = new Set<string>([
	'Corvalia',
	'Dravania',
	'Estmark',
	'Galdera',
	'Rostavia',
	'Solvane',
	'Tarkesh',
]);

/** Countries whose customs report seizures in this data set: all the others. */
export const reportingCountries = new Set<string>(countries.filter((c) => !nonReporting.has(c)));

/** The administration name written in reporting_administration. */
export const administrationOf = (country: string) => `${country} Customs`;

/** Trading hubs goods depart from or pass through. */
export const hubs = ['Qasra', 'Veronia', 'Ithmar', 'Pellucia'] as const;

export const transportModes = [
	'air passenger',
	'air cargo',
	'postal',
	'express courier',
	'sea container',
	'road',
] as const;
export type TransportMode = (typeof transportModes)[number];

/** A commodity type: its category, unit, usual origins and a typical sea-container size. */
export type Commodity = {
	type: string;
	category: string;
	unit: 'kg' | 'pieces' | 'sticks' | 'litres' | 'USD';
	/** Typical size of one seizure at the largest scale (see modeScale). */
	median: number;
	/** Rounding step for counted goods (cigarettes come in cartons of 200). */
	step?: number;
	origins: Weighted<string>;
	weight: number;
};

const drugDestinations: Weighted<string> = [
	['Aldoria', 20],
	['Lumeria', 20],
	['Norvania', 15],
	['Pellucia', 15],
	['Veronia', 12],
	['Maravia', 10],
	['Kestrel Islands', 4],
	['Halvoria', 4],
];

/** Commodity types, with a share of all records (weights). */
export const commodities: Commodity[] = [
	{ type: 'methamphetamine', category: 'drugs', unit: 'kg', median: 120, weight: 9, origins: [['Solvane', 4], ['Dravania', 3], ['Tarkesh', 3]] },
	{ type: 'cannabis', category: 'drugs', unit: 'kg', median: 300, weight: 7, origins: [['Maravia', 4], ['Halvoria', 3], ['Belmaris', 3]] },
	{ type: 'heroin', category: 'drugs', unit: 'kg', median: 40, weight: 4, origins: [['Tarkesh', 6], ['Galdera', 4]] },
	{ type: 'cocaine', category: 'drugs', unit: 'kg', median: 90, weight: 4, origins: [['Corvalia', 7], ['Estmark', 3]] },
	{ type: 'ketamine', category: 'drugs', unit: 'kg', median: 60, weight: 3, origins: [['Dravania', 5], ['Solvane', 5]] },
	{ type: 'MDMA tablets', category: 'drugs', unit: 'pieces', median: 200_000, step: 1, weight: 3, origins: [['Norvania', 5], ['Estmark', 5]] },
	{ type: 'cigarettes', category: 'tobacco', unit: 'sticks', median: 4_000_000, step: 200, weight: 14, origins: [['Rostavia', 4], ['Ithmar', 3], ['Qasra', 3]] },
	{ type: 'heated tobacco sticks', category: 'tobacco', unit: 'sticks', median: 600_000, step: 20, weight: 4, origins: [['Ithmar', 5], ['Rostavia', 5]] },
	{ type: 'cut tobacco', category: 'tobacco', unit: 'kg', median: 3000, weight: 4, origins: [['Rostavia', 5], ['Qasra', 5]] },
	{ type: 'counterfeit watches', category: 'IPR', unit: 'pieces', median: 20_000, step: 1, weight: 5, origins: [['Ithmar', 6], ['Qasra', 4]] },
	{ type: 'counterfeit apparel', category: 'IPR', unit: 'pieces', median: 40_000, step: 1, weight: 7, origins: [['Ithmar', 5], ['Rostavia', 5]] },
	{ type: 'counterfeit cosmetics', category: 'IPR', unit: 'pieces', median: 30_000, step: 1, weight: 4, origins: [['Ithmar', 6], ['Qasra', 4]] },
	{ type: 'counterfeit phone accessories', category: 'IPR', unit: 'pieces', median: 50_000, step: 1, weight: 3, origins: [['Ithmar', 10]] },
	{ type: 'pangolin scales', category: 'wildlife', unit: 'kg', median: 2000, weight: 3, origins: [['Galdera', 6], ['Corvalia', 4]] },
	{ type: 'ivory', category: 'wildlife', unit: 'kg', median: 800, weight: 2, origins: [['Galdera', 5], ['Corvalia', 5]] },
	{ type: 'live reptiles', category: 'wildlife', unit: 'pieces', median: 400, step: 1, weight: 2, origins: [['Belmaris', 5], ['Halvoria', 5]] },
	{ type: 'agarwood', category: 'wildlife', unit: 'kg', median: 500, weight: 1, origins: [['Halvoria', 5], ['Belmaris', 5]] },
	{ type: 'handguns', category: 'weapons', unit: 'pieces', median: 40, step: 1, weight: 2, origins: [['Estmark', 5], ['Norvania', 5]] },
	{ type: 'ammunition', category: 'weapons', unit: 'pieces', median: 20_000, step: 1, weight: 2, origins: [['Estmark', 5], ['Norvania', 5]] },
	{ type: 'firearm parts', category: 'weapons', unit: 'pieces', median: 300, step: 1, weight: 1, origins: [['Estmark', 5], ['Norvania', 5]] },
	{ type: 'undeclared cash', category: 'currency', unit: 'USD', median: 60_000, step: 100, weight: 6, origins: [['Aldoria', 3], ['Lumeria', 3], ['Veronia', 2], ['Qasra', 2]] },
	{ type: 'ephedrine', category: 'precursors', unit: 'kg', median: 500, weight: 2, origins: [['Solvane', 5], ['Dravania', 5]] },
	{ type: 'acetic anhydride', category: 'precursors', unit: 'litres', median: 4000, weight: 2, origins: [['Rostavia', 5], ['Ithmar', 5]] },
];

/** Where each category's goods are usually going. */
export const destinationsByCategory: Record<string, Weighted<string>> = {
	drugs: drugDestinations,
	precursors: [['Solvane', 5], ['Dravania', 5], ['Tarkesh', 3], ['Veronia', 2]],
	tobacco: [['Aldoria', 25], ['Belmaris', 20], ['Halvoria', 20], ['Lumeria', 15], ['Pellucia', 10], ['Kestrel Islands', 5], ['Norvania', 5]],
	IPR: [['Aldoria', 20], ['Lumeria', 20], ['Norvania', 15], ['Maravia', 15], ['Belmaris', 10], ['Pellucia', 10], ['Halvoria', 10]],
	wildlife: [['Ithmar', 35], ['Qasra', 25], ['Veronia', 20], ['Pellucia', 20]],
	weapons: [['Maravia', 25], ['Belmaris', 25], ['Halvoria', 25], ['Kestrel Islands', 10], ['Aldoria', 15]],
	currency: [['Qasra', 30], ['Veronia', 25], ['Ithmar', 25], ['Pellucia', 20]],
};

/** How each category travels: [mode, weight, size relative to a sea container]. */
export const modesByCategory: Record<string, readonly (readonly [TransportMode, number, number])[]> = {
	drugs: [['air passenger', 25, 0.02], ['air cargo', 15, 0.2], ['postal', 18, 0.005], ['express courier', 15, 0.01], ['sea container', 15, 1], ['road', 12, 0.3]],
	precursors: [['sea container', 60, 1], ['road', 30, 0.4], ['air cargo', 10, 0.1]],
	tobacco: [['sea container', 35, 1], ['road', 30, 0.2], ['air passenger', 20, 0.0008], ['express courier', 10, 0.002], ['postal', 5, 0.001]],
	IPR: [['express courier', 35, 0.01], ['postal', 25, 0.003], ['air cargo', 15, 0.2], ['sea container', 25, 1]],
	wildlife: [['air passenger', 30, 0.01], ['air cargo', 30, 0.2], ['sea container', 30, 1], ['road', 10, 0.1]],
	weapons: [['postal', 30, 0.02], ['express courier', 25, 0.03], ['road', 25, 0.3], ['sea container', 20, 1]],
	currency: [['air passenger', 70, 1], ['road', 30, 2]],
};

/**
 * Modes a commodity does not travel by, and what it travels by instead, with its size relative to
 * a sea container: live animals do not survive weeks in a closed container, so live reptiles move
 * by air cargo. The replacement keeps whether the goods have a consignee, so one record's draws
 * stay the same in number and the rest of the data set is unchanged.
 */
export const modeReplacements: Record<string, Partial<Record<TransportMode, readonly [TransportMode, number]>>> = {
	'live reptiles': { 'sea container': ['air cargo', 0.15] },
};

/** The commodity's transport mode and size scale after modeReplacements. */
export function modeForCommodity(type: string, mode: TransportMode, scale: number): readonly [TransportMode, number] {
	return modeReplacements[type]?.[mode] ?? [mode, scale];
}

/**
 * Cover descriptions a misdeclared load must not use for these goods, because they would
 * describe the goods themselves (counterfeit cosmetics declared as cosmetics is not a
 * misdeclaration as other goods).
 */
export const coverTooClose: Record<string, string[]> = {
	'counterfeit cosmetics': ['cosmetics samples'],
	'counterfeit apparel': ['textiles'],
	'counterfeit phone accessories': ['electronics'],
	'counterfeit watches': ['electronics'],
	'acetic anhydride': ['chemicals'],
	ephedrine: ['chemicals'],
	'cut tobacco': ['handicrafts'],
};

/** Usual ways of hiding goods for each mode. */
export const concealmentByMode: Record<TransportMode, Weighted<string>> = {
	// Passengers declare nothing (records.ts), so "misdeclared" is not a passenger method.
	'air passenger': [['in checked baggage', 45], ['in carry-on baggage', 25], ['body concealment', 15], ['strapped to body', 15]],
	'air cargo': [['mixed with legitimate cargo', 35], ['misdeclared as other goods', 25], ['inside machinery parts', 12], ['in food packaging', 15], ['in tea packaging', 8]],
	'sea container': [['mixed with legitimate cargo', 35], ['false walls or floor of container', 20], ['misdeclared as other goods', 25], ['inside machinery parts', 10], ['in tea packaging', 6]],
	postal: [['inside parcel with clothing', 30], ['inside parcel with toys', 20], ['in food packaging', 20], ['in document envelope', 15], ['misdeclared as other goods', 15]],
	'express courier': [['inside parcel with clothing', 30], ['inside parcel with toys', 15], ['in food packaging', 20], ['in document envelope', 10], ['misdeclared as other goods', 25]],
	road: [['hidden compartment in vehicle', 50], ['mixed with legitimate cargo', 30], ['misdeclared as other goods', 20]],
};

/**
 * Which goods each concealment method can plausibly hold, by commodity category, with
 * commodity types left out where the category fits but the goods do not (no handguns in a
 * document envelope, no live reptiles in tea packaging). A method not listed fits everything.
 */
export const concealmentFits: Record<string, { categories: string[]; except?: string[] }> = {
	'body concealment': { categories: ['drugs'] },
	'strapped to body': { categories: ['drugs', 'currency', 'wildlife', 'tobacco'], except: ['agarwood'] },
	'in document envelope': { categories: ['drugs', 'currency'], except: ['MDMA tablets'] },
	'in tea packaging': { categories: ['drugs'] },
	'in food packaging': { categories: ['drugs', 'tobacco', 'wildlife'], except: ['live reptiles'] },
	'inside machinery parts': { categories: ['drugs', 'weapons', 'precursors'], except: ['acetic anhydride'] },
	'inside parcel with toys': { categories: ['drugs', 'IPR', 'weapons'], except: ['handguns'] },
	'inside parcel with clothing': { categories: ['drugs', 'IPR', 'weapons', 'tobacco', 'wildlife'], except: ['live reptiles'] },
	'false walls or floor of container': { categories: ['drugs', 'tobacco', 'wildlife', 'weapons', 'currency', 'precursors'] },
	'hidden compartment in vehicle': { categories: ['drugs', 'tobacco', 'wildlife', 'weapons', 'currency', 'precursors'] },
};

/** True when a concealment method can hold the commodity type of that category. */
export function concealmentFitsGoods(method: string, category: string, type: string): boolean {
	const fit = concealmentFits[method];
	return !fit || (fit.categories.includes(category) && !fit.except?.includes(type));
}

/** The mode's concealment methods that fit the goods (never empty: see the unit test). */
export function concealmentsForGoods(mode: TransportMode, category: string, type: string): Weighted<string> {
	return concealmentByMode[mode].filter(([m]) => concealmentFitsGoods(m, category, type));
}

/** Where a seizure is made, by mode: the place type written after the reporting country. */
export const seizurePlaceByMode: Record<TransportMode, Weighted<string>> = {
	// Air passengers: arrivals or departures hall, by who reports (records.ts).
	'air passenger': [['airport arrivals hall', 1]],
	'air cargo': [['airport cargo terminal', 90], ['inland clearance depot', 10]],
	postal: [['international mail centre', 100]],
	'express courier': [['express courier hub', 100]],
	'sea container': [['seaport container terminal', 80], ['inland clearance depot', 15], ['free trade zone', 5]],
	road: [['land border crossing', 85], ['inland checkpoint', 15]],
};

/** What the cover goods were declared as, by concealment method; misdeclared loads pick from the list. */
export const declaredGoodsByConcealment: Record<string, Weighted<string>> = {
	'in tea packaging': [['tea', 100]],
	'in food packaging': [['food products', 60], ['dried fruit', 20], ['snacks', 20]],
	'inside machinery parts': [['machinery parts', 70], ['industrial equipment', 30]],
	'inside parcel with clothing': [['clothing', 80], ['gifts', 20]],
	'inside parcel with toys': [['toys', 80], ['gifts', 20]],
	'in document envelope': [['documents', 100]],
	'mixed with legitimate cargo': [['furniture', 20], ['ceramic tiles', 15], ['frozen fish', 15], ['auto parts', 20], ['plastic goods', 15], ['fresh fruit', 15]],
	'false walls or floor of container': [['furniture', 30], ['ceramic tiles', 25], ['scrap metal', 25], ['timber', 20]],
	'misdeclared as other goods': [['household goods', 20], ['cosmetics samples', 15], ['auto parts', 15], ['textiles', 15], ['electronics', 15], ['handicrafts', 10], ['chemicals', 10]],
};

/** Typical declared customs value of a consignment, in US dollars, by mode (log-normal median). */
export const declaredValueByMode: Partial<Record<TransportMode, number>> = {
	postal: 40,
	'express courier': 120,
	'air cargo': 6000,
	'sea container': 28_000,
	road: 9000,
};

/** How seizures come about, by mode. */
export const detectionByMode: Record<TransportMode, Weighted<string>> = {
	'air passenger': [['risk profile', 30], ['x-ray scan', 25], ['detector dog', 15], ['random check', 15], ['intelligence', 10], ['document check', 5]],
	'air cargo': [['risk profile', 40], ['x-ray scan', 25], ['intelligence', 20], ['document check', 10], ['random check', 5]],
	'sea container': [['risk profile', 40], ['x-ray scan', 25], ['intelligence', 20], ['document check', 10], ['random check', 5]],
	postal: [['x-ray scan', 45], ['risk profile', 25], ['detector dog', 15], ['intelligence', 10], ['random check', 5]],
	'express courier': [['x-ray scan', 45], ['risk profile', 25], ['detector dog', 15], ['intelligence', 10], ['random check', 5]],
	road: [['x-ray scan', 30], ['detector dog', 20], ['random check', 20], ['risk profile', 20], ['intelligence', 10]],
};

/** Modes where goods have a consignee; passengers and drivers carry their own. */
export const modesWithConsignee = new Set<TransportMode>([
	'air cargo',
	'postal',
	'express courier',
	'sea container',
]);

/** Relative number of seizures in each calendar month (index 0 = January). */
export const seasonality = [0.9, 0.85, 0.95, 1, 1, 0.95, 0.95, 0.9, 1, 1.1, 1.5, 1.05] as const;

/** The period covered: January 2023 to December 2025. */
export const years = [2023, 2024, 2025] as const;

export const monthNames = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;
