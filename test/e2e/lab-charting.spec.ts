/**
 * The data lab's charting library (Observable Plot, the largest script the portal has) is only
 * for the ranking views: a visit that stays on the first view never downloads it, and pointing at
 * a ranking tab fetches it before the click.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './fixtures';

/** Every script the page fetches from now on, by URL, with its size as transferred. */
function watchScripts(page: Page): Map<string, number> {
	const scripts = new Map<string, number>();
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		scripts.set(response.url(), body.length);
	});
	return scripts;
}

test('the charting code loads only when a ranking view is wanted', async ({ page }) => {
	await signIn(page, demo.participant1);
	const scripts = watchScripts(page);
	await page.goto('/lab');
	await expect(page.locator('[data-lab-state="ready"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('[data-pending="0"]')).toBeVisible();
	// Let anything scheduled after the data arrived run, as the old prefetch did.
	await page.evaluate(() => new Promise((done) => setTimeout(done, 1_000)));
	const before = new Set(scripts.keys());

	await page.getByRole('tab', { name: 'Categories' }).hover();
	await expect
		.poll(() => [...scripts.keys()].filter((url) => !before.has(url)).length)
		.toBeGreaterThan(0);
	const fetchedOnIntent = [...scripts.entries()].filter(([url]) => !before.has(url));
	// The ranking code is the big one: tens of kilobytes, not a small shared chunk.
	expect(Math.max(...fetchedOnIntent.map(([, size]) => size))).toBeGreaterThan(30_000);

	await page.getByRole('tab', { name: 'Categories' }).click();
	await expect(page.locator('#lab-panel svg[role="img"]')).toBeVisible();
});
