/**
 * Build time and page weight as the curriculum grows: in a temporary copy of the project, the
 * modules folder is cut down or filled up with copies of the real modules to N files, then
 * `astro build` is timed (Pagefind is not part of it) and one module page is weighed.
 *
 * The copy gets its own node_modules folder of symlinks to the real packages, so Astro's and
 * Vite's caches (node_modules/.astro, .vite) land in the copy, not in the shared checkout.
 */
import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './server';

/** The page weighed at every size (it has a knowledge-check island, so JS is counted). */
export const weighedModule = 'alert-intelligence';

export type BuildResult = {
	modules: number;
	/** Wall-clock seconds of `astro build`, or null when it failed or ran out of time. */
	seconds: number | null;
	status: 'ok' | 'timeout' | 'failed';
	note?: string;
	htmlBytes?: number;
	htmlGzip?: number;
	jsBytes?: number;
	jsGzip?: number;
	cssBytes?: number;
	cssGzip?: number;
	/** Everything in dist/client (HTML of every page, assets). */
	clientBytes?: number;
};

const skipped = new Set([
	'node_modules',
	'dist',
	'builds',
	'.astro',
	'.cache',
	'test-results',
	'data',
	'.git',
]);
const cacheDirs = new Set(['.astro', '.vite', '.cache']);

/** A copy of the project whose node_modules holds symlinks (caches stay in the copy). */
function copyProject(): string {
	const dir = mkdtempSync(join(tmpdir(), 'portal-bench-build-'));
	cpSync(projectRoot, dir, {
		recursive: true,
		filter: (src) => !skipped.has(relative(projectRoot, src).split('/')[0]!),
	});
	const modules = join(projectRoot, 'node_modules');
	mkdirSync(join(dir, 'node_modules'));
	for (const name of readdirSync(modules))
		if (!cacheDirs.has(name)) symlinkSync(join(modules, name), join(dir, 'node_modules', name));
	return dir;
}

/** Day and order of a module file, read from its frontmatter. */
function position(text: string): number {
	const num = (key: string) => Number(new RegExp(`^${key}:\\s*(\\d+)`, 'm').exec(text)?.[1] ?? 0);
	return num('day') * 1000 + num('order');
}

/** Makes content/modules hold exactly `n` files: the last modules dropped, or copies added. */
function resizeCurriculum(dir: string, n: number): void {
	const folder = join(dir, 'content/modules');
	const ids = readdirSync(folder)
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => f.slice(0, -4));
	const text = new Map(ids.map((id) => [id, readFileSync(join(folder, `${id}.mdx`), 'utf8')]));
	const latestFirst = ids
		.filter((id) => id !== weighedModule)
		.sort((a, b) => position(text.get(b)!) - position(text.get(a)!));
	for (const id of latestFirst.slice(0, Math.max(0, ids.length - n)))
		rmSync(join(folder, `${id}.mdx`));
	for (let k = 0; ids.length + k < n; k++) {
		const id = ids[k % ids.length]!;
		writeFileSync(join(folder, `${id}-copy-${Math.floor(k / ids.length) + 1}.mdx`), text.get(id)!);
	}
}

/**
 * Runs the whole `npm run build` in `dir` (astro build, static headers, Pagefind, precompression:
 * what a deployment runs); resolves with seconds, or a reason it did not finish.
 */
function timeBuild(dir: string, timeoutMs: number) {
	return new Promise<{ seconds: number | null; status: BuildResult['status']; note?: string }>(
		(resolve) => {
			const started = performance.now();
			const child = spawn('npm', ['run', 'build'], {
				cwd: dir,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
				stdio: ['ignore', 'ignore', 'pipe'],
				detached: true,
			});
			let stderr = '';
			child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
			// Kill the whole group: astro may start workers of its own.
			const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
			child.once('exit', (code, signal) => {
				clearTimeout(timer);
				const seconds = (performance.now() - started) / 1000;
				if (signal === 'SIGKILL')
					resolve({
						seconds: null,
						status: 'timeout',
						note: `stopped after ${timeoutMs / 60000} min`,
					});
				else if (code !== 0) resolve({ seconds: null, status: 'failed', note: stderr.trim() });
				else resolve({ seconds, status: 'ok' });
			});
		},
	);
}

/** Raw and gzip bytes of a file. */
function weigh(file: string): { raw: number; gzip: number } {
	const data = readFileSync(file);
	return { raw: data.byteLength, gzip: gzipSync(data).byteLength };
}

/** Every /_astro/ asset a page loads: referenced in its HTML, plus their static imports. */
function assetsOf(client: string, html: string): string[] {
	const found = new Set<string>();
	const queue = [...html.matchAll(/\/_astro\/[\w.-]+\.(?:js|css)/g)].map((m) => m[0]);
	while (queue.length) {
		const asset = queue.pop()!;
		if (found.has(asset) || !existsSync(join(client, asset))) continue;
		found.add(asset);
		if (!asset.endsWith('.js')) continue;
		const code = readFileSync(join(client, asset), 'utf8');
		for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g))
			queue.push(`/_astro/${m[1]}`);
	}
	return [...found];
}

/** Sum of file sizes under a folder. */
function folderBytes(dir: string): number {
	let total = 0;
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
		if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
	return total;
}

/** Weighs the module page and what it loads. */
function pageWeight(dir: string): Partial<BuildResult> {
	const client = join(dir, 'dist/client');
	const page = join(client, 'curriculum', weighedModule, 'index.html');
	const html = weigh(page);
	const sum = (ext: string) =>
		assetsOf(client, readFileSync(page, 'utf8'))
			.filter((a) => a.endsWith(ext))
			.map((a) => weigh(join(client, a)))
			.reduce((t, w) => ({ raw: t.raw + w.raw, gzip: t.gzip + w.gzip }), { raw: 0, gzip: 0 });
	const js = sum('.js');
	const css = sum('.css');
	return {
		htmlBytes: html.raw,
		htmlGzip: html.gzip,
		jsBytes: js.raw,
		jsGzip: js.gzip,
		cssBytes: css.raw,
		cssGzip: css.gzip,
		clientBytes: folderBytes(client),
	};
}

/** Builds with each module count in turn; after a timeout or failure, larger counts are skipped. */
export async function measureBuilds(
	counts: number[],
	timeoutMs: number,
	log: (line: string) => void,
): Promise<BuildResult[]> {
	const results: BuildResult[] = [];
	for (const modules of counts) {
		if (results.some((r) => r.status !== 'ok')) {
			results.push({
				modules,
				seconds: null,
				status: 'failed',
				note: 'not attempted: a smaller build did not finish',
			});
			continue;
		}
		log(`build with ${modules} modules…`);
		const dir = copyProject();
		try {
			resizeCurriculum(dir, modules);
			const timing = await timeBuild(dir, timeoutMs);
			const result: BuildResult = { modules, ...timing };
			if (timing.status === 'ok') Object.assign(result, pageWeight(dir));
			log(`  ${timing.status}${timing.seconds ? `, ${timing.seconds.toFixed(1)} s` : ''}`);
			results.push(result);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
	return results;
}
