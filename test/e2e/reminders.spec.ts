/**
 * Reminders as their readers meet them: the demo's clock (OJT week 3) has reminders already due;
 * the link in a reminder email takes its reader, after signing in, to the place where they act.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, submitSignIn } from './fixtures';

/** The reminder emails waiting in the outbox for one address, as an admin reads them. */
async function remindersTo(page: Page, email: string): Promise<string[]> {
	let found: string[] = [];
	await expect(async () => {
		await page.goto(`/admin/outbox?status=kept&to=${encodeURIComponent(email)}`);
		const messages = page.locator('main article');
		const texts = await messages.allInnerTexts();
		found = texts.filter((t) => t.includes(`To ${email}`) && t.includes('Where to act:'));
		expect(found.length).toBeGreaterThan(0);
	}).toPass({ timeout: 90_000 });
	return found;
}

/**
 * Signs the page in as an admin and finds, among one reader's reminders, the one about `about`:
 * its text and the link it gives to where the reader acts.
 */
async function reminderAbout(page: Page, email: string, about: string) {
	await signIn(page, demo.admin);
	const [text] = (await remindersTo(page, email)).filter((t) => t.includes(about));
	expect(text, `a reminder to ${email} about “${about}”`).toBeTruthy();
	return { text: text!, link: new URL(/Where to act: (\S+)/.exec(text!)![1]!) };
}

test('a participant’s reminder links to where they act, through the sign-in', async ({
	page,
	browser,
}) => {
	const { text, link } = await reminderAbout(page, demo.participant1, 'study milestone');
	expect(text).toMatch(/due on \w{3} \d{1,2} \w{3} \d{4} \((tomorrow|today|in \d+ days)\)/);
	expect(link.pathname + link.hash).toBe('/study#milestones');

	const context = await browser.newContext();
	const reader = await context.newPage();
	await reader.goto(link.pathname + link.hash);
	await expect(reader).toHaveURL(/\/login\?next=/);
	await submitSignIn(reader, demo.participant1);
	await expect(reader).toHaveURL(/\/study/);
	await expect(reader.getByRole('heading', { name: 'Milestones', exact: true })).toBeVisible();
	await context.close();
});

test('the mentor’s reminder of a report version links to the report’s decision page', async ({
	page,
	browser,
}) => {
	const { link } = await reminderAbout(page, demo.mentor, 'waits for a decision');
	const context = await browser.newContext();
	const mentor = await context.newPage();
	await signIn(mentor, demo.mentor);
	await mentor.goto(link.pathname);
	await expect(mentor.getByRole('heading', { level: 1 })).toContainText(/report of/i);
	await expect(mentor.getByRole('button', { name: /accept/i }).first()).toBeVisible();
	await context.close();
});
