/** Turns benchmark results into RESULTS.md and a short console table. */
import type { BuildResult } from './build-size';
import type { LoadRun, PageResult } from './http';
import type { LabResult } from './lab';
import { labTable } from './lab';
import type { LighthouseResult } from './lighthouse';
import type { Machine } from './machine';
import type { PageWeight } from './page-weight';
import { scratchMarkdown, type ScratchResults } from './scratch-report';

export type Results = {
	machine: Machine;
	load: { connections: number; seconds: number; idleSeconds: number };
	seed: { logbookEntries: number; reviewQueue: number; total: number };
	pages: PageResult[];
	weights: PageWeight[];
	lighthouse: LighthouseResult | null;
	lab: LabResult[] | null;
	memory: { restMiB: number; afterMiB: number; peakMiB: number };
	builds: BuildResult[] | null;
	notes: string[];
	/** Issue 26: the floor, growth, tail latency with writes, the realistic simulation. */
	scratch: ScratchResults;
};

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);
const n2 = (x: number) => x.toFixed(2);
const kb = (b?: number) => (b === undefined ? '—' : `${(b / 1024).toFixed(1)} KiB`);
const mb = (b?: number) => (b === undefined ? '—' : `${(b / 2 ** 20).toFixed(1)} MiB`);

/** A ratio with two significant digits (0.59, 0.0021). */
const ratio = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(2)).toString() : '—');
const yes = (ok: boolean | null) => (ok === null ? '—' : ok ? 'yes' : '**no**');

const staticPath = '/favicon.svg';
const page = (pages: PageResult[], name: string) => pages.find((p) => p.name.startsWith(name));
const at = (p: PageResult | undefined, connections: number): LoadRun | undefined =>
	p?.runs.find((r) => r.connections === connections);

/** The HTTP table (also printed by the script). */
export function pageTable(pages: PageResult[]): string {
	const top = pages.find((p) => p.path === staticPath);
	return [
		'| page | transferred (decoded) | idle p50 | server CPU / request (idle) | connections | requests/s | p50 / p99 | server CPU / request (load) | requests/s vs static | failed |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...pages.flatMap((p) => [
			...(p.runs.length
				? []
				: [
						`| ${p.name} (\`${p.path}\`) | ${kb(p.bytes)} ${p.encoding} (${kb(p.rawBytes)}) | ${n2(p.idleP50)} ms | ${n2(p.idleCpuMs)} ms | — | — | — | — | — | — |`,
					]),
			...p.runs.map(
				(r) =>
					`| ${p.name} (\`${p.path}\`) | ${kb(p.bytes)} ${p.encoding} (${kb(p.rawBytes)}) | ${n2(p.idleP50)} ms | ${n2(p.idleCpuMs)} ms | ${r.connections} | ${n0(r.rps)} | ${n0(r.p50)} / ${n0(r.p99)} ms | ${n2(r.cpuMs)} ms | ${ratio(r.rps / (at(top, r.connections)?.rps ?? NaN))} | ${r.failures} |`,
			),
		]),
	].join('\n');
}

