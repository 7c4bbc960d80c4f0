/**
 * Lighthouse's performance score of a page, run by its CLI (the `lighthouse` dev dependency)
 * in Debian's Chromium, headless, with Lighthouse's default simulated mobile throttling.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './server';

export type LighthouseRun = {
	score: number;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	/** Everything the page loaded, as Lighthouse counts it (transferred bytes). */
	totalBytes: number;
};

/** The median run (by score, then TBT) of several, with every run's score kept for the spread. */
export type LighthouseResult = LighthouseRun & { scores: number[] };

type Report = {
	categories: { performance: { score: number } };
	audits: Record<string, { numericValue?: number }>;
};

/** Runs Lighthouse once; null (with the reason logged) when it cannot run here. */
async function runLighthouseOnce(url: string, log: (line: string) => void) {
	const bin = join(projectRoot, 'node_modules/.bin/lighthouse');
	if (!existsSync(bin)) {
		log('lighthouse is not installed: skipped');
		return null;
	}
	const args = [
		url,
		'--only-categories=performance',
		'--output=json',
		'--output-path=stdout',
		'--quiet',
		'--chrome-flags=--headless=new --no-sandbox --disable-gpu',
	];
	const out = await new Promise<string>((resolve, reject) => {
		const child = spawn(bin, args, {
			env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
		child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
		child.once('exit', (code) =>
			code === 0 ? resolve(stdout) : reject(new Error(`lighthouse exited ${code}: ${stderr}`)),
		);
	}).catch((error: Error) => {
		log(error.message);
		return null;
	});
	if (!out) return null;
	const report = JSON.parse(out) as Report;
	const value = (id: string) => report.audits[id]?.numericValue ?? NaN;
	return {
		score: Math.round(report.categories.performance.score * 100),
		fcpMs: value('first-contentful-paint'),
		lcpMs: value('largest-contentful-paint'),
		tbtMs: value('total-blocking-time'),
		cls: value('cumulative-layout-shift'),
		totalBytes: value('total-byte-weight'),
	} satisfies LighthouseRun;
}

/**
 * Lighthouse's score moves by several points between runs of the same page on a shared 2-core
 * machine (TBT swings between ~60 and ~300 ms on a page with no script), so, as Lighthouse's own
 * variability guide advises, the page is measured several times and the median run is reported.
 */
export async function runLighthouse(
	url: string,
	log: (line: string) => void,
	runs = 5,
): Promise<LighthouseResult | null> {
	const results: LighthouseRun[] = [];
	for (let i = 0; i < runs; i++) {
		const run = await runLighthouseOnce(url, log);
		if (!run) return null;
		log(`lighthouse run ${i + 1}/${runs}: ${run.score} (TBT ${Math.round(run.tbtMs)} ms)`);
		results.push(run);
	}
	const ordered = [...results].sort((a, b) => a.score - b.score || b.tbtMs - a.tbtMs);
	const median = ordered[Math.floor(ordered.length / 2)];
	return { ...median, scores: results.map((r) => r.score) };
}
