/**
 * The programme's clock as people meet it: email choices on /account, the one-click link from a
 * reminder in the outbox (signed out, POST only), and the outbox filtered by status.
 */
import { expect, test } from '@playwright/test';
import { demo, expectAccessible, queryServerDb, signIn } from './fixtures';

test('a participant changes an email choice on /account and finds it kept', async ({ page }) => {
	await signIn(page, demo.participant1);
	await page.goto('/account');
	const receipts = page.getByRole('group', { name: 'Receipts' });
	await receipts.getByLabel('In a daily digest').check();
	await page.getByRole('button', { name: 'Save email choices' }).click();
	await expect(page).toHaveURL(/\/account\?done=preferences/);
	await expect(page.getByRole('status')).toHaveText('Preferences saved.');
	await page.goto('/account');
	await expect(
		page.getByRole('group', { name: 'Receipts' }).getByLabel('In a daily digest'),
	).toBeChecked();
	// Deadline reminders offer no “Off”, and say why.
	const deadline = page.getByRole('group', { name: 'Deadline reminders' });
	await expect(deadline.getByLabel('Off')).toHaveCount(0);
	await expect(deadline).toContainText('cannot be turned off');
	await expectAccessible(page);
});

test('the one-click link from a reminder in the outbox works signed out, by POST only', async ({
	page,
	browser,
}) => {
	await signIn(page, demo.admin);
	// The server's clock writes the demo's reminders a few seconds after it starts.
	let link = '';
	await expect(async () => {
		await page.goto('/admin/outbox?status=kept');
		const texts = (await page.locator('main pre').allInnerTexts()).join('\n');
		link = /https?:\/\/\S+\/email-preferences\/(demopart\d+\.deadline\.\S+)/.exec(texts)?.[0] ?? '';
		expect(link).not.toBe('');
	}).toPass({ timeout: 90_000 });
	const path = new URL(link).pathname;
	const userId = path.split('/').pop()!.split('.')[0]!;
	const mode = async () =>
		(
			await queryServerDb<{ mode: string }>(
				"select mode from notification_preference where user_id = ? and kind = 'deadline'",
				[userId],
			)
		)[0]?.mode ?? 'immediately';
	const before = await mode();

	const anon = await browser.newContext();
	const visitor = await anon.newPage();
	const res = await visitor.goto(path);
	expect(res?.status()).toBe(200);
	expect(res?.headers()['cache-control']).toBe('no-store');
	await expect(visitor.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
	await expect(visitor.getByRole('main')).toContainText('You get ‘Deadline reminders’ emails');
	// Opening the link changed nothing; deadline reminders cannot be stopped.
	expect(await mode()).toBe(before);
	await expect(visitor.getByRole('button', { name: 'Stop these emails' })).toHaveCount(0);
	await expectAccessible(visitor);
	const target = before === 'digest' ? 'Send them at once' : 'Send these in a daily digest';
	await visitor.getByRole('button', { name: target }).click();
	await expect(visitor.getByRole('status')).toContainText('Saved. From now on you get');
	await expect(visitor.getByRole('link', { name: 'your account page' })).toHaveAttribute(
		'href',
		'/account#email',
	);
	expect(await mode()).toBe(before === 'digest' ? 'immediately' : 'digest');

	const forged = await visitor.goto(`${path.slice(0, -2)}xx`);
	expect(forged?.status()).toBe(404);
	await expect(visitor.getByRole('main')).toContainText('This link is not valid');
	await anon.close();
});

test('the outbox filters by status, with counts', async ({ page }) => {
	await signIn(page, demo.admin);
	await page.goto('/admin/outbox');
	const filter = page.getByRole('navigation', { name: 'Filter by status' });
	await expect(filter.getByRole('link', { name: /^All \(\d+\)$/ })).toBeVisible();
	await expect(filter.getByRole('link', { name: 'Failed (0)' })).toBeVisible();
	await filter.getByRole('link', { name: /^Waiting for an admin/ }).click();
	await expect(page).toHaveURL(/status=kept/);
	await expect(filter.getByRole('link', { name: /^Waiting for an admin/ })).toHaveAttribute(
		'aria-current',
		'page',
	);
	await expect(page.getByRole('main')).toContainText('No mail server is set up (SMTP_URL)');
	await filter.getByRole('link', { name: 'Failed (0)' }).click();
	await expect(page.getByRole('main')).toContainText('No message is failed.');
	// Without SMTP there is nothing to send again with.
	await expect(page.getByRole('button', { name: 'Send again' })).toHaveCount(0);
	await expectAccessible(page);
});
