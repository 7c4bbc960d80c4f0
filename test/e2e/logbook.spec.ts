import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn, signOut, sqlOnServerDb, submitSignIn } from './fixtures';

async function fillEntry(page: Page, title: string) {
	await page.getByLabel('Time spent (hours)').fill('1.5');
	await page.getByLabel('Area').selectOption('3');
	await page.getByLabel('Activity', { exact: true }).selectOption('trend-analysis');
	await page.getByLabel('Title').fill(title);
	await page
		.getByLabel('What was done')
		.fill('Built a **monthly** series.\n\n- cleaned units\n- charted');
	await page.getByLabel('Outputs produced (intelligence materials)').fill('- one trend chart');
}

test('write, submit, changes requested, resubmit, approved — with notifications on both sides', async ({
	page,
}) => {
	const title = `Trend chart ${Date.now()}`;
	await signIn(page, demo.participant3);
	await page.goto('/logbook');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'New entry', exact: true }).click();
	await expectAccessible(page);
	// Invalid first: the form keeps what was typed and says which field is wrong.
	await page.getByLabel('Title').fill(title);
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.locator('#field-summary-error')).toHaveText('Say what was done.');
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await fillEntry(page, title);
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Draft', { exact: true })).toBeVisible();
	await expect(page.locator('strong', { hasText: 'monthly' })).toBeVisible();
	await page.getByRole('button', { name: 'Submit for review' }).click();
	await expect(page.getByRole('status')).toContainText('Submitted for review');
	await expectAccessible(page);
	const entryUrl = page.url().split('?')[0]!;
	await signOut(page);

	await signIn(page, demo.mentor);
	await expect(page.getByRole('link', { name: /^Review\s*\d+\s*waiting/ })).toBeVisible();
	await page.goto('/review');
	await expectAccessible(page);
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: title }) });
	await card.getByRole('button', { name: 'Request changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Say what should change');
	const card2 = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: title }) });
	await card2.getByLabel('Comment for the participant').fill('Please name the months covered.');
	await card2.getByRole('button', { name: 'Request changes' }).click();
	await expect(page.getByRole('status')).toContainText('Sent back');
	await signOut(page);

	await signIn(page, demo.participant3);
	await page.goto('/notifications');
	await expect(
		page.getByRole('link', { name: /asked for changes to “Trend chart/ }).first(),
	).toBeVisible();
	await expectAccessible(page);
	await page.goto(entryUrl);
	await expect(page.getByText('Please name the months covered.')).toBeVisible();
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('What was done').fill('Built a monthly series, January to June.');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.getByRole('button', { name: 'Submit again for review' }).click();
	await signOut(page);

	await signIn(page, demo.mentor);
	await page.goto(entryUrl);
	await page.getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByText('Approved', { exact: true })).toBeVisible();
	await expect(
		page.getByText(/requested changes — “Please name the months covered.”/),
	).toBeVisible();
	await signOut(page);

	await signIn(page, demo.participant3);
	await page.goto('/notifications');
	await expect(page.getByRole('link', { name: /approved “Trend chart/ }).first()).toBeVisible();
	await page.goto(entryUrl);
	await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
});

test('another participant’s entry is a 404, and so is its edit page', async ({ page }) => {
	await signIn(page, demo.participant1);
	await page.goto('/logbook/new');
	await fillEntry(page, `Private ${Date.now()}`);
	await page.getByRole('button', { name: 'Save draft' }).click();
	const url = page.url().split('?')[0]!;
	await signOut(page);
	await signIn(page, demo.participant2);
	expect((await page.goto(url))?.status()).toBe(404);
	expect((await page.goto(`${url}/edit`))?.status()).toBe(404);
	expect((await page.goto(`${url}/delete`))?.status()).toBe(404);
	const id = url.split('/').pop();
	expect((await page.goto(`/review/${id}`))?.status()).toBe(404);
});

