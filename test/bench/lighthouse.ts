/**
 * Lighthouse's performance score of a page, run by its CLI (the `lighthouse` dev dependency)
 * in Debian's Chromium, headless, with Lighthouse's default simulated mobile throttling.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './server';

export type LighthouseResult = {
	score: number;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	/** Everything the page loaded, as Lighthouse counts it (transferred bytes). */
	totalBytes: number;
};

type Report = {
	categories: { performance: { score: number } };
	audits: Record<string, { numericValue?: number }>;
};

/** Runs Lighthouse once; null (with the reason logged) when it cannot run here. */
export async function runLighthouse(url: string, log: (line: string) => void) {
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
	} satisfies LighthouseResult;
}
