/**
 * The participant's daily loop: the to-do list on the dashboard and where each item leads, the
 * logbook form with and without JavaScript, and the one-time messages after saving.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, openAs, queryServerDb, signIn, watchConsole } from './fixtures';
import { describeWithoutJavaScript } from './without-javascript';

const todo = (page: Page) => page.getByRole('region', { name: 'To do' }).getByRole('listitem');

test.describe('the to-do list', () => {
	test('shows participant 1 what waits, most urgent first, each linking to where to act', async ({
		page,
	}) => {
		await openAs(page, demo.participant1, '/dashboard');
		await expect(page.getByRole('heading', { name: 'To do' })).toBeVisible();
		await expectAccessible(page);
		const items = todo(page);
		const texts = await items.allTextContents();
		// The demo: an entry returned for changes, a draft, unread comments and the deadlines.
		const returned = texts.findIndex((t) => /asked for changes to “Monthly trend chart/.test(t));
		const draft = texts.findIndex((t) => /draft “Report outline: first pass/.test(t));
		const comments = texts.findIndex((t) => /comments? you have not read/.test(t));
		const report = texts.findIndex((t) => /Final report: send it/.test(t));
		expect(returned, texts.join('\n')).toBe(0);
		expect(draft).toBeGreaterThan(returned);
		expect(comments).toBeGreaterThan(returned);
		expect(report).toBeGreaterThan(draft);
		await expect(items.first()).toContainText('Overdue');

		const links = await items
			.getByRole('link')
			.evaluateAll((as) =>
				as.map((a) => ({ text: a.textContent!.trim(), href: a.getAttribute('href')! })),
			);
		for (const link of links) {
			const res = await page.goto(link.href);
			expect(res?.status(), `${link.text} → ${link.href}`).toBe(200);
		}

		// The returned entry: the mentor's request and follow-up are there, and it can be changed.
		await page.goto('/dashboard');
		await items.nth(returned).getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Monthly trend chart');
		await expect(page.getByText('Changes requested', { exact: true })).toBeVisible();
		await expect(page.getByText(/mark the last two months as provisional/)).toBeVisible();
		await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Submit again for review' })).toBeVisible();
		await expectAccessible(page);

		// The draft: it can be submitted from where the link leads.
		await page.goto('/dashboard');
		await todo(page)
			.filter({ hasText: /Report outline: first pass/ })
			.getByRole('link')
			.click();
		await expect(page.getByText('Draft', { exact: true })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();
		// Opened plainly: no message about an action that did not just happen.
		await expect(page.getByRole('status')).toHaveCount(0);
	});

	test('a participant who opens an entry with a new mentor comment no longer sees it waiting', async ({
		page,
	}) => {
		await signIn(page, demo.participant1);
		const before = await queryServerDb<{ n: number }>(
			"select count(*) n from notification where user_id = 'demopart0001' and read_at is null and text like '% commented on %'",
		);
		expect(Number(before[0]!.n)).toBeGreaterThan(0);
		const links = await queryServerDb<{ link: string }>(
			"select distinct link from notification where user_id = 'demopart0001' and read_at is null and text like '% commented on %' and link like '/logbook/%'",
		);
		for (const { link } of links) await page.goto(link);
		await page.goto('/dashboard');
		await expect(todo(page).filter({ hasText: /you have not read/ })).toHaveCount(0);
	});
});

describeWithoutJavaScript('the to-do list without JavaScript', () => {
	test('is the same server-rendered list of links', async ({ page }) => {
		await openAs(page, demo.participant1, '/dashboard');
		await expect(todo(page).first()).toBeVisible();
		const hrefs = await todo(page)
			.getByRole('link')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs).toContain('/report#lifecycle');
		expect(hrefs.some((h) => /^\/logbook\/[\w-]+$/.test(h ?? ''))).toBe(true);
	});
});

async function fillValid(page: Page, title: string) {
	await page.getByLabel('Time spent (hours)').fill('2');
	await page.getByLabel('Title').fill(title);
	await page
		.getByLabel('What was done')
		.fill('Ran the **weekly** check.\n\n- cleaned the units\n- <script>alert(1)</script>');
}

test.describe('the logbook form with JavaScript', () => {
	test('the activity list follows the area, networking fields only for area 4, preview, save and submit', async ({
		page,
	}) => {
		const errors = watchConsole(page);
		await openAs(page, demo.participant2, '/logbook/new');
		// A refused save first: the reasons beside the fields, the page still accessible.
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.locator('#field-summary-error')).toHaveText('Say what was done.');
		await expect(page.getByRole('alert')).toContainText(/Please correct the \d+ fields/);
		await expectAccessible(page);
		const activity = page.getByLabel('Activity', { exact: true });
		const networking = page.getByRole('group', { name: /Only for networking/ });
		await expect(networking).toBeHidden();
		await page.getByLabel('Area').selectOption('4');
		await expect(networking).toBeVisible();
		const options = await activity
			.locator('option')
			.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		expect(options).toEqual(['', 'bilateral-online', 'event', 'visit', 'other']);
		await activity.selectOption('event');
		await page.getByLabel('Area').selectOption('2');
		await expect(networking).toBeHidden();
		await expect(activity).toHaveValue(''); // an activity of another area is not kept
		await expect(activity.locator('option[value="cen-search"]')).toHaveCount(1);
		await expect(activity.locator('option[value="event"]')).toHaveCount(0);
		await activity.selectOption('cen-search');
		const title = `Weekly CEN check ${Date.now()}`;
		await fillValid(page, title);
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Preview' }).click();
		const preview = page.getByRole('region', { name: /Preview/ });
		await expect(preview.locator('strong', { hasText: 'weekly' })).toBeVisible();
		await expect(preview.getByRole('listitem').first()).toHaveText('cleaned the units');
		await expect(page.getByLabel('Title')).toHaveValue(title);
		await expect(activity).toHaveValue('cen-search');
		await expectAccessible(page);
		expect(
			await queryServerDb('select id from log_entry where title = ?', [title]),
			'preview saves nothing',
		).toEqual([]);

		await page.getByRole('button', { name: 'Save and submit' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(page.getByRole('status')).toHaveText(
			'Submitted for review. Your mentors have been notified.',
		);
		await expect(page.getByText('Submitted — awaiting review')).toBeVisible();
		// The refused save above is a 400 the browser logs; anything else (a CSP block) is a failure.
		expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
	});
});

describeWithoutJavaScript('the logbook form without JavaScript', () => {
	test('grouped activities, a labelled networking part, a refused mismatch, preview and a draft save', async ({
		page,
	}) => {
		await openAs(page, demo.participant3, '/logbook/new');
		const activity = page.getByLabel('Activity', { exact: true });
		await expect(activity.locator('optgroup')).toHaveCount(4);
		await expect(page.getByRole('group', { name: /Only for networking entries/ })).toBeVisible();
		await expect(page.getByText(/Leave these empty for areas 1–3/)).toBeVisible();

		const title = `No script ${Date.now()}`;
		await page.getByLabel('Area').selectOption('3');
		await activity.selectOption('event'); // a networking activity, area 3 chosen
		await fillValid(page, title);
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.locator('#field-activity-error')).toHaveText(
			/belongs to another area: choose one of \(3\) Data analysis/,
		);
		await expect(page.getByRole('alert')).toContainText('belongs to another area');
		await expect(page.getByLabel('Title')).toHaveValue(title);

		await activity.selectOption('trend-analysis');
		await page.getByRole('button', { name: 'Preview' }).click();
		await expect(
			page.getByRole('region', { name: /Preview/ }).locator('strong', { hasText: 'weekly' }),
		).toBeVisible();
		await expect(page.locator('#preview script')).toHaveCount(0);

		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Draft saved');
		await expect(page.getByRole('status')).not.toContainText('Submitted');
		await expect(page.getByText('Draft', { exact: true })).toBeVisible();
	});
});

test.describe('one-time messages', () => {
	test('after a draft save, after a submit, and nothing on a plain open', async ({ page }) => {
		await openAs(page, demo.participant4, '/logbook/new');
		await page.getByLabel('Area').selectOption('1');
		await page.getByLabel('Activity', { exact: true }).selectOption('briefing');
		const title = `Flash check ${Date.now()}`;
		await fillValid(page, title);
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'Draft saved. It stays a draft until you submit it for review.',
		);
		const plain = page.url().split('?')[0]!;
		await page.goto(plain);
		await expect(page.getByRole('status')).toHaveCount(0);
		await page.getByRole('button', { name: 'Submit for review' }).click();
		await expect(page.getByRole('status')).toHaveText(
			'Submitted for review. Your mentors have been notified.',
		);
		await page.goto(plain);
		await expect(page.getByRole('status')).toHaveCount(0);
		// An old approved entry opened plainly says nothing either.
		const [approved] = await queryServerDb<{ id: string }>(
			"select id from log_entry where status = 'approved' limit 1",
		);
		await page.context().clearCookies();
		await openAs(page, demo.mentor, `/logbook/${approved!.id}`);
		await expect(page.getByRole('status')).toHaveCount(0);
		await expect(page.getByText('Submitted for review')).toHaveCount(0);
	});
});
