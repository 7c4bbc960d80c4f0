/**
 * Data-lab benchmark, part of `npm run bench` (measureLab), or on its own:
 * `npx tsx test/bench/lab.ts` against a portal you have started (for example `npm run demo`). Signs in as the demo participant in headless Chromium and measures
 * what a participant waits for: the data set loading, the first chart, and filter/regroup
 * interactions. Times come from the page's own performance marks (see src/islands/lab), so
 * they exclude the test driver. Prints a Markdown table.
 *
 * Settings: BENCH_URL (default http://127.0.0.1:4321), BENCH_EMAIL, BENCH_PASSWORD (demo
 * participant), CHROMIUM_PATH (default /usr/bin/chromium), BENCH_RUNS (cold loads, default 5).
 */
import { chromium, type Browser, type Page } from '@playwright/test';

let base = process.env.BENCH_URL ?? 'http://127.0.0.1:4321';
const email = process.env.BENCH_EMAIL ?? 'participant1@demo.test';
const password = process.env.BENCH_PASSWORD ?? 'demo-password';
const runs = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (n: number) => `${Math.round(n)} ms`;

async function signedInPage(browser: Browser, cpuSlowdown: number): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	if (cpuSlowdown > 1) {
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
	}
	await page.goto(`${base}/login`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	return page;
}

/** Opens /lab and returns the page's marks: data ready and first chart, from navigation start. */
async function openLab(page: Page) {
	await page.goto(`${base}/lab`);
	await page.waitForSelector('[data-lab-state="ready"] [role="img"]', { timeout: 60_000 });
	return page.evaluate(() => ({
		ready: performance.getEntriesByName('lab:data-ready')[0]!.startTime,
		chart: performance.getEntriesByName('lab:first-chart')[0]!.startTime,
	}));
}

/** Runs one interaction and returns the page's measure of it (query sent -> view drawn). */
async function timed(page: Page, act: () => Promise<void>): Promise<number> {
	const before = await page.evaluate(() => performance.getEntriesByName('lab:update').length);
	await act();
	await page.waitForFunction((n) => performance.getEntriesByName('lab:update').length > n, before);
	return page.evaluate(() => performance.getEntriesByName('lab:update').at(-1)!.duration);
}

async function addFilter(page: Page, field: string, value: string) {
	await page.getByLabel('Field', { exact: true }).selectOption({ label: field });
	await page.getByLabel('Value', { exact: true }).selectOption(value);
	await page.getByRole('button', { name: 'Add filter' }).click();
}

/** Ten filter and regroup steps on the "Group & count" view. */
async function interactions(page: Page): Promise<number[]> {
	await page.getByRole('tab', { name: 'Group & count' }).click();
	await page.waitForSelector('#lab-group-heading');
	const group = (label: string) => () =>
		page
			.getByLabel('Group by')
			.selectOption({ label })
			.then(() => {});
	const thenBy = (label: string) => () =>
		page
			.getByLabel('Then by')
			.selectOption({ label })
			.then(() => {});
	const steps = [
		() => addFilter(page, 'Commodity category', 'drugs'),
		group('Transport mode'),
		thenBy('Unit'),
		() => addFilter(page, 'Year', '2025'),
		group('Concealment method'),
		() =>
			page
				.getByRole('button', { name: /^Remove filter/ })
				.first()
				.click(),
		thenBy('(nothing)'),
		() => page.getByRole('button', { name: 'Clear all filters' }).click(),
		group('Origin country'),
		() => addFilter(page, 'Transport mode', 'postal'),
	];
	const times: number[] = [];
	for (const step of steps) times.push(await timed(page, step));
	return times;
}

async function measure(browser: Browser, cpuSlowdown: number) {
	const cold: { ready: number; chart: number }[] = [];
	for (let i = 0; i < runs; i++) {
		const page = await signedInPage(browser, cpuSlowdown);
		cold.push(await openLab(page));
		await page.context().close();
	}
	// A second visit in the same browser: the data file comes from the HTTP cache.
	const page = await signedInPage(browser, cpuSlowdown);
	await openLab(page);
	const warm = await openLab(page);
	const steps = await interactions(page);
	await page.context().close();
	return { cold, warm, steps };
}

/** One row per CPU setting: medians of cold loads and of the interactions. */
export type LabResult = {
	slowdown: number;
	readyCold: number;
	readyCached: number;
	firstChart: number;
	interaction: number;
	interactionMax: number;
};

/** Measures the lab at `origin` with no throttling and with the CPU slowed 4x. */
export async function measureLab(origin: string): Promise<LabResult[]> {
	base = origin;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
	});
	try {
		const results: LabResult[] = [];
		for (const slowdown of [1, 4]) {
			const { cold, warm, steps } = await measure(browser, slowdown);
			results.push({
				slowdown,
				readyCold: median(cold.map((c) => c.ready)),
				readyCached: warm.ready,
				firstChart: median(cold.map((c) => c.chart)),
				interaction: median(steps),
				interactionMax: Math.max(...steps),
			});
		}
		return results;
	} finally {
		await browser.close();
	}
}

/** The Markdown table of a lab measurement. */
export function labTable(results: LabResult[]): string {
	return [
		'| machine | data set loaded (cold) | data set loaded (cached) | first chart (cold) | filter/regroup |',
		'|---|---:|---:|---:|---:|',
		...results.map(
			(r) =>
				`| ${r.slowdown === 1 ? 'no throttling' : `CPU ${r.slowdown}× slower`} | ${ms(r.readyCold)} | ${ms(r.readyCached)} | ${ms(r.firstChart)} | ${ms(r.interaction)} (max ${ms(r.interactionMax)}) |`,
		),
	].join('\n');
}

if (process.argv[1]?.endsWith('lab.ts')) {
	const results = await measureLab(base);
	console.log(
		`\nData lab, ${base}, headless Chromium; medians of ${runs} cold loads and of 10 interactions.\n`,
	);
	console.log(labTable(results));
}