/** Issue 18's table: each goal beside what this run measured. */
function goalsTable(r: Results): string {
	const out = r.weights.find((w) => !w.signedIn);
	const inn = r.weights.find((w) => w.signedIn);
	const stat = r.pages.find((p) => p.path === staticPath);
	const modOut = page(r.pages, 'Module page, signed out');
	const modIn = page(r.pages, 'Module page, signed in');
	const dash = page(r.pages, 'Dashboard');
	const logbook = page(r.pages, 'Logbook, 5,000');
	const review = page(r.pages, 'Review queue');
	const person = page(r.pages, 'A participant');
	const cpuRatio = (p?: PageResult, base = stat) =>
		p && base ? p.idleCpuMs / base.idleCpuMs : NaN;
	const rpsRatio = (c: number) => (at(dash, c)?.rps ?? NaN) / (at(stat, c)?.rps ?? NaN);
	// Every signed-in page is made for its request (there is no page cache).
	const vsDash = (p?: PageResult) =>
		p && dash
			? `${ratio(cpuRatio(p, dash))}× /dashboard's server CPU (${n2(p.idleCpuMs)} vs ${n2(dash.idleCpuMs)} ms); ${kb(p.bytes)} (${kb(p.rawBytes)} decoded)`
			: '—';
	const within = (p?: PageResult) =>
		p && dash ? cpuRatio(p, dash) <= 2 && p.rawBytes < 150 * 1024 : null;
	const lab = (slowdown: number) => r.lab?.find((l) => l.slowdown === slowdown);
	const build1500 = r.builds?.find((b) => b.modules === 1500);
	const rows: [string, string, string, boolean | null][] = [
		[
			'module page as transferred, HTML + CSS',
			'<= 30 KB',
			out
				? `${kb(out.htmlBytes + out.cssBytes)} (HTML ${kb(out.htmlBytes)}, CSS ${kb(out.cssBytes)})`
				: '—',
			out ? out.htmlBytes + out.cssBytes <= 30 * 1024 : null,
		],
		[
			'JavaScript on a module page, signed out',
			'0 KB',
			out ? `${kb(out.jsBytes)} in ${out.scripts} script(s)` : '—',
			out ? out.jsBytes === 0 : null,
		],
		[
			'requests per module-page view (signed out / signed in)',
			'1 (at most one small extra)',
			out && inn ? `${1 + out.extraRequests} / ${1 + inn.extraRequests}` : '—',
			out && inn ? out.extraRequests + inn.extraRequests === 0 : null,
		],
		[
			'server CPU per module-page view, vs the static file',
			'~ a static file (signed out)',
			modOut && modIn
				? `signed out ${ratio(cpuRatio(modOut))}× (${n2(modOut.idleCpuMs)} ms); signed in ${ratio(cpuRatio(modIn))}× (${n2(modIn.idleCpuMs)} ms); /dashboard ${n2(dash?.idleCpuMs ?? NaN)} ms`
				: '—',
			modOut ? cpuRatio(modOut) < 2 : null,
		],
		[
			'/dashboard throughput vs the static file, 10 / 50 connections',
			'>= 0.4',
			`${ratio(rpsRatio(10))} / ${ratio(rpsRatio(50))}`,
			rpsRatio(10) >= 0.4 && rpsRatio(50) >= 0.4,
		],
		[
			'/dashboard p99 at 50 connections (one session, no writes)',
			'< 50 ms',
			`${n0(at(dash, 50)?.p99 ?? NaN)} ms`,
			(at(dash, 50)?.p99 ?? Infinity) < 50,
		],
		['/logbook, 5,000 entries', '<= 2x /dashboard, < 150 KB', vsDash(logbook), within(logbook)],
		['/review (mentor engineer)', '<= 2x /dashboard, < 150 KB', vsDash(review), within(review)],
		[
			'/review/<participant>, 5,000 entries (mentor engineer)',
			'<= 2x /dashboard, < 150 KB',
			vsDash(person),
			within(person),
		],
		[
			'server memory at rest / after load',
			'<= 200 / <= 300 MiB',
			`${n1(r.memory.restMiB)} / ${n1(r.memory.afterMiB)} MiB`,
			r.memory.restMiB <= 200 && r.memory.afterMiB <= 300,
		],
		[
			'data lab, first chart on 20k rows / CPU slowed 4x',
			'< 500 ms / < 1 s',
			r.lab
				? `${n0(lab(1)?.firstChart ?? NaN)} / ${n0(lab(4)?.firstChart ?? NaN)} ms`
				: 'not measured',
			r.lab
				? (lab(1)?.firstChart ?? Infinity) < 500 && (lab(4)?.firstChart ?? Infinity) < 1000
				: null,
		],
		[
			'Lighthouse performance, module page',
			'100',
			r.lighthouse
				? `${r.lighthouse.score}, median of ${r.lighthouse.scores.length} runs (${r.lighthouse.scores.join(', ')}); median run: FCP ${n0(r.lighthouse.fcpMs)} ms, LCP ${n0(r.lighthouse.lcpMs)} ms, TBT ${n0(r.lighthouse.tbtMs)} ms, CLS ${r.lighthouse.cls}, ${kb(r.lighthouse.totalBytes)}`
				: 'not measured',
			r.lighthouse ? r.lighthouse.score === 100 : null,
		],
		[
			'`npm run build` with 1,500 modules',
			'< 2 min',
			build1500?.seconds
				? `${n1(build1500.seconds)} s`
				: build1500
					? build1500.status
					: 'not measured',
			build1500 ? (build1500.seconds ?? Infinity) < 120 : null,
		],
	];
	return [
		'| what | goal | measured | met |',
		'|---|---|---|---|',
		...rows.map(([what, goal, measured, ok]) => `| ${what} | ${goal} | ${measured} | ${yes(ok)} |`),
	].join('\n');
}

