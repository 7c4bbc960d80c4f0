/**
 * Every role's to-do list on the demo (a cohort at OJT week 3): the mentor, the programme
 * office, the WCO Secretariat and a home contact each see what waits for them on /dashboard,
 * and an item's link lands on the page where they act. The dashboard passes axe-core.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, openAs, sqlOnServerDb } from './fixtures';

const todo = (page: Page) => page.locator('section[aria-labelledby="todo-h"]');

// The demo's activity waits for RILO A/P and home1; another spec has home1 agree to it. Those
// lists are about the waiting activity, so each test starts from the demo's state.
test.beforeEach(async () => {
	await sqlOnServerDb(
		"delete from activity_agreement where activity_id = 'demoact-0-2' and party in ('rilo_ap', 'home')",
	);
});

/** Signs in, checks the list has items and is accessible, then follows the item `key`. */
async function follow(page: Page, email: string, key: string) {
	await openAs(page, email, '/dashboard');
	await expect(todo(page).getByRole('heading', { name: 'To do' })).toBeVisible();
	expect(await todo(page).locator('li').count()).toBeGreaterThan(0);
	await expect(todo(page)).not.toContainText('Nothing waiting');
	await expectAccessible(page);
	await todo(page).locator(`[data-todo="${key}"] a`).click();
}

test('the mentor’s list: entries to review, the report waiting for a decision, an activity to agree', async ({
	page,
}) => {
	await openAs(page, demo.mentor, '/dashboard');
	for (const key of ['review', 'version:demopart0003', 'agreement:demoact-0-2'])
		await expect(todo(page).locator(`[data-todo="${key}"]`)).toBeVisible();
	await expect(todo(page).locator('[data-todo="review"]')).toContainText(/wait for your review/);
	await page.context().clearCookies();
	await follow(page, demo.mentor, 'review');
	await expect(page).toHaveURL(/\/review$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
});

test('the programme office’s list: the report version to decide and admin matters, linked', async ({
	page,
}) => {
	await follow(page, demo.admin, 'version:demopart0003');
	await expect(page).toHaveURL(/\/report\/demopart0003$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Report of');
	await page.goto('/dashboard');
	const matters = todo(page).locator('[data-todo^="matters:"] a').first();
	await expect(matters).toContainText('admin matters are not complete');
	await matters.click();
	await expect(page).toHaveURL(/\/admin\/participants\/demopart000\d$/);
});

test('the WCO Secretariat’s list: the corrections window of an undecided version', async ({
	page,
}) => {
	await follow(page, demo.secretariat, 'corrections:demopart0003');
	await expect(page).toHaveURL(/\/oversight\/demopart0003\/report\?version=1$/);
	await expect(page.getByRole('button', { name: 'Request corrections' })).toBeVisible();
});

test('a home contact’s list: their officer’s activity to agree, and nobody else’s', async ({
	page,
}) => {
	await openAs(page, demo.home1, '/dashboard');
	// Only participant 1 (Mara Santos) is of home1's administration: no link to the others.
	const others = ['demopart0002', 'demopart0003', 'demopart0004'];
	await expect(todo(page).locator(others.map((id) => `a[href*="${id}"]`).join(', '))).toHaveCount(
		0,
	);
	await page.context().clearCookies();
	await follow(page, demo.home1, 'agreement:demoact-0-2');
	await expect(page).toHaveURL(/\/oversight\/demopart0001#activity-demoact-0-2$/);
	await expect(page.locator('#activity-demoact-0-2')).toBeVisible();
});
