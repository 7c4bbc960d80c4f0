/**
 * Data-lab benchmark, part of `npm run bench` (measureLab), or on its own:
 * `npx tsx test/bench/lab.ts` against a portal you have started (for example `npm run demo`). Signs in as the demo participant in headless Chromium and measures
 * what a participant waits for: the first chart on screen, the workbench's own (interactive)
 * chart, the data set loading, and filter/regroup interactions, with the CPU as it is and slowed
 * 4x (CDP Emulation.setCPUThrottlingRate). Times come from the page's own performance marks (see
 * src/islands/lab) and from a frame callback when the first chart enters the page, so they
 * exclude the test driver. Prints a Markdown table.
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

/**
 * Marks the first frame drawn with a chart in the page, whoever drew it: the server (the first
 * view comes as SVG in the HTML) or the workbench. Runs before the page's own scripts.
 */
function markChartPainted() {
	const observer = new MutationObserver(() => {
		if (!document.querySelector('figure svg[role="img"]')) return;
		observer.disconnect();
		requestAnimationFrame(() => performance.mark('lab:chart-painted'));
	});
	observer.observe(document, { childList: true, subtree: true });
}

async function signedInPage(browser: Browser, cpuSlowdown: number): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.addInitScript(markChartPainted);
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

type Marks = { ready: number; chart: number; interactive: number };

/** Opens /lab and returns the page's marks from navigation start: data ready, first chart painted, workbench chart. */
async function openLab(page: Page): Promise<Marks> {
	await page.goto(`${base}/lab`);
	await page.waitForSelector('[data-lab-state="ready"] [role="img"]', { timeout: 60_000 });
	await page.waitForFunction(() => performance.getEntriesByName('lab:chart-painted').length > 0);
	return page.evaluate(() => ({
		ready: performance.getEntriesByName('lab:data-ready')[0]!.startTime,
		chart: performance.getEntriesByName('lab:chart-painted')[0]!.startTime,
		interactive: performance.getEntriesByName('lab:first-chart')[0]!.startTime,
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
	const cold: Marks[] = [];
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
	/** First frame with a chart on screen (the server's SVG or the workbench's): the goal's figure. */
	firstChart: number;
	/** The workbench's own chart, ready to filter and switch views. */
	interactiveChart: number;
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
				interactiveChart: median(cold.map((c) => c.interactive)),
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
		'| machine | first chart on screen (cold) | workbench chart (cold) | data set loaded (cold) | data set loaded (cached) | filter/regroup |',
		'|---|---:|---:|---:|---:|---:|',
		...results.map(
			(r) =>
				`| ${r.slowdown === 1 ? 'no throttling' : `CPU ${r.slowdown}× slower`} | ${ms(r.firstChart)} | ${ms(r.interactiveChart)} | ${ms(r.readyCold)} | ${ms(r.readyCached)} | ${ms(r.interaction)} (max ${ms(r.interactionMax)}) |`,
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
