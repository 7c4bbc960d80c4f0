/**
 * The quality problems an analyst meets in real seizure data, planted on purpose: missing
 * values, grams beside kilograms, spelling variants of units and places, quantities keyed in
 * the wrong unit, near duplicates and exact duplicates.
 */
import type { Random } from './random';
import { concealmentsForGoods, countries, type SeizureRecord, type TransportMode } from './vocabulary';

/** Share of records that lose a value, by field. */
export const missingRates = {
	seizure_date: 0.003,
	commodity_type: 0.006,
	quantity: 0.012,
	departure_country: 0.02,
	concealment_method: 0.035,
	detection_method: 0.05,
} as const;

/** How many problems of each counted kind the generator plants. */
export const plantedCounts = { unitErrors: 12, nearDuplicates: 80, exactDuplicates: 140 } as const;

/** The four place fields that can be misspelt. */
export const placeFields = [
	'origin_country',
	'departure_country',
	'transit_country',
	'destination_country',
] as const;

const canonical = new Set<string>(countries);

function blankSome(rng: Random, records: SeizureRecord[]): void {
	for (const r of records)
		for (const [field, rate] of Object.entries(missingRates) as [keyof typeof missingRates, number][])
			if (rng.chance(rate)) {
				if (field === 'quantity') r.quantity = null;
				else r[field] = '';
			}
}

/** Small drug seizures are often weighed in grams: the same thing in a different unit. */
function recordSomeInGrams(rng: Random, records: SeizureRecord[]): void {
	const smallModes = new Set(['postal', 'express courier', 'air passenger']);
	for (const r of records)
		if (r.commodity_category === 'drugs' && r.unit === 'kg' && smallModes.has(r.transport_mode))
			if (r.quantity !== null && r.quantity < 5 && rng.chance(0.35)) {
				r.quantity = Math.round(r.quantity * 1000);
				r.unit = 'g';
			}
}

function spellKgDifferently(rng: Random, records: SeizureRecord[]): void {
	for (const r of records)
		if (r.unit === 'kg' && rng.chance(0.012)) r.unit = rng.weighted([['KG', 2], ['Kg', 1], ['kgs', 1]]);
}

/** Grams typed into a kilogram field: a 2 kg passenger seizure becomes 2,000 kg. */
function plantUnitErrors(rng: Random, records: SeizureRecord[]): string[] {
	const candidates = records.filter(
		(r) =>
			r.commodity_type === 'cannabis' &&
			r.unit === 'kg' &&
			r.quantity !== null &&
			(r.transport_mode === 'air passenger' || r.transport_mode === 'postal'),
	);
	return rng.sample(candidates.length, plantedCounts.unitErrors).map((i) => {
		const r = candidates[i]!;
		r.quantity = Math.round(r.quantity! * 1000);
		return r.case_id;
	});
}

/** A plausible typing slip: swapped, doubled or dropped letter, capitals, or a trailing space. */
export function misspell(rng: Random, name: string): string {
	const kind = rng.weighted([['swap', 3], ['double', 3], ['drop', 2], ['upper', 1], ['space', 1]] as const);
	const i = rng.int(1, name.length - 3);
	const variant =
		kind === 'swap'
			? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)
			: kind === 'double'
				? name.slice(0, i + 1) + name[i] + name.slice(i + 1)
				: kind === 'drop'
					? name.slice(0, i) + name.slice(i + 1)
					: kind === 'upper'
						? name.toUpperCase()
						: `${name} `;
	return variant === name || canonical.has(variant) ? `${name} ` : variant;
}

function misspellPlaces(rng: Random, records: SeizureRecord[]): void {
	for (const r of records) {
		if (!rng.chance(0.011)) continue;
		const filled = placeFields.filter((f) => r[f]);
		const field = rng.pick(filled);
		r[field] = misspell(rng, r[field]);
	}
}

/** Next free SYN-YYYY-NNNNN number per year, for records entered a second time. */
function idAllocator(records: SeizureRecord[]) {
	const last = new Map<string, number>();
	for (const r of records) {
		const [, year, n] = r.case_id.split('-');
		last.set(year!, Math.max(last.get(year!) ?? 0, Number(n)));
	}
	return (year: string) => {
		const n = (last.get(year) ?? 0) + 1;
		last.set(year, n);
		return `SYN-${year}-${String(n).padStart(5, '0')}`;
	};
}

/** The same seizure entered again under a new case id, with one detail different. */
function nearCopy(rng: Random, source: SeizureRecord, caseId: string): SeizureRecord {
	const copy = { ...source, case_id: caseId };
	const change = rng.pick(['unit', 'detection', 'concealment', 'spelling'] as const);
	if (change === 'unit' && copy.unit === 'kg' && copy.quantity !== null) {
		copy.quantity = Math.round(copy.quantity * 1000 * 1000) / 1000;
		copy.unit = 'g';
	} else if (change === 'concealment') {
		const others = concealmentsForGoods(
			copy.transport_mode as TransportMode,
			copy.commodity_category,
			copy.commodity_type,
		).filter(([m]) => m !== copy.concealment_method);
		copy.concealment_method = rng.weighted(others);
	} else if (change === 'spelling' && placeFields.some((f) => canonical.has(copy[f]))) {
		const field = rng.pick(placeFields.filter((f) => canonical.has(copy[f])));
		copy[field] = misspell(rng, copy[field]);
	} else {
		copy.detection_method = copy.detection_method ? '' : 'risk profile';
	}
	return copy;
}

function insertAtRandom(rng: Random, records: SeizureRecord[], extra: SeizureRecord[]): void {
	for (const r of extra) records.splice(rng.int(0, records.length), 0, r);
}

function plantNearDuplicates(rng: Random, records: SeizureRecord[], avoid: Set<string>): void {
	// Cocaine is left alone so that the cocaine-total exercise has one exact answer.
	const sources = records.filter(
		(r) =>
			r.seizure_date &&
			r.commodity_type &&
			r.quantity !== null &&
			r.commodity_type !== 'cocaine' &&
			!avoid.has(r.case_id),
	);
	const nextId = idAllocator(records);
	const copies = rng
		.sample(sources.length, plantedCounts.nearDuplicates)
		.map((i) => nearCopy(rng, sources[i]!, nextId(sources[i]!.case_id.slice(4, 8))));
	insertAtRandom(rng, records, copies);
}

function plantExactDuplicates(rng: Random, records: SeizureRecord[]): void {
	const copies = rng.sample(records.length, plantedCounts.exactDuplicates).map((i) => ({ ...records[i]! }));
	insertAtRandom(rng, records, copies);
}

/** Adds every quality problem in place; returns the case ids of the planted unit errors. */
export function plantQualityProblems(rng: Random, records: SeizureRecord[]): { unitErrors: string[] } {
	blankSome(rng, records);
	recordSomeInGrams(rng, records);
	spellKgDifferently(rng, records);
	const unitErrors = plantUnitErrors(rng, records);
	misspellPlaces(rng, records);
	plantNearDuplicates(rng, records, new Set(unitErrors));
	plantExactDuplicates(rng, records);
	return { unitErrors };
}