test('two tabs editing one entry: the second save is refused and shows both texts', async ({
	browser,
}) => {
	const context = await browser.newContext();
	const tabA = await context.newPage();
	await signIn(tabA, demo.participant4);
	await tabA.goto('/logbook/new');
	await fillEntry(tabA, `Two tabs ${Date.now()}`);
	await tabA.getByRole('button', { name: 'Save draft' }).click();
	const edit = tabA.url().split('?')[0] + '/edit';
	const tabB = await context.newPage();
	await tabA.goto(edit);
	await tabB.goto(edit);
	await tabA.getByLabel('What was done').fill('Text from tab A');
	await tabA.getByRole('button', { name: 'Save changes' }).click();
	await expect(tabA.getByText('Text from tab A')).toBeVisible();
	await tabB.getByLabel('What was done').fill('Text from tab B');
	await tabB.getByRole('button', { name: 'Save changes' }).click();
	await expect(tabB.getByRole('alert')).toContainText('changed elsewhere');
	await expect(tabB.getByLabel('What was done')).toHaveValue('Text from tab B');
	await expect(tabB.getByRole('region', { name: /saved version/ })).toContainText(
		'Text from tab A',
	);
	await expectAccessible(tabB);
	await tabB.getByRole('button', { name: 'Save my text over the saved version' }).click();
	await expect(tabB.getByText('Text from tab B')).toBeVisible();
	await context.close();
});

test('a session that ends mid-edit keeps the typed text through the sign-in', async ({ page }) => {
	await signIn(page, demo.participant2);
	await page.goto('/logbook/new');
	const title = `Typed before expiry ${Date.now()}`;
	await fillEntry(page, title);
	// Time passes: the session expires on the server while the form is open.
	await sqlOnServerDb(
		'update auth_session set expires_at = 0 where user_id = (select id from user where email = ?)',
		[demo.participant2],
	);
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page).toHaveURL(/\/login\?expired/);
	await expect(page.getByText('Your session has ended')).toBeVisible();
	await submitSignIn(page, demo.participant2);
	await expect(page).toHaveURL(/\/logbook\/new\?restore=/);
	await expect(page.getByText('Here is what you typed')).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await expect(page.getByLabel('What was done')).toContainText('monthly');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a draft is deleted only after confirmation; coverage and exports withhold restricted text', async ({
	page,
}) => {
	await signIn(page, demo.participant4);
	await page.goto('/logbook/new');
	const title = `Restricted ${Date.now()}`;
	await fillEntry(page, title);
	await page.getByLabel('Restricted', { exact: true }).check();
	await page.getByRole('button', { name: 'Save draft' }).click();
	const url = page.url().split('?')[0]!;
	const csv = await page.request.get('/logbook/export.csv');
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).not.toContain(title);
	expect(text).toContain('[withheld: restricted]');
	await page.goto('/logbook/print');
	await expect(page.getByText(title)).toHaveCount(0);
	await expectAccessible(page);

	await page.goto(`${url}/delete`);
	await page.getByRole('button', { name: 'Delete draft' }).click();
	await expect(page.getByRole('alert')).toContainText('Tick the box');
	await page.getByLabel('Yes, delete this draft').check();
	await page.getByRole('button', { name: 'Delete draft' }).click();
	await expect(page.getByRole('status')).toHaveText('Draft deleted.');
	expect((await page.goto(url))?.status()).toBe(404);
	await page.goto('/logbook');
	await expect(page.getByRole('table')).toContainText('Data analysis');
});

test('the mentor’s cohort dashboard and participant view are accessible', async ({ page }) => {
	await signIn(page, demo.mentor);
	await page.goto('/cohort');
	await expect(page.getByRole('table').first()).toContainText('Mara Santos');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Mara Santos' }).first().click();
	await expect(page.getByRole('heading', { name: 'OJT plan', exact: true })).toBeVisible();
	await expectAccessible(page);
});
