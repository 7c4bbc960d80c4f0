/**
 * The data lab's data set as the browser gets it: the committed CSV turned once per process
 * into the columnar payload (src/lib/lab/columns.ts), compressed with brotli and gzip, under a
 * version derived from the file's bytes so the browser may keep it for a year. Also the first
 * view (records per month, the values of each field), so the page can draw its first chart
 * while the worker is still downloading.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzipSync, gzip } from 'node:zlib';
import Papa from 'papaparse';
import { monthlyCounts, tableFromColumns, valuesByField } from '~/lib/lab/analysis';
import { encodeColumns, type ColumnarData } from '~/lib/lab/columns';
import { recordColumns } from '~/lib/lab/fields';
import type { FirstView } from '~/lib/lab/query';
import { rarePlaceValues } from '~/lib/lab/quality';
import { readSeizureData } from './exercises';

type Prepared = { version: string; data: ColumnarData; first: FirstView };
type Encoded = { json: Buffer; br: Buffer; gzip: Buffer };

let prepared: Promise<Prepared> | null = null;
let encoded: Promise<Encoded> | null = null;

/** The CSV's records as text cells, checked against the columns the lab expects. */
function readRecords(gz: Buffer): string[][] {
	const parsed = Papa.parse<string[]>(gunzipSync(gz).toString('utf8'), { skipEmptyLines: true });
	const [header, ...records] = parsed.data;
	if (header?.join(',') !== recordColumns.join(','))
		throw new Error('The data set’s columns are not the ones the lab expects.');
	return records;
}

async function prepare(): Promise<Prepared> {
	const gz = await readSeizureData();
	const data = encodeColumns(readRecords(gz));
	const table = tableFromColumns(data);
	const values = valuesByField(table);
	return {
		version: createHash('sha256').update(gz).digest('hex').slice(0, 16),
		data,
		first: {
			info: { total: data.rows, values, rarePlaces: rarePlaceValues(values) },
			...monthlyCounts(table),
		},
	};
}

/** The columnar data set, its version and first view, built once per process. */
export function labDataset(): Promise<Prepared> {
	prepared ??= prepare().catch((error) => {
		prepared = null;
		throw error;
	});
	return prepared;
}

async function encode(): Promise<Encoded> {
	const { data } = await labDataset();
	const json = Buffer.from(JSON.stringify(data));
	// Both run on libuv's pool: the server keeps answering while they compress.
	const [br, gzipped] = await Promise.all([
		promisify(brotliCompress)(json, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: 11,
				[constants.BROTLI_PARAM_SIZE_HINT]: json.length,
			},
		}),
		promisify(gzip)(json, { level: 9 }),
	]);
	return { json, br, gzip: gzipped };
}

/** The payload as JSON bytes and compressed twice, built once per process. */
export function encodedLabData(): Promise<Encoded> {
	encoded ??= encode().catch((error) => {
		encoded = null;
		throw error;
	});
	return encoded;
}

/** The best encoding the request accepts: brotli, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
	const accepted = new Map(
		(acceptEncoding ?? '').split(',').map((part) => {
			const [name, ...params] = part.trim().toLowerCase().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return [name!.trim(), q ? Number(q.trim().slice(2)) : 1] as const;
		}),
	);
	const ok = (name: string) => (accepted.get(name) ?? 0) > 0;
	return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}
