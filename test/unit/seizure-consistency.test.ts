/**
 * The synthetic data set is consistent per commodity: goods travel by modes they can travel by,
 * are hidden where they fit, and a "misdeclared" load declares something other than the goods.
 * Checked on the committed file, the way a reviewer with a spreadsheet would find a slip.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	coverTooClose,
	modeForCommodity,
	modeReplacements,
} from '../../content/data/generator/vocabulary';

type Row = Record<string, string>;

const csv = gunzipSync(
	readFileSync(new URL('../../content/data/seizures.csv.gz', import.meta.url)),
).toString('utf8');
const rows = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe('modes per commodity', () => {
	it('carries no live reptiles by sea container, and only small numbers of them at all', () => {
		const reptiles = rows.filter((r) => r.commodity_type === 'live reptiles');
		expect(reptiles.length).toBeGreaterThan(50);
		expect(reptiles.filter((r) => r.transport_mode === 'sea container')).toHaveLength(0);
		for (const mode of new Set(reptiles.map((r) => r.transport_mode))) {
			const sizes = reptiles
				.filter((r) => r.transport_mode === mode && r.quantity)
				.map((r) => +r.quantity!);
			expect(median(sizes), mode).toBeLessThan(150);
		}
	});

	it('never leaves a replaced mode in the data', () => {
		for (const [type, replaced] of Object.entries(modeReplacements))
			for (const mode of Object.keys(replaced))
				expect(
					rows.filter((r) => r.commodity_type === type && r.transport_mode === mode),
					`${type} by ${mode}`,
				).toHaveLength(0);
	});

	it('replaces a mode with one that has a consignee exactly when the original had one', () => {
		const withConsignee = new Set(['air cargo', 'postal', 'express courier', 'sea container']);
		for (const [type, replaced] of Object.entries(modeReplacements))
			for (const mode of Object.keys(replaced) as (keyof typeof replaced)[])
				expect(withConsignee.has(modeForCommodity(type, mode, 1)[0])).toBe(withConsignee.has(mode));
	});
});

describe('declarations', () => {
	it('has no "misdeclared" row that declares nothing', () => {
		const bad = rows.filter(
			(r) =>
				r.concealment_method === 'misdeclared as other goods' &&
				r.declared_goods === 'nothing declared',
		);
		expect(bad.map((r) => r.case_id).slice(0, 5)).toEqual([]);
	});

	it('declares nothing only for air passengers and drivers with a hidden compartment (or a method blanked as a planted gap)', () => {
		for (const r of rows.filter((x) => x.declared_goods === 'nothing declared'))
			expect(
				r.transport_mode === 'air passenger' ||
					(r.transport_mode === 'road' &&
						['hidden compartment in vehicle', ''].includes(r.concealment_method ?? '')),
				r.case_id,
			).toBe(true);
		const passengers = rows.filter((r) => r.transport_mode === 'air passenger');
		expect(passengers.every((r) => r.declared_goods === 'nothing declared')).toBe(true);
		expect(passengers.some((r) => r.concealment_method === 'misdeclared as other goods')).toBe(
			false,
		);
	});

	it('never misdeclares goods as goods of their own kind', () => {
		for (const [type, covers] of Object.entries(coverTooClose)) {
			const misdeclared = rows.filter(
				(r) => r.commodity_type === type && r.concealment_method === 'misdeclared as other goods',
			);
			for (const r of misdeclared)
				expect(covers, `${r.case_id} ${type}`).not.toContain(r.declared_goods);
		}
	});

	it('gives every misdeclared row (not only passengers) a declared description and value', () => {
		const misdeclared = rows.filter((r) => r.concealment_method === 'misdeclared as other goods');
		expect(misdeclared.length).toBeGreaterThan(500);
		expect(
			misdeclared.every((r) => r.declared_goods && r.declared_goods !== 'nothing declared'),
		).toBe(true);
		expect(misdeclared.every((r) => r.declared_value_usd !== '')).toBe(true);
	});
});

describe('the inspection exercise: a rise the obvious reading gets wrong', () => {
	const truth = JSON.parse(
		readFileSync(new URL('../../content/data/ground-truth.json', import.meta.url), 'utf8'),
	) as {
		patterns: {
			inspectionRise: {
				administration: string;
				mode: string;
				recordsChange: number;
				inspectionsChange: number;
				byYear: { year: number; records: number; inspections: number; perThousand: number }[];
			};
		};
	};
	const rise = truth.patterns.inspectionRise;
	const distinct = [...new Map(rows.map((r) => [JSON.stringify(r), r])).values()];

	it('counts the records a participant counts in the lab (exact duplicates removed)', () => {
		for (const y of rise.byYear)
			expect(
				distinct.filter(
					(r) =>
						r.reporting_administration === rise.administration &&
						r.transport_mode === rise.mode &&
						r.seizure_date?.startsWith(String(y.year)),
				).length,
				String(y.year),
			).toBe(y.records);
	});

	it('shows a clear rise in seizures that more inspections explain: the hit rate stays flat', () => {
		expect(rise.recordsChange).toBeGreaterThanOrEqual(25);
		expect(rise.inspectionsChange).toBeGreaterThanOrEqual(rise.recordsChange - 10);
		const rates = rise.byYear.map((y) => (y.records / y.inspections) * 1000);
		expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(0.1 * Math.min(...rates));
		for (const y of rise.byYear)
			expect(y.perThousand).toBeCloseTo((y.records / y.inspections) * 1000, 1);
	});

	it('is an interpretation exercise scored on the rubric, with the figures in its question', async () => {
		const { exercises } = await import('../../content/data/exercises');
		const ex = exercises.find((e) => e.id === 'interpret-inspection-rise')!;
		expect(ex.answer.kind).toBe('interpretation');
		for (const y of rise.byYear)
			expect(ex.question).toContain(y.inspections.toLocaleString('en-GB'));
		if (ex.answer.kind === 'interpretation')
			expect(ex.answer.modelAnswer).toMatch(/per 1,000 inspections/);
	});
});

describe('the alert log: measures of alert effectiveness computable on the lab data', () => {
	const alerts = Papa.parse<Row>(
		readFileSync(new URL('../../content/data/alerts.csv', import.meta.url), 'utf8'),
		{ header: true, skipEmptyLines: true },
	).data;
	const truth = JSON.parse(
		readFileSync(new URL('../../content/data/ground-truth.json', import.meta.url), 'utf8'),
	).alertLog as Record<string, number>;
	const byCase = new Map(rows.map((r) => [r.case_id, r]));
	const sum = (xs: Row[], k: string) => xs.reduce((s, a) => s + Number(a[k]), 0);
	const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;

	it('is the generator output, and each alert follows a seizure of the issuing administration', async () => {
		const { generateSeizureData } = await import('../../content/data/generate');
		expect(generateSeizureData().alertsCsv).toBe(
			readFileSync(new URL('../../content/data/alerts.csv', import.meta.url), 'utf8'),
		);
		expect(alerts).toHaveLength(truth.alerts!);
		for (const a of alerts) {
			const s = byCase.get(a.based_on_case!);
			expect(s, a.alert_id).toBeDefined();
			expect(s!.reporting_administration).toBe(a.issuing_administration);
			expect(s!.seizure_date).toBe(a.seizure_date);
			expect(a.issued_date! > a.seizure_date!, a.alert_id).toBe(true);
			expect(Number(a.feedback_returned)).toBeLessThanOrEqual(Number(a.recipients));
			expect(Number(a.hits)).toBeLessThanOrEqual(Number(a.controls_reported));
			expect(a.synthetic).toBe('invented for training; not CEN data');
		}
	});

	it('gives the three measures the thematic-study module quotes, recomputed from the log', () => {
		expect(pct(sum(alerts, 'feedback_returned'), sum(alerts, 'recipients'))).toBe(
			truth.feedbackReturnRate,
		);
		const asked = alerts.filter((a) => a.feedback_requested === 'yes');
		const notAsked = alerts.filter((a) => a.feedback_requested === 'no');
		expect(pct(sum(asked, 'feedback_returned'), sum(asked, 'recipients'))).toBe(
			truth.feedbackReturnRateRequested,
		);
		expect(pct(sum(notAsked, 'feedback_returned'), sum(notAsked, 'recipients'))).toBe(
			truth.feedbackReturnRateNotRequested,
		);
		expect(truth.feedbackReturnRateRequested).toBeGreaterThan(
			2 * truth.feedbackReturnRateNotRequested!,
		);
		expect(pct(sum(alerts, 'hits'), sum(alerts, 'controls_reported'))).toBe(truth.hitRate);
		const days = alerts
			.map((a) => (Date.parse(a.issued_date!) - Date.parse(a.seizure_date!)) / 86_400_000)
			.sort((x, y) => x - y);
		const mid = days.length / 2;
		expect((days[mid - 1]! + days[mid]!) / 2).toBe(truth.medianDaysSeizureToAlert);
		const module = readFileSync('content/modules/thematic-study-design.mdx', 'utf8');
		for (const k of [
			'feedbackReturnRateRequested',
			'feedbackReturnRateNotRequested',
			'hitRate',
		] as const)
			expect(module, k).toContain(`${truth[k]}%`);
		expect(module).toContain(`median of ${truth.medianDaysSeizureToAlert} days`);
	});
});
