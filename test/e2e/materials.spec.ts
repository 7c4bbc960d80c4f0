/**
 * The intelligence-materials register end to end: a chart saved from the data lab, a warning
 * drafted from it and reviewed, the chart attached to a log entry, then inserted into the
 * report and exported — the .docx carries the chart's image, restricted material is withheld.
 */
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { demo, expectAccessible, openAs, queryServerDb, resubmitMessage, signIn } from './fixtures';
import { describeWithoutJavaScript } from './without-javascript';

const title = 'Postal seizures per month, 2023–2025';
const restrictedTitle = /Busiest routes for .* \(restricted working chart\)/;

test('save a lab chart, draft a warning from it, review it, put it in the report and export it', async ({
	page,
}) => {
	test.slow(); // the data lab loads 20,000 records; three sign-ins; several scans
	await signIn(page, demo.participant2);

	// 1. The data lab: save the chart in view, with one refusal first.
	await page.goto('/lab');
	await expect(page.locator('[data-lab-state="ready"]')).toBeVisible({ timeout: 60_000 });
	await expect(page.locator('[data-lab-chart] svg')).toBeVisible();
	await page.getByText('Save this chart to my materials').click();
	// The one default marking of every form.
	await expect(page.getByLabel('Handling marking')).toHaveValue('unrestricted');
	await page.getByRole('button', { name: 'Save to my materials' }).click();
	await expect(page.getByText('Give the material a title (at least 3 characters).')).toBeVisible();
	await expect(page.getByLabel('Title of the chart')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Title of the chart').fill(title);
	await page.getByLabel('Handling marking').selectOption('unrestricted');
	await page.getByRole('button', { name: 'Save to my materials' }).click();
	await expect(page.getByText(`Saved to your materials: “${title}”.`)).toBeVisible();
	await page.getByRole('link', { name: 'Open it in the register' }).click();

	// 2. The material: the image, and what drew it.
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await expect(page.getByText(/View: Over time — Records per month/)).toBeVisible();
	await expect(page.getByText('Filters: none (all records)')).toBeVisible();
	const image = page.locator('main figure img');
	await expect(image).toBeVisible();
	expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
	const materialUrl = page.url().split('?')[0]!;
	const materialId = materialUrl.split('/').pop()!;
	const png = await page.request.get(`${materialUrl}/file`);
	expect(png.headers()['content-type']).toBe('image/png');
	await expectAccessible(page);

	// 3. A warning that rests on the chart.
	await page.getByRole('link', { name: 'Draft a warning that rests on it' }).click();
	await expect(page.getByLabel('What the message rests on')).toHaveValue(
		`Lab chart: ${title} (/materials/${materialId})`,
	);
	await page.getByLabel('Recipient group (closed user group)').selectOption({ index: 1 });
	await page.getByLabel('Subject').fill('Methamphetamine in postal parcels to Aldoria');
	await page.getByLabel('Indicators', { exact: true }).fill('Parcels declared as clothing');
	await page.getByLabel('Modus operandi').fill('Inside garments');
	await page.getByLabel('Routes').fill('Solvane – Pellucia – Aldoria');
	await page.getByLabel('Risk indicators').fill('First-time consignee; prepaid postage');
	await page.getByLabel('Requested action').fill('Examine matching parcels');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Draft saved.')).toBeVisible();
	await page.getByRole('button', { name: 'Submit for review' }).click();
	await expect(page.getByText('Submitted for review.')).toBeVisible();
	const messageUrl = page.url().split('?')[0]!;

	await page.context().clearCookies();
	await signIn(page, demo.mentor);
	await page.goto(messageUrl);
	await expect(page.getByText(`Lab chart: ${title}`)).toBeVisible();
	await page.getByLabel('Comment for the participant').fill('Say by when feedback is due.');
	await page.getByRole('button', { name: 'Request changes' }).click();
	await expect(page.getByText('Decision recorded.')).toBeVisible();
	// The mentor reads the chart the warning rests on.
	expect((await page.goto(materialUrl))!.status()).toBe(200);

	await page.context().clearCookies();
	await openAs(page, demo.participant2, messageUrl);
	await resubmitMessage(page, 'Examine matching parcels; feedback by 31 December');

	// 4. Attach the chart to a log entry, see it there, detach it.
	const [entry] = await queryServerDb<{ id: string }>(
		"select id from log_entry where participant_id = 'demopart0002' order by date desc limit 1",
	);
	await page.goto(`/logbook/${entry!.id}`);
	const materials = page.getByRole('region', { name: 'Intelligence materials' });
	// Each material's marking shows while choosing it, and once attached.
	const attachPicker = materials.getByLabel('Attach from my materials');
	await expect(attachPicker).toHaveAccessibleDescription(/handling marking/);
	for (const option of (await attachPicker.locator('option').allTextContents()).slice(1))
		expect(option).toMatch(/, (restricted|unrestricted)\)$/);
	await attachPicker.selectOption({ label: `${title} (Lab chart, unrestricted)` });
	await materials.getByRole('button', { name: 'Attach' }).click();
	await expect(page.getByText('Material attached to this entry.')).toBeVisible();
	await expect(materials.getByRole('link', { name: title })).toBeVisible();
	await expect(materials.getByRole('listitem').filter({ hasText: title })).toContainText(
		'Unrestricted',
	);
	await expectAccessible(page);
	await materials.getByRole('button', { name: `Detach “${title}”` }).click();
	await expect(page.getByText('Material detached from this entry')).toBeVisible();
	await expect(materials.getByRole('link', { name: title })).toHaveCount(0);

	// 5. The report: insert the chart and a restricted chart, export.
	await page.goto('/report');
	const picker = page.getByLabel('Insert an intelligence material');
	await picker.selectOption({ label: title });
	await page.getByRole('button', { name: 'Insert', exact: true }).click();
	await expect(page.getByText('Material inserted at the end of the section.')).toBeVisible();
	const restricted = await picker
		.locator('option')
		.filter({ hasText: restrictedTitle })
		.textContent();
	await picker.selectOption({ label: restricted!.trim() });
	await page.getByRole('button', { name: 'Insert', exact: true }).click();
	await expect(page.getByText('Material inserted at the end of the section.')).toBeVisible();
	await expectAccessible(page);

	const docx = await page.request.get('/report/export.docx');
	expect(docx.status()).toBe(200);
	const files = unzipSync(new Uint8Array(await docx.body()));
	const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
	expect(media).toHaveLength(1);
	expect(Buffer.from(files[media[0]!]!).equals(await png.body())).toBe(true);
	const xml = strFromU8(files['word/document.xml']!);
	expect(xml).toContain(`Intelligence material: ${title}`);
	expect(xml).toMatch(/Material withheld \(restricted\): “Busiest routes for/);

	await page.goto('/report/print');
	await expect(page.locator(`[data-material="${materialId}"] img`)).toBeVisible();
	await expect(page.locator('[data-withheld]')).toContainText('Material withheld (restricted)');
	const md = await (await page.request.get('/report/export.md')).text();
	expect(md).toContain(`**Intelligence material: ${title}**`);
	expect(md).toContain('Material withheld (restricted)');

	// 6. Another participant finds nothing.
	await page.context().clearCookies();
	await signIn(page, demo.participant1);
	expect((await page.goto(materialUrl))!.status()).toBe(404);
	expect((await page.request.get(`${materialUrl}/file`)).status()).toBe(404);
});

describeWithoutJavaScript('attaching without JavaScript', () => {
	test('the study attaches a material to a part and says so; a missing choice is explained beside the field', async ({
		page,
	}) => {
		await openAs(page, demo.participant3, '/study');
		const region = page.getByRole('region', { name: 'Intelligence materials of the study' });
		await region.getByRole('button', { name: 'Attach' }).click();
		await expect(page.getByRole('alert')).toHaveText('Choose a material from your register.');
		await expect(region.getByLabel('Attach from my materials')).toHaveAccessibleDescription(
			/Choose a material from your register\./,
		);
		await region.getByLabel('Attach from my materials').selectOption({ index: 1 });
		const chosen = (await region
			.getByLabel('Attach from my materials')
			.locator('option:checked')
			.textContent())!.replace(/ \([^)]*\)$/, '');
		await region.getByLabel('Part of the study').selectOption('paper');
		await region.getByRole('button', { name: 'Attach' }).click();
		await expect(page.getByText('Material attached to the study.')).toBeVisible();
		await expect(page.locator('#paper').getByRole('link', { name: chosen.trim() })).toBeVisible();
	});
});
