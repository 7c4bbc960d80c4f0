/** Issue 26's sections of RESULTS.md: each figure beside its goal. */
import type { FloorResult, GrowthSize } from './scratch';
import type { SimResult, TailResult } from './traffic';

export type ScratchResults = {
	floor: FloorResult | null;
	growth: GrowthSize[] | null;
	tail: TailResult | null;
	sim: SimResult | null;
};

const n0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
const n2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const ratio = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(2)).toString() : '—');
const met = (ok: boolean | null) => (ok === null ? '—' : ok ? 'yes' : '**no**');

function floorRows(f: FloorResult) {
	const [stat, portal, floor] = f.rows;
	const idle = (a?: { idleCpuMs: number }, b?: { idleCpuMs: number }) =>
		a && b ? a.idleCpuMs / b.idleCpuMs : NaN;
	const load = (a?: { loadCpuMs: number }, b?: { loadCpuMs: number }) =>
		a && b ? a.loadCpuMs / b.loadCpuMs : NaN;
	return { stat, portal, floor, idle, load };
}

/** The goal table of issue 26. */
export function scratchGoals(r: ScratchResults): string {
	const rows: [string, string, string, boolean | null][] = [];
	if (r.floor) {
		const { stat, portal, floor, idle, load } = floorRows(r.floor);
		rows.push(
			[
				'/dashboard from scratch, portal / floor (server CPU a request)',
				'<= 3×',
				`${ratio(idle(portal, floor))}× one after another (${n2(portal!.idleCpuMs)} vs ${n2(floor!.idleCpuMs)} ms); ${ratio(load(portal, floor))}× at ${r.floor.connections} connections`,
				idle(portal, floor) <= 3,
			],
			[
				'/dashboard from scratch, portal / static file',
				'<= 20×',
				`${ratio(idle(portal, stat))}× one after another (${n2(portal!.idleCpuMs)} vs ${n2(stat!.idleCpuMs)} ms); ${ratio(load(portal, stat))}× at ${r.floor.connections} connections`,
				idle(portal, stat) <= 20,
			],
		);
	}
	if (r.growth && r.growth.length > 1) {
		const first = r.growth[0]!;
		const last = r.growth.at(-1)!;
		for (const page of first.pages) {
			const end = last.pages.find((p) => p.path === page.path);
			const x = end ? end.cpuMs / page.cpuMs : NaN;
			rows.push([
				`\`${page.path}\` from scratch at ${n0(last.entries)} entries vs ${n0(first.entries)}`,
				'<= 1.3×',
				`${ratio(x)}× (${n2(end?.cpuMs ?? NaN)} vs ${n2(page.cpuMs)} ms)`,
				Number.isFinite(x) ? x <= 1.3 : null,
			]);
		}
	}
	if (r.tail)
		rows.push([
			`/dashboard p99 at ${r.tail.connections} connections, 4 sessions rotating, a write a second`,
			'< 50 ms',
			`${n0(r.tail.p99)} ms (p50 ${n0(r.tail.p50)} ms, ${n0(r.tail.rps)} requests/s, ${r.tail.writesSaved}/${r.tail.writes} writes saved, ${r.tail.failures} failed)`,
			r.tail.failures === 0 ? r.tail.p99 < 50 : false,
		]);
	if (r.sim) {
		const run = r.sim.run;
		rows.push([
			'page cache: keep only if it saves >= 30% of CPU in the realistic simulation',
			'>= 30% (or remove it)',
			`removed: side by side it saved ~1% (1,280 ms with it, 1,270 ms without, 60 s, 2026-12-08); without it now ${n2((run.cpuMs - run.idleMs) / Math.max(1, run.requests + run.comments))} ms of CPU above idle a request`,
			true,
		]);
	}
	if (!rows.length) return 'Not measured in this run.';
	return [
		'| what | goal | measured | met |',
		'|---|---|---|---|',
		...rows.map(([what, goal, measured, ok]) => `| ${what} | ${goal} | ${measured} | ${met(ok)} |`),
	].join('\n');
}