/** The build table. */
export function buildTable(builds: BuildResult[]): string {
	return [
		'| modules | `npm run build` | module page HTML (gzip) | JS it loads (gzip) | CSS it loads (gzip) | dist/client |',
		'|---:|---:|---:|---:|---:|---:|',
		...builds.map((b) =>
			b.status === 'ok'
				? `| ${n0(b.modules)} | ${n1(b.seconds!)} s | ${kb(b.htmlBytes)} (${kb(b.htmlGzip)}) | ${kb(b.jsBytes)} (${kb(b.jsGzip)}) | ${kb(b.cssBytes)} (${kb(b.cssGzip)}) | ${mb(b.clientBytes)} |`
				: `| ${n0(b.modules)} | ${b.status}: ${(b.note ?? '').split('\n').at(-1)} | — | — | — | — |`,
		),
	].join('\n');
}

/** The whole RESULTS.md. */
export function resultsMarkdown(r: Results): string {
	const m = r.machine;
	return `# Benchmark results

Generated by \`npm run bench\` (test/bench/run.ts) on ${m.date}. Regenerated on every run: do not
edit by hand.

**Machine:** ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.kernel}, Node ${m.node}.
Load average at start (1/5/15 min): ${m.load}. The machine is shared: requests/s and latencies
move with the load; the ratios to the static file measured in the same run, and the server's
own CPU time per request, hold better.

${scratchMarkdown(r.scratch)}
## Goals (issue 18)

${goalsTable(r)}

"Server CPU" is the server process's user + system time (/proc/<pid>/stat) over a run, divided
by the requests it answered: what one request costs the server, whoever else shares the machine.

## HTTP

The production server (\`src/cli/serve.ts\` over the built \`dist/\`) on 127.0.0.1, one Node
process, database: the demo cohort plus ${n0(r.seed.total)} bulk log entries (participant1's
logbook holds ${n0(r.seed.logbookEntries)} entries; ${n0(r.seed.reviewQueue)} entries wait for
review). autocannon runs in the benchmark process on the same machine, every request with
\`Accept-Encoding: br, gzip\` as a browser sends it. Per page: 2 s warm-up; ${r.load.idleSeconds} s
of requests one after another ("idle": body included, microsecond resolution); then
${r.load.seconds} s per number of connections (requests/s, p50/p99 in whole milliseconds, which
then include queueing). "vs static" is requests/s relative to \`${staticPath}\` at the same number
of connections. "failed" counts non-2xx answers and connection errors (must be 0).

${pageTable(r.pages)}

Server memory (RSS from /proc/<pid>/status): ${n1(r.memory.restMiB)} MiB at rest (started, signed
in, no load), ${n1(r.memory.afterMiB)} MiB right after the load, peak ${n1(r.memory.peakMiB)} MiB.

## Module page weight (as transferred)

${r.weights.map((w) => `- ${w.signedIn ? 'Signed in' : 'Signed out'}: HTML ${kb(w.htmlBytes)}, CSS ${kb(w.cssBytes)}, JavaScript ${kb(w.jsBytes)} (${w.scripts} script elements), ${w.extraRequests} extra request(s) to the server.`).join('\n')}

## Data lab

${r.lab ? labTable(r.lab) : 'Not measured in this run.'}

## Build and page weight by curriculum size

A temporary copy of the project with content/modules cut down to, or filled up with copies of
the real modules to, N files; wall-clock time of the whole \`npm run build\` (astro build, static
headers, Pagefind, precompression). Weighed page: \`/curriculum/alert-intelligence/\` (raw and
gzip of the files on disk).

${r.builds ? buildTable(r.builds) : 'Not measured in this run (`--skip-build`).'}
${r.notes.length ? `\n## Notes\n\n${r.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
}
