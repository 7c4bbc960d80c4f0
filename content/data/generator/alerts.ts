/**
 * The alert log: a small synthetic companion of the seizure data set for the thematic study on
 * alert intelligence. Each alert is issued by a reporting administration after one of its own
 * seizures (a real row of the data set), goes to a number of administrations, and the log records
 * whether feedback was asked for, how many receivers gave feedback, how many controls the alert
 * triggered and how many of those found something. Invented for training; the numbers are
 * teaching choices, not statistics about real alerts. Drawn from a stream of its own
 * (seed + `/alerts`), so the seizure records are unchanged.
 */
import { Random } from './random';
import type { SeizureRecord } from './vocabulary';

export const alertColumns = [
	'alert_id',
	'issued_date',
	'issuing_administration',
	'based_on_case',
	'seizure_date',
	'commodity_type',
	'feedback_requested',
	'recipients',
	'feedback_returned',
	'controls_reported',
	'hits',
	'synthetic',
] as const;

export type AlertRow = Record<(typeof alertColumns)[number], string | number>;

const day = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * day).toISOString().slice(0, 10);

/** About 120 alerts, 2023 to 2025, each after a seizure of the issuing administration. */
export function generateAlerts(rows: SeizureRecord[], seed: string): AlertRow[] {
	const rng = new Random(`${seed}/alerts`);
	// Candidate seizures: dated, of a mid-size or larger kind an NCP would alert on, one per case.
	const seen = new Set<string>();
	const candidates = rows.filter((r) => {
		if (!r.seizure_date || seen.has(r.case_id)) return false;
		seen.add(r.case_id);
		return r.detection_method !== '' && r.seizure_date < '2025-12-01';
	});
	const alerts: AlertRow[] = [];
	const counters: Record<string, number> = {};
	const picked = new Set<number>();
	while (alerts.length < 120) {
		const i = rng.int(0, candidates.length - 1);
		if (picked.has(i)) continue;
		picked.add(i);
		const s = candidates[i]!;
		// Most alerts follow within two weeks; a few wait for the laboratory or the investigation.
		const delay = rng.chance(0.8) ? rng.int(1, 14) : rng.int(15, 60);
		const issued = addDays(s.seizure_date, delay);
		const requested = rng.chance(0.55);
		const recipients = rng.int(3, 10);
		// Receivers answer more often when feedback is asked for (about 60% against 20%).
		let returned = 0;
		for (let k = 0; k < recipients; k++) if (rng.chance(requested ? 0.6 : 0.2)) returned++;
		// Controls are known only from feedback; each control finds something about one time in eight.
		let controls = 0;
		for (let k = 0; k < returned; k++) controls += rng.int(0, 4);
		let hits = 0;
		for (let k = 0; k < controls; k++) if (rng.chance(0.125)) hits++;
		alerts.push({
			alert_id: '',
			issued_date: issued,
			issuing_administration: s.reporting_administration,
			based_on_case: s.case_id,
			seizure_date: s.seizure_date,
			commodity_type: s.commodity_type,
			feedback_requested: requested ? 'yes' : 'no',
			recipients,
			feedback_returned: returned,
			controls_reported: controls,
			hits,
			synthetic: 'invented for training; not CEN data',
		});
	}
	alerts.sort((a, b) => String(a.issued_date).localeCompare(String(b.issued_date)) || String(a.based_on_case).localeCompare(String(b.based_on_case)));
	for (const a of alerts) {
		const year = String(a.issued_date).slice(0, 4);
		counters[year] = (counters[year] ?? 0) + 1;
		a.alert_id = `SYN-AL-${year}-${String(counters[year]).padStart(3, '0')}`;
	}
	return alerts;
}

export function alertsCsv(alerts: AlertRow[]): string {
	return `${[alertColumns.join(','), ...alerts.map((a) => alertColumns.map((c) => String(a[c])).join(','))].join('\n')}\n`;
}

const round1 = (x: number) => Math.round(x * 1000) / 10;

/** The three measures of alert effectiveness the thematic-study module teaches, on the log. */
export function alertEffectiveness(alerts: AlertRow[]) {
	const sum = (xs: AlertRow[], k: keyof AlertRow) => xs.reduce((s, a) => s + Number(a[k]), 0);
	const feedbackRate = (xs: AlertRow[]) => round1(sum(xs, 'feedback_returned') / sum(xs, 'recipients'));
	const delays = alerts
		.map((a) => (Date.parse(String(a.issued_date)) - Date.parse(String(a.seizure_date))) / day)
		.sort((a, b) => a - b);
	const mid = Math.floor(delays.length / 2);
	return {
		alerts: alerts.length,
		/** Feedback returned / receivers, in %. */
		feedbackReturnRate: feedbackRate(alerts),
		feedbackReturnRateRequested: feedbackRate(alerts.filter((a) => a.feedback_requested === 'yes')),
		feedbackReturnRateNotRequested: feedbackRate(alerts.filter((a) => a.feedback_requested === 'no')),
		/** Hits / controls reported, in %. */
		hitRate: round1(sum(alerts, 'hits') / sum(alerts, 'controls_reported')),
		/** Days from seizure to alert: median (even count: the mean of the middle two). */
		medianDaysSeizureToAlert: delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2,
		alertsAfterMoreThan14Days: delays.filter((d) => d > 14).length,
	};
}
