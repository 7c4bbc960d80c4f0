/**
 * Reminders as their readers meet them: the demo's clock (OJT week 3) has reminders already due;
 * the link in a reminder email takes its reader, after signing in, to the place where they act.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './fixtures';

/** The reminder emails waiting in the outbox for one address, as an admin reads them. */
async function remindersTo(page: Page, email: string): Promise<string[]> {
	let found: string[] = [];
	await expect(async () => {
		await page.goto('/admin/outbox?status=kept');
		const messages = page.locator('main article');
		const texts = await messages.allInnerTexts();
		found = texts.filter((t) => t.includes(`To ${email}`) && t.includes('Where to act:'));
		expect(found.length).toBeGreaterThan(0);
	}).toPass({ timeout: 90_000 });
	return found;
}

test('a participant’s reminder links to where they act, through the sign-in', async ({
	page,
	browser,
}) => {
	await signIn(page, demo.admin);
	const [milestone] = (await remindersTo(page, demo.participant1)).filter((t) =>
		t.includes('study milestone'),
	);
	expect(milestone, 'a study milestone reminder for participant 1').toBeTruthy();
	expect(milestone).toMatch(/due on \w{3} \d{1,2} \w{3} \d{4} \((tomorrow|today|in \d+ days)\)/);
	const link = new URL(/Where to act: (\S+)/.exec(milestone!)![1]!);
	expect(link.pathname + link.hash).toBe('/study#milestones');

	const context = await browser.newContext();
	const reader = await context.newPage();
	await reader.goto(link.pathname + link.hash);
	await expect(reader).toHaveURL(/\/login\?next=/);
	await reader.getByLabel('Email').fill(demo.participant1);
	await reader.getByLabel('Password').fill('demo-password');
	await reader.getByRole('button', { name: 'Sign in' }).click();
	await expect(reader).toHaveURL(/\/study/);
	await expect(reader.getByRole('heading', { name: 'Milestones', exact: true })).toBeVisible();
	await context.close();
});

test('the mentor’s reminder of a report version links to the report’s decision page', async ({
	page,
	browser,
}) => {
	await signIn(page, demo.admin);
	const [decision] = (await remindersTo(page, demo.mentor)).filter((t) =>
		t.includes('waits for a decision'),
	);
	expect(decision, 'a report-decision reminder for the mentor').toBeTruthy();
	const link = new URL(/Where to act: (\S+)/.exec(decision!)![1]!);
	const context = await browser.newContext();
	const mentor = await context.newPage();
	await signIn(mentor, demo.mentor);
	await mentor.goto(link.pathname);
	await expect(mentor.getByRole('heading', { level: 1 })).toContainText(/report of/i);
	await expect(mentor.getByRole('button', { name: /accept/i }).first()).toBeVisible();
	await context.close();
});
