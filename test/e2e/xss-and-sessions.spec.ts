import { expect, test } from '@playwright/test';
import { demo, signIn, signOut } from './fixtures';

// Each payload tries to run code; if any runs, window.__xss is set or a dialog opens.
const payloads = [
	'<script>window.__xss=1</script>',
	'<img src=x onerror="window.__xss=1">',
	'[click me](javascript:window.__xss=1)',
	'<svg onload="window.__xss=1"></svg>',
	'"><iframe srcdoc="<script>parent.__xss=1</script>">',
	'<a href="javascript:window.__xss=1">link</a>',
];
const text = payloads.join('\n\n');

test('stored XSS payloads in every free-text field never execute, for the writer or the mentor', async ({
	page,
}) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await signIn(page, demo.participant1);
	await page.goto('/logbook/new');
	await page.getByLabel('Time spent (hours)').fill('1');
	await page.getByLabel('Area').selectOption('4');
	await page.getByLabel('Activity', { exact: true }).selectOption('event');
	const title = `XSS ${payloads[1]}`;
	await page.getByLabel('Title').fill(title);
	for (const label of [
		'What was done',
		'Outputs produced (intelligence materials)',
		'What I learned, and its relevance to my administration',
		'Follow-up actions',
	])
		await page.getByLabel(label).fill(text);
	await page.getByLabel('Counterpart (administration or organisation)').fill(payloads[0]!);
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.getByLabel('Add a comment').fill(text);
	await page.getByRole('button', { name: 'Add comment' }).click();
	await page.getByRole('button', { name: 'Submit for review' }).click();
	const entryUrl = page.url().split('?')[0]!;
	await page.goto('/report');
	const region = page.getByRole('region', { name: /Recommendation\(s\)/ });
	await region.getByLabel('Outline (points, one per line)').fill(text);
	await region.getByRole('button', { name: 'Save' }).click();
	await expect(region.getByRole('status')).toContainText(/saved/i);
	for (const url of [entryUrl, '/logbook', '/logbook/print', '/report/print', '/report/pack']) {
		const res = await page.goto(url);
		expect(res?.headers()['content-security-policy'], url).toContain("script-src 'self'");
		expect(
			await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
			url,
		).toBeUndefined();
	}
	await signOut(page);

	await signIn(page, demo.mentor);
	for (const url of [
		entryUrl,
		'/review',
		'/notifications',
		'/review/demopart0001',
		'/report/demopart0001',
	]) {
		await page.goto(url);
		expect(
			await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
			url,
		).toBeUndefined();
	}
	// Links stay inert: the javascript: one was dropped by the sanitiser.
	await page.goto(entryUrl);
	expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
	expect(dialogs).toBe(0);
});

test('the session cookie is HttpOnly and SameSite=Lax, renewed on sign-in, and dead after sign-out', async ({
	browser,
	baseURL,
}) => {
	const context = await browser.newContext();
	// A token planted before sign-in (fixation) must not survive it.
	await context.addCookies([
		{ name: 'auth_session', value: 'plantedtokenplantedtokenplanted1', url: baseURL! },
	]);
	const page = await context.newPage();
	await signIn(page, demo.participant4);
	const cookie = (await context.cookies()).find((c) => c.name === 'auth_session')!;
	expect(cookie.value).not.toBe('plantedtokenplantedtokenplanted1');
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');
	expect(cookie.path).toBe('/');
	expect(cookie.value).toMatch(/^[a-z2-7]{32}$/);
	const stolen = cookie.value;
	await signOut(page);

	// Replaying the old token after sign-out gets nowhere.
	const replay = await browser.newContext();
	await replay.addCookies([{ name: 'auth_session', value: stolen, url: baseURL! }]);
	const other = await replay.newPage();
	await other.goto('/dashboard');
	await expect(other).toHaveURL(/\/login/);
	await context.close();
	await replay.close();
});

test('a page never echoes the password or the session token', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill(demo.participant4);
	await page.getByLabel('Password').fill('wrong password for the echo test');
	await page.getByRole('button', { name: 'Sign in' }).click();
	expect(await page.content()).not.toContain('wrong password for the echo test');
	await signIn(page, demo.participant4);
	const token = (await page.context().cookies()).find((c) => c.name === 'auth_session')!.value;
	for (const url of ['/account', '/dashboard']) {
		await page.goto(url);
		expect(await page.content(), url).not.toContain(token);
	}
});
