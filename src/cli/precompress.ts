/**
 * Build step after `astro build`: writes a brotli (.br) and a gzip (.gz) copy beside every
 * compressible file of dist/client, so the server sends them without compressing per request
 * (src/cli/serving/static-files.ts). Copies that would not save at least 5% are not written.
 *
 * Usage: tsx src/cli/precompress.ts [client folder] (default dist/client)
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { compressibleExtensions } from './serving/content-types';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
/** Below this a compressed copy saves less than a packet. */
const minSize = 1024;
/**
 * Brotli's best quality costs ~100 ms a page on a busy 2-core machine: worth it for the shared,
 * hashed assets (a few files), too slow for 1,500 module pages, where quality 6 is ~10x faster
 * for ~10% more bytes.
 */
const qualityOf = (path: string) =>
	path.includes(`${sep}_astro${sep}`) ? constants.BROTLI_MAX_QUALITY : 6;

async function* walk(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(full);
		else if (entry.isFile() && compressibleExtensions.has(extname(entry.name))) yield full;
	}
}

/** Writes the two copies of one file; returns the bytes of the original and of the brotli copy. */
async function compressFile(path: string): Promise<[number, number]> {
	const data = await readFile(path);
	const [br, gzipped] = await Promise.all([
		brotli(data, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: qualityOf(path),
				[constants.BROTLI_PARAM_SIZE_HINT]: data.length,
			},
		}),
		gz(data, { level: constants.Z_BEST_COMPRESSION }),
	]);
	const worth = (copy: Buffer) => copy.length < data.length * 0.95;
	if (worth(br)) await writeFile(path + '.br', br);
	if (worth(gzipped)) await writeFile(path + '.gz', gzipped);
	return [data.length, worth(br) ? br.length : data.length];
}

/** Compresses every eligible file under `clientDir`, a few at a time (zlib runs off-thread). */
export async function precompress(clientDir: string) {
	const files: string[] = [];
	for await (const path of walk(clientDir))
		if ((await stat(path)).size >= minSize) files.push(path);
	let before = 0;
	let after = 0;
	const queue = [...files];
	const worker = async () => {
		for (let path = queue.shift(); path; path = queue.shift()) {
			const [a, b] = await compressFile(path);
			before += a;
			after += b;
		}
	};
	await Promise.all(Array.from({ length: 4 }, worker));
	return { files: files.length, before, after };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const dir = process.argv[2] ?? fileURLToPath(new URL('../../dist/client', import.meta.url));
	const started = Date.now();
	const { files, before, after } = await precompress(dir);
	console.log(
		`precompressed ${files} files: ${(before / 1024).toFixed(0)} KiB -> ${(after / 1024).toFixed(0)} KiB brotli in ${Date.now() - started} ms`,
	);
}
