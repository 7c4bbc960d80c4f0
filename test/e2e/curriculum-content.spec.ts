/**
 * Every published module renders with the parts the authoring guide requires, without console
 * errors, and passes axe; the week at a glance lists all twenty modules, four a day.
 */
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { expectAccessible, watchConsole } from './fixtures';

const ids = readdirSync('content/modules')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.slice(0, -4))
	.sort();

test('the week at a glance links every module', async ({ page }) => {
	await page.goto('/curriculum');
	for (const id of ids)
		await expect(page.locator(`a[href="/curriculum/${id}"]`).first()).toBeAttached();
});

for (const id of ids) {
	test(`module ${id} shows objectives, sources, worked example, exercise, OJT section and knowledge check`, async ({
		page,
	}) => {
		const errors = watchConsole(page);
		await page.goto(`/curriculum/${id}`);
		await expect(page.getByRole('heading', { name: 'Learning objectives' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible();
		await expect(
			page.getByText('Teaching example, not official WCO practice').first(),
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'In your OJT', exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Knowledge check' })).toBeVisible();
		await expectAccessible(page);
		expect(errors).toEqual([]);
	});
}
