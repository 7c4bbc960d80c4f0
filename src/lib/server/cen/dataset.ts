/**
 * The rows the practice search runs over: the data lab's synthetic data set (read once per
 * process) plus the participant's own practice records, in one shape.
 */
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { CenSeizure } from '~db/schema';
import { readSeizureData } from '../lab/exercises';

/** One searchable row. `source` says whether it is synthetic or the participant's own record. */
export type SearchRow = {
	id: string;
	source: 'synthetic' | 'practice';
	date: string;
	reporting: string;
	origin: string;
	departure: string;
	transit: string;
	destination: string;
	mode: string;
	category: string;
	commodity: string;
	quantity: number | null;
	unit: string;
	concealment: string;
	detection: string;
};

let rows: Promise<SearchRow[]> | null = null;

function fromCsv(r: Record<string, string>): SearchRow {
	const q = Number(r.quantity);
	return {
		id: r.case_id ?? '',
		source: 'synthetic',
		date: r.seizure_date ?? '',
		reporting: (r.reporting_administration ?? '').replace(/ Customs$/, ''),
		origin: r.origin_country ?? '',
		departure: r.departure_country ?? '',
		transit: r.transit_country ?? '',
		destination: r.destination_country ?? '',
		mode: r.transport_mode ?? '',
		category: r.commodity_category ?? '',
		commodity: r.commodity_type ?? '',
		quantity: r.quantity === '' || Number.isNaN(q) ? null : q,
		unit: r.unit ?? '',
		concealment: r.concealment_method ?? '',
		detection: r.detection_method ?? '',
	};
}

/** The synthetic data set as rows, parsed once per process. */
export function syntheticRows(): Promise<SearchRow[]> {
	rows ??= readSeizureData()
		.then((gz) => {
			const text = gunzipSync(gz).toString('utf8');
			const parsed = Papa.parse<Record<string, string>>(text, {
				header: true,
				skipEmptyLines: true,
			});
			return parsed.data.map(fromCsv);
		})
		.catch((error) => {
			rows = null;
			throw error;
		});
	return rows;
}

/** A practice record as a searchable row. */
export function fromPractice(s: CenSeizure): SearchRow {
	return {
		id: s.id,
		source: 'practice',
		date: s.seizureDate,
		reporting: s.reportingCountry,
		origin: s.originCountry,
		departure: s.departureCountry,
		transit: s.transitCountry,
		destination: s.destinationCountry,
		mode: s.transportMode,
		category: s.commodityCategory,
		commodity: s.commodityType,
		quantity: s.quantity,
		unit: s.unit,
		concealment: s.concealment,
		detection: s.detectionMethod,
	};
}
