import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { demo, expectAccessible, signIn, signOut, sqlOnServerDb, watchConsole } from './fixtures';

const recommendations = (page: import('@playwright/test').Page) =>
	page.getByRole('region', { name: /Recommendation\(s\) to the home administration/ });

test('draft from the log, two tabs on one section, exports', async ({ browser }) => {
	const context = await browser.newContext();
	const tabA = await context.newPage();
	const errors = watchConsole(tabA);
	await signIn(tabA, demo.participant1);
	await tabA.goto('/report');
	await expectAccessible(tabA);
	await tabA.getByRole('button', { name: 'Draft from my log' }).click();
	await expect(tabA.getByRole('status').first()).toContainText('Done');
	const activities = tabA.getByRole('region', { name: /Summary of programme activities/ });
	await expect(activities.getByLabel('Outline (points, one per line)')).toHaveValue(
		/\(1\) RILO A\/P roles and functions/,
	);
	await expect(activities.getByLabel('Outline (points, one per line)')).toHaveValue(/Week 1/);

	// Two tabs on the same section: A autosaves first, B's save meets a conflict and keeps both texts.
	const tabB = await context.newPage();
	await tabB.goto('/report');
	await recommendations(tabA).getByLabel('Outline (points, one per line)').fill('- From tab A');
	await expect(recommendations(tabA).getByRole('status')).toContainText('Saved at', {
		timeout: 10_000,
	});
	await recommendations(tabB).getByLabel('Outline (points, one per line)').fill('- From tab B');
	await expect(recommendations(tabB).getByRole('alert')).toContainText('saved elsewhere', {
		timeout: 10_000,
	});
	await expect(recommendations(tabB).getByRole('alert')).toContainText('From tab A');
	await expect(recommendations(tabB).getByLabel('Outline (points, one per line)')).toHaveValue(
		'- From tab B',
	);
	await recommendations(tabB).getByRole('button', { name: 'Keep my text (save over)' }).click();
	await expect(recommendations(tabB).getByRole('status')).toContainText('Saved at');
	await tabA.reload();
	await expect(recommendations(tabA).getByLabel('Outline (points, one per line)')).toHaveValue(
		'- From tab B',
	);

	// The history shows both versions and their difference.
	await recommendations(tabA)
		.getByRole('link', { name: /History of/ })
		.click();
	await expect(tabA.locator('ins').filter({ hasText: 'B' }).first()).toBeVisible();
	await expectAccessible(tabA);

	const md = await tabA.request.get('/report/export.md');
	expect(md.headers()['content-type']).toContain('text/markdown');
	const text = await md.text();
	for (const title of [
		'Summary of programme activities',
		'Results of the thematic study',
		'Recommendation(s) to the home administration',
		'Evaluation of the programme',
	])
		expect(text).toContain(title);
	expect(text).toContain('From tab B');
	const docx = await tabA.request.get('/report/export.docx');
	const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']!);
	expect(xml).toContain('From tab B');
	expect(xml).toContain('Evaluation of the programme');
	await tabA.goto('/report/print');
	await expectAccessible(tabA);
	await tabA.goto('/report/pack');
	await expect(tabA.getByText(/restricted log entr(y is|ies are) left out/)).toBeVisible();
	await expectAccessible(tabA);
	expect(errors).toEqual([]);
	await context.close();
});

test('a mentor comments on a section; the participant replies; the evaluation stays hidden', async ({
	page,
}) => {
	await signIn(page, demo.participant2);
	await page.goto('/report');
	await page
		.getByRole('region', { name: /Evaluation of the programme/ })
		.getByLabel('Outline (points, one per line)')
		.fill('- Candid: too short');
	await page
		.getByRole('region', { name: /Evaluation of the programme/ })
		.getByRole('button', { name: 'Save' })
		.click();
	await expect(
		page.getByRole('region', { name: /Evaluation of the programme/ }).getByRole('status'),
	).toContainText(/saved/i);
	await signOut(page);

	await signIn(page, demo.mentor);
	await page.goto('/review/demopart0002');
	await page.getByRole('link', { name: 'Final report' }).click();
	await expect(
		page.getByText('hidden from mentors until the final report is submitted'),
	).toBeVisible();
	await expect(page.getByText('Candid: too short')).toHaveCount(0);
	const section = page.getByRole('region', { name: /Recommendation\(s\)/ });
	await section.getByLabel('Passage you mean (copy it here)').fill('the whole section');
	await section.getByLabel('New comment').fill('Please add one concrete recommendation.');
	await section.getByRole('button', { name: 'Add comment' }).click();
	await expect(page.getByText('Please add one concrete recommendation.')).toBeVisible();
	await expectAccessible(page);
	const md = await page.request.get('/report/export.md?participant=demopart0002');
	expect(md.status()).toBe(200);
	expect(await md.text()).not.toContain('Candid: too short');
	await signOut(page);

	await signIn(page, demo.participant2);
	await page.goto('/report');
	const mine = page.getByRole('region', { name: /Recommendation\(s\)/ });
	await expect(mine.getByText('“the whole section”')).toBeVisible();
	await mine.getByLabel('Reply').fill('Added: a national alert desk.');
	await mine.getByRole('button', { name: 'Reply' }).click();
	await expect(page.getByText('Added: a national alert desk.')).toBeVisible();
});

