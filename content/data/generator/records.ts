/**
 * Clean synthetic seizure records, with three of the four planted patterns: the emerging
 * route, the concealment shift and the consignee cluster. The seasonal peak comes from the
 * month weights alone. Quality problems are added afterwards (quality.ts).
 */
import { Random, type Weighted } from './random';
import {
	administrationOf,
	commodities,
	coverTooClose,
	concealmentsForGoods,
	declaredGoodsByConcealment,
	declaredValueByMode,
	destinationsByCategory,
	detectionByMode,
	hubs,
	modeForCommodity,
	modesByCategory,
	modesWithConsignee,
	reportingCountries,
	seasonality,
	seizurePlaceByMode,
	syntheticNote,
	years,
	type Commodity,
	type SeizureRecord,
	type TransportMode,
} from './vocabulary';

/** The planted facts the generator aims for (the ground truth is measured afterwards). */
export const plan = {
	emergingRoute: { origin: 'Dravania', destination: 'Kestrel Islands', commodity: 'ketamine' },
	/** Extra emerging-route cases per month from April 2025 (month index 27) on. */
	emergingExtra: { 27: 2, 28: 2, 29: 2, 30: 6, 31: 10, 32: 14, 33: 30, 34: 38, 35: 44 } as Record<number, number>,
	concealmentShift: { commodity: 'methamphetamine', from: 'in tea packaging', to: 'inside machinery parts' },
	cluster: { cases: 44, commodity: 'MDMA tablets', destination: 'Lumeria' },
	recordsPerMonth: 500,
	yearlyGrowth: 0.08,
} as const;

const refAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A pseudonymous consignee reference such as CNE-7QX4M. */
export function consigneeRef(rng: Random): string {
	let ref = 'CNE-';
	for (let i = 0; i < 5; i++) ref += rng.pick([...refAlphabet]);
	return ref;
}

/** A record without a case id yet (ids follow the date order). */
type Draft = Omit<SeizureRecord, 'case_id'>;