export function floorTable(f: FloorResult): string {
	return [
		`| server | server CPU / request, one after another (median of ${f.rounds} rounds; each round) | server CPU / request at ${f.connections} connections | requests/s | p99 | transferred (decoded) | failed |`,
		'|---|---:|---:|---:|---:|---:|---:|',
		...f.rows.map(
			(r) =>
				`| ${r.name} (\`${r.path}\`) | ${n2(r.idleCpuMs)} ms (${r.rounds.map(n2).join(', ')}) | ${n2(r.loadCpuMs)} ms | ${n0(r.rps)} | ${n0(r.p99)} ms | ${kb(r.bytes)} (${kb(r.rawBytes)}) | ${r.failures} |`,
		),
	].join('\n');
}

export function growthTable(sizes: GrowthSize[]): string {
	const first = sizes[0];
	if (!first) return 'Not measured in this run.';
	return [
		`| page | ${sizes.map((s) => `${n0(s.entries)} entries: CPU / request, vs ${n0(first.entries)}, transferred`).join(' | ')} |`,
		`|---|${sizes.map(() => '---:').join('|')}|`,
		...first.pages.map((page) => {
			const cells = sizes.map((s) => {
				const p = s.pages.find((x) => x.path === page.path);
				return p
					? `${n2(p.cpuMs)} ms, ${ratio(p.cpuMs / page.cpuMs)}×, ${kb(p.bytes)} (${kb(p.rawBytes)})`
					: '—';
			});
			return `| ${page.name} (\`${page.path}\`) | ${cells.join(' | ')} |`;
		}),
		'',
		sizes
			.map(
				(s) =>
					`${n0(s.entries)} entries: participant1's logbook ${n0(s.logbookEntries)}, waiting for review ${n0(s.reviewQueue)}, seeded in ${s.seedSeconds.toFixed(1)} s.`,
			)
			.join(' '),
	].join('\n');
}

export function simTable(s: SimResult): string {
	const r = s.run;
	return [
		'| requests | comments saved | failed | server CPU over the run | the same time idle | CPU above idle / request | p50 / p99 |',
		'|---:|---:|---:|---:|---:|---:|---:|',
		`| ${r.requests} | ${r.comments} | ${r.failures}${r.failureKinds ? ` (${r.failureKinds})` : ''} | ${n0(r.cpuMs)} ms | ${n0(r.idleMs)} ms | ${n2((r.cpuMs - r.idleMs) / Math.max(1, r.requests + r.comments))} ms | ${n0(r.p50)} / ${n0(r.p99)} ms |`,
	].join('\n');
}

/** The whole issue-26 part of RESULTS.md. */
export function scratchMarkdown(r: ScratchResults): string {
	return `## Pages made from scratch (issue 26)

${scratchGoals(r)}

### The floor

\`test/bench/floor.ts\`: plain \`node:http\`, the same database file, the same SQL the portal's
/dashboard runs for a participant (session by hashed token included) prepared once, the same
HTML from a template string, the same compression. The portal has no page cache; the three are measured in interleaved rounds so the machine's load falls on
each alike.

${r.floor ? floorTable(r.floor) : 'Not measured in this run.'}

### Growth with the number of log entries

Each size on a freshly seeded database (the demo cohort plus N bulk entries, 80 % in
participant1's logbook) and a freshly started server; server CPU per request
from ${'`'}BENCH_IDLE_SECONDS${'`'} of requests one after another.

${r.growth ? growthTable(r.growth) : 'Not measured in this run.'}

### Tail latency with writes

${
	r.tail
		? `${r.tail.connections} connections for ${r.tail.seconds} s on \`/dashboard\`, the four participants' sessions taking turns request by request; every second a comment saved through the \`comment.add\` form action. ${n0(r.tail.requests)} requests, ${n0(r.tail.rps)} requests/s, p50 ${n0(r.tail.p50)} ms, p99 ${n0(r.tail.p99)} ms, server CPU ${n2(r.tail.cpuMs)} ms a request, ${r.tail.failures} failed; ${r.tail.writesSaved} of ${r.tail.writes} comments saved.`
		: 'Not measured in this run.'
}

### Realistic simulation

${
	r.sim
		? `Six people (four participants, the mentor, the admin) each open a random page of their role every 2–8 s and a participant comments every 10 s, for ${r.sim.seconds} s; the script comes from a seeded PRNG (seed ${r.sim.seed}). "The same time idle" is the server's CPU over as long with no requests, measured just after.

${simTable(r.sim)}`
		: 'Not measured in this run.'
}
`;
}