test('the participant sends the report; an admin requests corrections, then closes and accepts it', async ({
	page,
}) => {
	await signIn(page, demo.participant3);
	await page.goto('/report');
	await page.getByRole('button', { name: 'Record the presentation' }).click();
	for (const recipient of ['RILO A/P', 'WCO Secretariat', 'Home administration']) {
		await page.getByLabel('Final report sent to').selectOption({ label: recipient });
		await page.getByRole('button', { name: 'Record', exact: true }).click();
	}
	await expect(page.getByRole('heading', { name: 'Status: Final report submitted' })).toBeVisible();
	await signOut(page);

	await signIn(page, demo.admin);
	await page.goto('/report/demopart0003');
	await page.getByLabel('What needs correcting').fill('Correct the dates in section 1.');
	await page.getByRole('button', { name: 'Request corrections' }).click();
	await expect(page.getByRole('heading', { name: 'Status: Corrections requested' })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, demo.participant3);
	await page.goto('/report');
	await expect(page.getByText('Correct the dates in section 1.')).toBeVisible();
	for (const recipient of ['RILO A/P', 'WCO Secretariat', 'Home administration']) {
		await page.getByLabel('Corrected report sent to').selectOption({ label: recipient });
		await page.getByRole('button', { name: 'Record', exact: true }).click();
	}
	await expect(page.getByRole('heading', { name: 'Status: Corrections submitted' })).toBeVisible();
	await signOut(page);

	await signIn(page, demo.admin);
	await page.goto('/report/demopart0003');
	await page.getByRole('button', { name: 'Close the report' }).click();
	await expect(page.getByRole('heading', { name: 'Status: Closed' })).toBeVisible();
	await signOut(page);

	await signIn(page, demo.participant3);
	await page.goto('/report');
	await page.getByRole('link', { name: 'Certificate of completion' }).click();
	await expect(page.getByRole('heading', { name: 'Certificate of completion' })).toBeVisible();
	await expect(page.locator('article').getByText('Nguyen Thi Lan')).toBeVisible();
	await expectAccessible(page);
});

test('another participant’s report and history are 404; the calendar feed needs its token', async ({
	page,
	request,
}) => {
	await signIn(page, demo.participant4);
	expect((await page.goto('/report/demopart0001'))?.status()).toBe(404);
	expect((await page.request.get('/report/export.md?participant=demopart0001')).status()).toBe(200); // a participant always gets their own
	await page.goto('/report');
	await page.getByRole('button', { name: /feed address/ }).click();
	const feed = await page.getByLabel('Your feed address (shown once)').inputValue();
	const ics = await request.get(new URL(feed).pathname);
	expect(ics.status()).toBe(200);
	expect(await ics.text()).toContain('BEGIN:VCALENDAR');
	expect((await request.get('/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics')).status()).toBe(404);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a section saved after the session ended comes back after sign-in', async ({ page }) => {
		await signIn(page, demo.participant4);
		await page.goto('/report');
		const typed = `- Typed before the session ended ${Date.now()}`;
		await recommendations(page).getByLabel('Outline (points, one per line)').fill(typed);
		await sqlOnServerDb('update auth_session set expires_at = 0 where user_id = ?', [
			'demopart0004',
		]);
		await recommendations(page).getByRole('button', { name: 'Save' }).click();
		await expect(page).toHaveURL(/\/login\?expired/);
		await page.getByLabel('Email').fill(demo.participant4);
		await page.getByLabel('Password').fill('demo-password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/report\?restore=/);
		await expect(recommendations(page).getByText('Here is what you typed')).toBeVisible();
		await expect(recommendations(page).getByLabel('Outline (points, one per line)')).toHaveValue(
			typed,
		);
		await recommendations(page).getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Section saved.')).toBeVisible();
		await expect(recommendations(page).getByLabel('Outline (points, one per line)')).toHaveValue(
			typed,
		);
	});
});