/** 'YYYY-MM-DD' for a month index (0 = January 2023) and a random day in it. */
function dayIn(rng: Random, monthIndex: number): string {
	const year = years[0] + Math.floor(monthIndex / 12);
	const month = monthIndex % 12;
	const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const day = rng.int(1, days);
	return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function hubOtherThan(rng: Random, ...taken: string[]): string {
	const free = hubs.filter((h) => !taken.includes(h));
	return free.length ? rng.pick(free) : '';
}

/** Who reports: usually the destination, sometimes a transit or departure country. */
function reporterFor(rng: Random, route: Pick<Draft, 'destination_country' | 'transit_country' | 'departure_country'>) {
	const options: Weighted<string> = (
		[
			[route.destination_country, 78],
			[route.transit_country, 14],
			[route.departure_country, 8],
		] as const
	).filter(([c]) => c && reportingCountries.has(c));
	return options.length ? rng.weighted(options) : '';
}

/** Size of one seizure, rounded the way officers record it. */
function quantityFor(rng: Random, commodity: Commodity, scale: number): number {
	const raw = rng.logNormal(commodity.median * scale, 0.8);
	if (commodity.step) return Math.max(commodity.step, Math.round(raw / commodity.step) * commodity.step);
	if (raw < 10) return Math.max(0.005, Math.round(raw * 1000) / 1000);
	if (raw < 1000) return Math.round(raw * 10) / 10;
	return Math.round(raw);
}

/**
 * Concealment, from the mode's methods that fit the goods (no handguns in document envelopes);
 * methamphetamine moves from tea packaging to machinery over the period. One draw either way,
 * so the rest of the data set does not depend on which methods fit.
 */
function concealmentFor(rng: Random, commodity: Commodity, mode: TransportMode, monthIndex: number) {
	const { commodity: shifted, from, to } = plan.concealmentShift;
	const fitting = concealmentsForGoods(mode, commodity.category, commodity.type);
	if (commodity.type === shifted && mode !== 'air passenger') {
		const t = monthIndex / 35;
		const r = rng.next();
		// "from" falls from 60% to 5% of cases while "to" rises from 5% to 60%.
		if (r < 0.6 - 0.55 * t) return from;
		if (r < 0.65) return to;
		return rng.weighted(fitting.filter(([m]) => m !== from && m !== to));
	}
	return rng.weighted(fitting);
}

/**
 * Where the seizure was made, what the goods were declared as and their declared value. Drawn
 * from a stream of their own (`details`), so adding them left every other field as it was.
 */
export function declarationFor(details: Random, draft: Pick<
		Draft,
		'transport_mode' | 'concealment_method' | 'reporting_administration' | 'departure_country' | 'commodity_type'
	>) {
	const mode = draft.transport_mode as TransportMode;
	const country = draft.reporting_administration.replace(/ Customs$/, '');
	// A passenger leaving the reporting country is stopped at departures, anyone else on arrival.
	const kind =
		mode === 'air passenger'
			? country === draft.departure_country
				? 'airport departures hall'
				: 'airport arrivals hall'
			: details.weighted(seizurePlaceByMode[mode]);
	const place = `${country}: ${kind}`;
	const passenger = mode === 'air passenger' || (mode === 'road' && draft.concealment_method === 'hidden compartment in vehicle');
	if (passenger) return { seizure_place: place, declared_goods: 'nothing declared', declared_value_usd: null };
	const tooClose = coverTooClose[draft.commodity_type] ?? [];
	const cover = (declaredGoodsByConcealment[draft.concealment_method] ?? declaredGoodsByConcealment['misdeclared as other goods']!).filter(
		([goods]) => !tooClose.includes(goods),
	);
	const median = declaredValueByMode[mode] ?? 1000;
	const raw = details.logNormal(median, 0.9);
	const value = raw < 100 ? Math.max(5, Math.round(raw)) : Math.round(raw / 10) * 10;
	return { seizure_place: place, declared_goods: details.weighted(cover), declared_value_usd: value };
}

function destinationFor(rng: Random, category: string, origin: string): string {
	const options = destinationsByCategory[category]!.filter(([c]) => c !== origin);
	return rng.weighted(options);
}

/** One ordinary record in a month. */
function baseRecord(rng: Random, monthIndex: number, consignees: string[]): Draft {
	const commodity = rng.weighted(commodities.map((c) => [c, c.weight] as const));
	const [drawnMode, , drawnScale] = rng.weighted(modesByCategory[commodity.category]!.map((m) => [m, m[1]] as const));
	const [mode, scale] = modeForCommodity(commodity.type, drawnMode, drawnScale);
	const origin = rng.weighted(commodity.origins);
	const destination = destinationFor(rng, commodity.category, origin);
	const departure = rng.chance(0.65) ? origin : hubOtherThan(rng, origin, destination) || origin;
	let transit = rng.chance(0.45) ? hubOtherThan(rng, origin, departure, destination) : '';
	const route = { departure_country: departure, transit_country: transit, destination_country: destination };
	let reporter = reporterFor(rng, route);
	if (!reporter) {
		// Nobody on the route reports: the goods were caught passing through a hub.
		transit = hubOtherThan(rng, origin, departure, destination);
		reporter = transit;
	}
	return {
		seizure_date: dayIn(rng, monthIndex),
		reporting_administration: administrationOf(reporter),
		origin_country: origin,
		departure_country: departure,
		transit_country: transit,
		destination_country: destination,
		transport_mode: mode,
		commodity_category: commodity.category,
		commodity_type: commodity.type,
		quantity: quantityFor(rng, commodity, scale),
		unit: commodity.unit,
		concealment_method: concealmentFor(rng, commodity, mode, monthIndex),
		detection_method: rng.weighted(detectionByMode[mode]),
		consignee_ref: modesWithConsignee.has(mode) ? rng.pick(consignees) : '',
		synthetic: syntheticNote,
		// Filled in by addDeclarations once the record is final.
		seizure_place: '',
		declared_goods: '',
		declared_value_usd: null,
	};
}

function commodityNamed(type: string): Commodity {
	return commodities.find((c) => c.type === type)!;
}

/** A case on the emerging route: ketamine by air cargo or courier, often through Qasra. */
function emergingRecord(rng: Random, monthIndex: number, consignees: string[]): Draft {
	const { origin, destination, commodity } = plan.emergingRoute;
	const mode: TransportMode = rng.chance(0.5) ? 'air cargo' : 'express courier';
	const transit = rng.chance(0.7) ? 'Qasra' : '';
	return {
		...baseRecord(rng, monthIndex, consignees),
		reporting_administration: administrationOf(rng.chance(0.85) || !transit ? destination : transit),
		origin_country: origin,
		departure_country: rng.chance(0.7) ? origin : 'Qasra',
		transit_country: transit,
		destination_country: destination,
		transport_mode: mode,
		commodity_category: 'drugs',
		commodity_type: commodity,
		quantity: quantityFor(rng, commodityNamed(commodity), mode === 'air cargo' ? 0.2 : 0.01),
		unit: 'kg',
		concealment_method: rng.weighted(concealmentsForGoods(mode, 'drugs', commodity)),
		detection_method: rng.weighted(detectionByMode[mode]),
		consignee_ref: rng.pick(consignees),
	};
}

/** A case of the cluster: small parcels of tablets to one consignee, seen by several administrations. */
function clusterRecord(rng: Random, monthIndex: number, ref: string, consignees: string[]): Draft {
	const mode: TransportMode = rng.chance(0.5) ? 'postal' : 'express courier';
	const origin = rng.weighted<string>([['Norvania', 4], ['Estmark', 4], ['Rostavia', 2]]);
	const transit = rng.chance(0.45) ? rng.pick(['Pellucia', 'Veronia']) : '';
	const { destination } = plan.cluster;
	return {
		...baseRecord(rng, monthIndex, consignees),
		reporting_administration: administrationOf(transit && rng.chance(0.6) ? transit : destination),
		origin_country: origin,
		departure_country: origin,
		transit_country: transit,
		destination_country: destination,
		transport_mode: mode,
		commodity_category: 'drugs',
		commodity_type: plan.cluster.commodity,
		quantity: rng.int(3, 60) * 50,
		unit: 'pieces',
		concealment_method: rng.chance(0.8) ? 'inside parcel with toys' : 'in food packaging',
		detection_method: rng.weighted(detectionByMode[mode]),
		consignee_ref: ref,
	};
}

/** How many ordinary records a month gets: a mild yearly rise times the season. */
function monthlyCount(monthIndex: number): number {
	const yearIndex = Math.floor(monthIndex / 12);
	return Math.round(plan.recordsPerMonth * (1 + plan.yearlyGrowth * yearIndex) * seasonality[monthIndex % 12]!);
}

/** Assigns SYN-YYYY-NNNNN ids in date order, numbering each year from 1. */
function assignCaseIds(drafts: Draft[]): SeizureRecord[] {
	const next = new Map<string, number>();
	return drafts
		.sort((a, b) => a.seizure_date.localeCompare(b.seizure_date))
		.map((d) => {
			const year = d.seizure_date.slice(0, 4);
			const n = (next.get(year) ?? 0) + 1;
			next.set(year, n);
			return { case_id: `SYN-${year}-${String(n).padStart(5, '0')}`, ...d };
		});
}

/** The clean records and the cluster's consignee reference. */
export function generateCleanRecords(
	rng: Random,
	details: Random,
): { records: SeizureRecord[]; clusterRef: string } {
	const consignees = Array.from({ length: 12_000 }, () => consigneeRef(rng));
	let clusterRef = consigneeRef(rng);
	while (consignees.includes(clusterRef)) clusterRef = consigneeRef(rng);
	const drafts: Draft[] = [];
	for (let m = 0; m < years.length * 12; m++) {
		for (let i = 0; i < monthlyCount(m); i++) drafts.push(baseRecord(rng, m, consignees));
		for (let i = 0; i < (plan.emergingExtra[m] ?? 0); i++) drafts.push(emergingRecord(rng, m, consignees));
	}
	// The cluster runs from February 2024 (index 13) to October 2025 (index 33).
	for (let i = 0; i < plan.cluster.cases; i++)
		drafts.push(clusterRecord(rng, rng.int(13, 33), clusterRef, consignees));
	const records = assignCaseIds(drafts);
	for (const r of records) Object.assign(r, declarationFor(details, r));
	return { records, clusterRef };
}
