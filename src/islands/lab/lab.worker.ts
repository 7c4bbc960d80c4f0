/**
 * The data lab's worker: downloads the data set in columns once, then answers the
 * workbench's queries with Arquero off the main thread, so typing and clicking stay smooth.
 * Filtered tables and results are cached, so going back to an earlier view is instant.
 */
import type { ColumnTable } from 'arquero';
import {
	applyFilters,
	countValues,
	firstRows,
	groupCounts,
	monthlyCounts,
	routeCounts,
	tableFromColumns,
	valuesByField,
	viewAsCsv,
} from '~/lib/lab/analysis';
import { qualityReport, rarePlaceValues } from '~/lib/lab/quality';
import type { ColumnarData } from '~/lib/lab/columns';
import type { Filter, Query, ViewResult, WorkerRequest, WorkerResponse } from '~/lib/lab/query';

/** The parts of the worker's global scope used here (lib.webworker clashes with lib.dom). */
const scope = self as unknown as {
	postMessage(message: WorkerResponse): void;
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
let data: ColumnTable | null = null;
const filtered = new Map<string, ColumnTable>();
const results = new Map<string, ViewResult>();

function post(message: WorkerResponse) {
	scope.postMessage(message);
}

/** Keeps a cache small: the oldest entry goes first. */
function remember<T>(cache: Map<string, T>, key: string, value: T, size: number): T {
	cache.set(key, value);
	if (cache.size > size) cache.delete(cache.keys().next().value!);
	return value;
}

async function download(id: number, url: string): Promise<ColumnarData> {
	const response = await fetch(url, { credentials: 'same-origin' });
	if (!response.ok || !response.body)
		throw new Error(
			response.status === 401
				? 'Your session has ended. Sign in again.'
				: `The data set could not be loaded (HTTP ${response.status}).`,
		);
	const total = Number(response.headers.get('X-Unzipped-Length')) || 0;
	const reader = response.body.getReader();
	const parts: Uint8Array[] = [];
	let received = 0;
	let lastReport = 0;
	for (let next = await reader.read(); !next.done; next = await reader.read()) {
		parts.push(next.value);
		received += next.value.length;
		if (performance.now() - lastReport > 80) {
			lastReport = performance.now();
			post({ id, type: 'progress', phase: 'download', received, total });
		}
	}
	post({ id, type: 'progress', phase: 'parse', received, total: total || received });
	const bytes = new Uint8Array(received);
	let at = 0;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return JSON.parse(new TextDecoder().decode(bytes)) as ColumnarData;
}

/** Loads the columns; queries that arrive meanwhile wait for it (see onmessage). */
async function load(id: number, url: string) {
	data = tableFromColumns(await download(id, url));
	const values = valuesByField(data);
	post({
		id,
		type: 'loaded',
		info: { total: data.numRows(), values, rarePlaces: rarePlaceValues(values) },
	});
}

function view(filters: Filter[]): ColumnTable {
	const key = JSON.stringify(filters);
	return filtered.get(key) ?? remember(filtered, key, applyFilters(data!, filters), 8);
}

function compute(table: ColumnTable, { tab, settings }: Query): ViewResult {
	switch (tab) {
		case 'time':
			return { tab, ...monthlyCounts(table) };
		case 'group': {
			const keys = [
				settings.groupBy,
				...(settings.thenBy && settings.thenBy !== settings.groupBy ? [settings.thenBy] : []),
			];
			const units = countValues(table, 'unit').filter((u) => u.value !== null);
			// Sum in the unit asked for when the view has it, else in the view's commonest unit.
			const unit =
				units.find((u) => u.value === settings.sumUnit)?.value ?? units[0]?.value ?? null;
			return { tab, keys, unit, units, ...groupCounts(table, keys, unit) };
		}
		case 'routes':
			return { tab, ...routeCounts(table, settings.routeBy) };
		case 'breakdown':
			return {
				tab,
				field: settings.breakdown,
				values: countValues(table, settings.breakdown, 25),
				distinct: table.groupby(settings.breakdown).count().numRows(),
			};
		case 'quality':
			return { tab, report: qualityReport(table) };
		case 'records':
			return { tab, rows: firstRows(table) };
	}
}

function answer(id: number, query: Query) {
	const table = view(query.filters);
	const key = JSON.stringify(query);
	const result = results.get(key) ?? remember(results, key, compute(table, query), 40);
	post({ id, type: 'result', count: table.numRows(), total: data!.numRows(), view: result });
}

let loading: Promise<void> | null = null;

scope.onmessage = async ({ data: request }: MessageEvent<WorkerRequest>) => {
	try {
		if (request.type === 'load') return await (loading = load(request.id, request.url));
		// The page may ask before the records are in (its first view came with the page).
		await loading;
		if (!data) throw new Error('The data set has not loaded yet.');
		if (request.type === 'query') answer(request.id, request.query);
		else {
			const table = view(request.filters);
			post({ id: request.id, type: 'csv', text: viewAsCsv(table), count: table.numRows() });
		}
	} catch (error) {
		post({
			id: request.id,
			type: 'error',
			message: error instanceof Error ? error.message : String(error),
		});
	}
};
