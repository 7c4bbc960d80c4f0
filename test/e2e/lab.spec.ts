/** The data lab in a real browser: load, filter, regroup, export, answer exercises, accessibility. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn, signOut, watchConsole } from './fixtures';

const dataDir = new URL('../../content/data/', import.meta.url);
const truth = JSON.parse(readFileSync(new URL('ground-truth.json', dataDir), 'utf8'));
const csvLines = gunzipSync(readFileSync(new URL('seizures.csv.gz', dataDir)))
	.toString('utf8')
	.trim()
	.split('\n');
const header = csvLines[0]!.split(',');
// The data set has no quoted commas, so a plain split reads it.
const records = csvLines.slice(1).map((l) => l.split(','));
const column = (name: string) => header.indexOf(name);
const drugs2024 = records.filter(
	(r) =>
		r[column('commodity_category')] === 'drugs' && r[column('seizure_date')]!.startsWith('2024'),
);
const count = (n: number) => n.toLocaleString('en');
const syntheticLabel = 'Synthetic data — invented for training; not real CEN records';

async function openLab(page: Page) {
	await page.goto('/lab');
	await expect(page.locator('[data-lab-state="ready"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('[data-pending="0"]')).toBeVisible();
}

async function addFilter(page: Page, field: string, value: string) {
	await page.getByLabel('Field', { exact: true }).selectOption({ label: field });
	await page.getByLabel('Value', { exact: true }).selectOption(value);
	await page.getByRole('button', { name: 'Add filter' }).click();
}

test('a participant filters, regroups and exports the synthetic data set', async ({ page }) => {
	const errors = watchConsole(page);
	await signIn(page, demo.participant1);
	await openLab(page);
	await expect(page.getByText(syntheticLabel).first()).toBeVisible();
	await expect(page.locator('#lab-count')).toHaveText(
		`${count(records.length)} of ${count(records.length)} records in view`,
	);
	await expect(
		page.getByRole('img', { name: /Records per month from January 2023/ }),
	).toBeVisible();

	await addFilter(page, 'Commodity category', 'drugs');
	await addFilter(page, 'Year', '2024');
	await expect(
		page.getByRole('list', { name: 'Active filters' }).getByRole('listitem'),
	).toHaveCount(2);
	await expect(page.locator('#lab-count')).toHaveText(
		`${count(drugs2024.length)} of ${count(records.length)} records in view`,
	);

	await page.getByRole('tab', { name: 'Group & count' }).click();
	await page.getByLabel('Group by').selectOption({ label: 'Transport mode' });
	await page.getByLabel('Then by').selectOption({ label: 'Unit' });
	const groups = page.getByRole('table', { name: /Records in \d+ groups/ });
	await expect(groups.getByRole('columnheader', { name: 'Transport mode' })).toBeVisible();
	await expect(groups.getByRole('columnheader', { name: 'Unit' })).toBeVisible();
	await expect(groups.getByRole('row', { name: /air passenger g/ })).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export CSV of this view' }).click();
	const file = readFileSync(await (await download).path(), 'utf8')
		.trim()
		.split('\n');
	expect(file[0]).toBe(csvLines[0]);
	expect(file).toHaveLength(drugs2024.length + 1);
	const exported = file.slice(1).map((l) => l.split(','));
	expect(exported.every((r) => r[column('commodity_category')] === 'drugs')).toBe(true);
	expect(exported.every((r) => r[column('seizure_date')]!.startsWith('2024'))).toBe(true);

	await page.getByRole('button', { name: 'Clear all filters' }).click();
	await expect(page.locator('#lab-count')).toHaveText(
		`${count(records.length)} of ${count(records.length)} records in view`,
	);
	// Plot's inline <style> and Arquero's compiled expressions must not trip the page's CSP.
	expect(errors).toEqual([]);
});

test('every view draws under the CSP and passes axe', async ({ page }) => {
	const errors = watchConsole(page);
	await signIn(page, demo.participant1);
	await openLab(page);
	await expectAccessible(page);
	for (const tab of ['Routes', 'Categories', 'Data quality', 'Records']) {
		await page.getByRole('tab', { name: tab }).click();
		await expect(page.locator('[data-pending="0"]')).toBeVisible();
		await expect(page.getByRole('tabpanel')).not.toContainText('Working…');
	}
	await expect(page.getByRole('table', { name: /First 100 of/ }).getByRole('row')).toHaveCount(101);
	await expectAccessible(page);
	expect(errors).toEqual([]);
});

test('the data file is for signed-in people only', async ({ page }) => {
	expect((await page.request.get('/lab/data.csv')).status()).toBe(401);
	await signIn(page, demo.participant1);
	const response = await page.request.get('/lab/data.csv');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/csv');
	expect(response.headers()['content-encoding']).toBe('gzip');
	expect(response.headers()['cache-control']).toBe('private, max-age=3600');
	expect((await response.text()).split('\n')[0]).toBe(csvLines[0]);
});

test('the columnar data set is for signed-in people only, compressed, versioned and complete', async ({
	page,
}) => {
	expect((await page.request.get('/lab/data.json')).status()).toBe(401);
	await signIn(page, demo.participant1);
	await page.goto('/lab');
	const url = await page
		.locator('astro-island[component-url*="LabWorkbench"]')
		.getAttribute('props')
		.then((props) => props!.match(/\/lab\/data\.json\?v=[0-9a-f]+/)![0]);
	const response = await page.request.get(url, { headers: { 'accept-encoding': 'br, gzip' } });
	expect(response.status()).toBe(200);
	expect(response.headers()['content-encoding']).toBe('br');
	expect(response.headers()['vary']).toContain('Accept-Encoding');
	expect(response.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
	// Another version may be kept, but must be checked again.
	const stale = await page.request.get('/lab/data.json?v=old');
	expect(stale.headers()['cache-control']).toBe('private, no-cache');
	const again = await page.request.get(url, {
		headers: { 'accept-encoding': 'br', 'if-none-match': response.headers()['etag']! },
	});
	expect(again.status()).toBe(304);
	const data = (await response.json()) as {
		rows: number;
		text: Record<string, { values: string[]; codes: number[] }>;
		numbers: Record<string, (number | null)[]>;
	};
	expect(data.rows).toBe(records.length);
	const cell = (name: string, i: number) => {
		const numeric = data.numbers[name];
		if (numeric) return numeric[i] === null ? '' : String(numeric[i]);
		return data.text[name]!.values[data.text[name]!.codes[i]!]!;
	};
	for (const i of [0, 1234, records.length - 1])
		expect(header.map((name) => cell(name, i))).toEqual(records[i]);
});

test('an interpretation goes to the mentor, is scored on the rubric, and comes back', async ({
	browser,
}) => {
	const participant = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(participant, demo.participant2);
	await participant.goto('/lab/exercises');
	const exercise = participant.locator('#interpret-linked-cluster');
	await exercise.getByLabel('Your interpretation').fill('Too short.');
	await exercise.getByRole('button', { name: 'Send for review' }).click();
	await expect(participant.locator('#interpret-linked-cluster .field-error')).toContainText(
		'Write at least 60 words (this has 2).',
	);
	await expect(participant.locator('#interpret-linked-cluster textarea')).toHaveValue('Too short.');
	const text = `The consignee reference links many small parcels reported by several administrations. ${'Each administration sees only its own few cases of this pattern. '.repeat(6)}`;
	await participant.locator('#interpret-linked-cluster textarea').fill(text);
	await participant
		.locator('#interpret-linked-cluster')
		.getByRole('button', { name: 'Send for review' })
		.click();
	await expect(participant.getByRole('status')).toContainText('Sent for review');
	const link = participant
		.locator('#interpret-linked-cluster')
		.getByRole('link', { name: /^Sent / })
		.first();
	await expect(participant.locator('#interpret-linked-cluster')).toContainText(
		'waiting for review',
	);
	const path = (await link.getAttribute('href'))!;

	// Another participant: the interpretation does not exist for them.
	const other = await (await browser.newContext()).newPage();
	await signIn(other, demo.participant3);
	expect((await other.goto(path))!.status()).toBe(404);
	await other.close();

	const mentor = await (await browser.newContext()).newPage();
	await signIn(mentor, demo.mentor);
	await mentor.goto('/lab/interpretations');
	await expect(mentor.getByRole('table')).toContainText('Interpret the linked cluster');
	await mentor.goto(path);
	await expect(mentor.getByRole('blockquote')).toContainText('The consignee reference links');
	await mentor.getByRole('button', { name: 'Save the review' }).click(); // browser validation keeps it here
	await mentor
		.getByRole('group', { name: 'Evidence' })
		.getByLabel(/^2\. Developing/)
		.check();
	await mentor
		.getByRole('group', { name: 'Other explanations' })
		.getByLabel(/^1\. Beginning/)
		.check();
	await mentor
		.getByRole('group', { name: 'Limits and confidence' })
		.getByLabel(/^3\. Proficient/)
		.check();
	await mentor.getByLabel('Comment for the participant').fill('Give the number of cases.');
	await mentor.getByRole('button', { name: 'Save the review' }).click();
	await expect(mentor.getByRole('status')).toContainText('Review saved');
	await expect(
		mentor.getByRole('heading', { name: /Mentor’s review by .*: 6 of 9/ }),
	).toBeVisible();
	await expectAccessible(mentor);
	await mentor.close();

	await participant.goto(path);
	await expect(participant.getByRole('heading', { name: /6 of 9/ })).toBeVisible();
	await expect(participant.getByText('Other explanations: Beginning (1 of 3)')).toBeVisible();
	await expect(participant.getByText('Give the number of cases.')).toBeVisible();
	await expect(participant.getByText('Model answer')).toHaveCount(0);
	await expect(participant.getByRole('button', { name: 'Save the review' })).toHaveCount(0);
	await participant.close();
});

test.describe('exercises without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a wrong and a right answer are both recorded', async ({ page }) => {
		await signIn(page, demo.participant1);
		await page.goto('/lab/exercises');
		const exercise = page.locator('#seasonal-peak');
		const attempts = exercise.getByRole('heading', { name: /Your attempts/ });
		const before = Number((await attempts.textContent())!.match(/\((\d+)\)/)![1]);
		const answer = truth.exercises['seasonal-peak'].answer as string;
		const wrong = answer === 'January' ? 'February' : 'January';

		await exercise.getByLabel(wrong, { exact: true }).check();
		await exercise.getByRole('button', { name: 'Check answer' }).click();
		await expect(exercise.getByRole('status')).toContainText('Not correct');

		await exercise.getByLabel(answer, { exact: true }).check();
		await exercise.getByRole('button', { name: 'Check answer' }).click();
		await expect(exercise.getByRole('status')).toHaveText(/^\s*Correct/);

		await expect(attempts).toHaveText(`Your attempts (${before + 2})`);
		const list = exercise.getByRole('listitem');
		await expect(list.first()).toContainText(`✓ Correct · “${answer}”`);
		await expect(list.nth(1)).toContainText(`✗ Not correct · “${wrong}”`);
	});
});

test('the exercises page passes axe, with a verdict and attempts on it', async ({ page }) => {
	await signIn(page, demo.participant2);
	await page.goto('/lab/exercises');
	await expectAccessible(page);
	const exercise = page.locator('#cluster-consignee');
	await exercise.getByLabel('Your answer').fill('CNE-00000');
	await exercise.getByRole('button', { name: 'Check answer' }).click();
	await expect(exercise.getByRole('status')).toContainText('Not correct');
	await expectAccessible(page);
});

test.describe('in dark mode', () => {
	test.use({ colorScheme: 'dark' });

	test('charts and tables keep their contrast', async ({ page }) => {
		await signIn(page, demo.participant1);
		await openLab(page);
		await expectAccessible(page);
		await page.getByRole('tab', { name: 'Data quality' }).click();
		await expect(page.getByRole('heading', { name: 'Data quality' })).toBeVisible();
		await expectAccessible(page);
	});
});

test("mentors see participants' exercise results on the progress page", async ({ page }) => {
	await signIn(page, demo.participant3);
	await page.goto('/lab/exercises');
	const exercise = page.locator('#exact-duplicates');
	await exercise.getByLabel('Your answer').fill(String(truth.exercises['exact-duplicates'].answer));
	await exercise.getByRole('button', { name: 'Check answer' }).click();
	await expect(exercise.getByRole('status')).toContainText('Correct');
	await signOut(page);

	await signIn(page, demo.mentor);
	await page.goto('/progress');
	const results = page.getByRole('table', { name: 'Data-lab exercise results, by participant' });
	const row = results.getByRole('row', { name: /Exact duplicates/ });
	await expect(row).toContainText('✓ correct');
	await expect(row).toContainText('1 attempt');
	await expectAccessible(page);
});
