/**
 * A refused form brings the person back to it, without script: the page comes back focused on
 * the field to put right, with its message beside it and both in view, on a desk and on a phone.
 * (Every action's refusal is checked the same way in honest-messages.spec.ts; these are the two
 * long pages where it used to land at the top, thousands of pixels away.)
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, signIn } from './fixtures';

test.use({ javaScriptEnabled: false });

/** True when the whole box is inside the window as the page shows it. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
	const box = await locator.boundingBox();
	const height = page.viewportSize()!.height;
	return Boolean(box && box.y >= 0 && box.y + box.height <= height);
}

/** The field is focused and in view, its message beside it (just under it) and in view. */
async function expectBackAtField(page: Page, field: Locator) {
	await expect(field).toBeFocused();
	const described = (await field.getAttribute('aria-describedby')) ?? '';
	const error = page.locator('.field-error').and(
		page.locator(
			described
				.split(' ')
				.map((id) => `[id="${id}"]`)
				.join(', ') || 'none',
		),
	);
	await expect(error).toBeVisible();
	await expect(error).toHaveText(/\w+ \w+/);
	expect(await inView(page, field), 'field in view').toBe(true);
	expect(await inView(page, error), 'message in view').toBe(true);
	const [f, e] = [(await field.boundingBox())!, (await error.boundingBox())!];
	expect(e.y - (f.y + f.height), 'message right under the field').toBeLessThan(80);
	expect(e.y).toBeGreaterThanOrEqual(f.y + f.height - 1);
}

for (const viewport of [
	{ width: 1280, height: 720 },
	{ width: 390, height: 844 },
]) {
	test.describe(`${viewport.width} px wide`, () => {
		test.use({ viewport });

		test('/study: asking for a change without a comment comes back at the comment box', async ({
			page,
		}) => {
			await signIn(page, demo.participant1);
			await page.goto('/study');
			const card = page
				.locator('[id^="agreement-"]')
				.filter({ has: page.locator('form') })
				.last();
			await card.getByLabel('Ask for a change').check();
			const comment = card.getByLabel(/^Comment/);
			await comment.fill('');
			await card.getByRole('button', { name: 'Record my answer' }).click();
			const id = await comment.getAttribute('id');
			const again = page.locator(`#${id}`);
			await expect(again).toHaveAttribute('aria-invalid', 'true');
			expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
			await expectBackAtField(page, again);
		});

		test('review queue: requesting changes without a comment comes back at that entry’s box', async ({
			page,
		}) => {
			await signIn(page, demo.mentor);
			await page.goto('/review');
			const item = page.getByRole('region', { name: /^Review: / }).nth(1);
			const comment = item.getByLabel('Comment for the participant');
			const id = await comment.getAttribute('id');
			await comment.fill('');
			await item.getByRole('button', { name: 'Request changes' }).click();
			const again = page.locator(`#${id}`);
			await expect(again).toHaveAttribute('aria-invalid', 'true');
			await expectBackAtField(page, again);
		});
	});
}
