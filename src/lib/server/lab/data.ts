/**
 * The data lab's data set as the browser gets it: the committed CSV turned into the columnar
 * payload (src/lib/lab/columns.ts), compressed with brotli and gzip (by `npm run build`, or once
 * per process where there is no build), under a
 * version derived from the file's bytes so the browser may keep it for a year. Also the first
 * view (records per month, the values of each field), so the page can draw its first chart
 * while the worker is still downloading.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants, gunzipSync, gzip } from 'node:zlib';
import Papa from 'papaparse';
import { monthlyCounts, tableFromColumns, valuesByField } from '~/lib/lab/analysis';
import { encodeColumns, type ColumnarData } from '~/lib/lab/columns';
import { recordColumns } from '~/lib/lab/fields';
import type { FirstView } from '~/lib/lab/query';
import { rarePlaceValues } from '~/lib/lab/quality';
import { readSeizureData } from './exercises';

/**
 * What the server keeps between requests: the version, the first view and the two compressed
 * bodies (about 1 MiB together). The columnar data and its JSON text (tens of MiB while being
 * built) are dropped once compressed, so a lab visit does not leave the server larger.
 */
export type Payload = {
	version: string;
	first: FirstView;
	br: Buffer;
	gzip: Buffer;
	/** The JSON's length, which the lab's progress bar divides by. */
	unzippedLength: number;
};

let payload: Promise<Payload> | null = null;

/** The CSV's records as text cells, checked against the columns the lab expects. */
function readRecords(gz: Buffer): string[][] {
	const parsed = Papa.parse<string[]>(gunzipSync(gz).toString('utf8'), { skipEmptyLines: true });
	const [header, ...records] = parsed.data;
	if (header?.join(',') !== recordColumns.join(','))
		throw new Error('The data set’s columns are not the ones the lab expects.');
	return records;
}

function firstView(data: ColumnarData): FirstView {
	const table = tableFromColumns(data);
	const values = valuesByField(table);
	return {
		info: { total: data.rows, values, rarePlaces: rarePlaceValues(values) },
		...monthlyCounts(table),
	};
}

/** Builds the payload from the committed CSV: a second or two and tens of MiB of heap. */
export async function preparePayload(gz: Buffer): Promise<Payload> {
	const data = encodeColumns(readRecords(gz));
	const first = firstView(data);
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
	return { version: versionOf(gz), first, br, gzip: gzipped, unzippedLength: json.length };
}

const versionOf = (gz: Buffer) => createHash('sha256').update(gz).digest('hex').slice(0, 16);

/** Where `npm run build` leaves the payload (src/cli/lab-payload.ts), inside the build. */
export const payloadDir = (buildDir: string) => join(buildDir, 'lab');

/** Writes the payload's three files into a build. */
export async function writePayload(buildDir: string, p: Payload): Promise<void> {
	const dir = payloadDir(buildDir);
	await mkdir(dir, { recursive: true });
	const meta = { version: p.version, first: p.first, unzippedLength: p.unzippedLength };
	await Promise.all([
		writeFile(join(dir, 'meta.json'), JSON.stringify(meta)),
		writeFile(join(dir, 'data.json.br'), p.br),
		writeFile(join(dir, 'data.json.gz'), p.gzip),
	]);
}

/** The build's payload when it was made from the data set as it is now, else null. */
async function readBuiltPayload(gz: Buffer): Promise<Payload | null> {
	const dir = payloadDir(join(process.cwd(), 'dist'));
	try {
		const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
		if (meta.version !== versionOf(gz)) return null;
		const [br, gzipped] = await Promise.all([
			readFile(join(dir, 'data.json.br')),
			readFile(join(dir, 'data.json.gz')),
		]);
		return { ...meta, br, gzip: gzipped };
	} catch {
		return null;
	}
}

/**
 * The data set's version, first view and compressed bodies, once per process. A built server
 * reads them from its build, so a lab visit costs it no heap; a development server or a test
 * builds them itself.
 */
export function labPayload(): Promise<Payload> {
	payload ??= readSeizureData()
		.then(async (gz) => (await readBuiltPayload(gz)) ?? (await preparePayload(gz)))
		.catch((error) => {
			payload = null;
			throw error;
		});
	return payload;
}

/** The JSON bytes for the rare client that accepts no compression, unpacked on demand. */
export function uncompressedBody(p: Payload): Buffer {
	return brotliDecompressSync(p.br);
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
