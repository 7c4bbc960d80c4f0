import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn, signOut, watchConsole } from './fixtures';

test('the week at a glance lists the modules by day and is accessible', async ({ page }) => {
	await page.goto('/curriculum');
	for (let day = 1; day <= 5; day++)
		await expect(page.getByRole('heading', { name: new RegExp(`^Day ${day}:`) })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/curriculum/glossary');
	await expect(page.locator('dt', { hasText: /^CENcomm\b/ })).toBeVisible();
	await expectAccessible(page);
});

test('a module page is static, ships only the knowledge-check island, and prints cleanly', async ({
	page,
}) => {
	const errors = watchConsole(page);
	await page.goto('/curriculum/cencomm-and-operational-messaging');
	await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Learning objectives' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
	await expect(page.getByText('Teaching example, not official WCO practice').first()).toBeVisible();
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: 'Knowledge check' })).toBeVisible();
	await expect(page.locator('header nav')).toBeHidden();
	expect(errors).toEqual([]);
});

test('a participant answers a knowledge check, completes a module and sees progress; the mentor sees it', async ({
	page,
}) => {
	const errors = watchConsole(page);
	await signIn(page, demo.participant4);
	await page.goto('/curriculum/ojt-and-final-report');
	await page.getByRole('link', { name: 'Take the knowledge check' }).click();
	const questions = page.locator('main form fieldset');
	await expect(questions.first()).toBeVisible();
	const count = await questions.count();
	expect(count).toBeGreaterThanOrEqual(5);
	for (let i = 0; i < count; i++) await questions.nth(i).getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByText(/You scored \d of \d+/)).toBeVisible();
	await expect(page.getByText(/^Saved to your progress\./)).toBeVisible();
	// Every question now shows its verdict and explanation.
	await expect(page.getByText(/^(✓ Right|✗ Not quite)\.$/)).toHaveCount(count);
	await expect(page.getByText('Why:', { exact: true })).toHaveCount(count);

	await page.getByRole('link', { name: 'Back to the module' }).click();
	await expect(page.getByText(/Best knowledge-check score: \d of \d+/)).toBeVisible();
	await page.getByRole('button', { name: 'Mark module complete' }).click();
	await expect(page).toHaveURL(/\/curriculum\/ojt-and-final-report#status/);
	await expect(page.getByText('You completed this module.')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/curriculum');
	await expect(page.getByText('Completed: ojt-and-final-report')).toBeAttached();
	expect(errors).toEqual([]);
	await signOut(page);

	await signIn(page, demo.mentor);
	await page.goto('/progress'); // now part of the cohort page
	const row = page
		.getByRole('table', {
			name: /Modules completed and knowledge-check scores \(first attempt and best\)/,
		})
		.getByRole('row', { name: /The OJT and the final report|OJT/ })
		.first();
	await expect(row).toContainText('complete');
	await expectAccessible(page);
});

test('search finds a module by a word in its body', async ({ page }) => {
	await page.goto('/curriculum');
	await page.getByLabel('Search modules and glossary').fill('Icomm');
	await page.getByLabel('Search modules and glossary').press('Enter');
	await expect(page.getByText(/result/)).toBeVisible();
	await expect(page.locator('[data-search-results] a').first()).toBeVisible();
	const hrefs = await page
		.locator('[data-search-results] a')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(hrefs.some((h) => h?.includes('/curriculum/ncen-and-icomm'))).toBe(true);
});
