/**
 * The course's measuring machinery as people use it: the pre-test on day 1, a module's
 * knowledge check with JavaScript off, the post-test on day 5 and the gain it shows, the
 * facilitator notes, and the end-of-week evaluation.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { demo, expectAccessible, signIn, signOut, sqlOnServerDb } from './fixtures';

// Whole tests and several accessibility scans per journey, on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

type Item = { question: string; options: string[]; answer: number };
const root = new URL('../../', import.meta.url).pathname;
const testItems = (name: string): Item[] =>
	(parse(readFileSync(`${root}content/assessments/${name}.yaml`, 'utf8')) as { items: Item[] })
		.items;
const moduleQuiz = (id: string): Item[] => {
	const text = readFileSync(`${root}content/modules/${id}.mdx`, 'utf8');
	return (parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as { quiz: Item[] }).quiz;
};

/** Ticks, in each question's fieldset, the option `pick` chooses (by its text, wherever it was shown). */
async function answer(page: Page, items: Item[], pick: (item: Item, i: number) => number) {
	const fieldsets = page.locator('main form fieldset');
	await expect(fieldsets).toHaveCount(items.length);
	for (const [i, item] of items.entries())
		await fieldsets.nth(i).getByLabel(item.options[pick(item, i)]!, { exact: true }).check();
}
const wrong = (item: Item) => (item.answer + 1) % item.options.length;
const right = (item: Item) => item.answer;

test('pre-test on day 1, then post-test on day 5: the participant and the mentor see the gain', async ({
	page,
}) => {
	await signIn(page, demo.participant3);
	await page.goto('/curriculum');
	await page.getByRole('link', { name: 'pre-test' }).click();
	await expect(page.getByRole('heading', { name: 'Pre-test (day 1)' })).toBeVisible();
	await expectAccessible(page);
	await answer(page, testItems('pre-test'), wrong);
	await page.getByRole('button', { name: 'Submit the pre-test' }).click();
	await expect(page.getByText('You scored 0 of 28.')).toBeVisible();
	await expect(page.getByText('Why:', { exact: true })).toHaveCount(28);
	await expectAccessible(page);
	// Taken once: coming back shows the result, not the form.
	await page.goto('/curriculum/pre-test');
	await expect(page.getByText(/You took the pre-test: 0 of 28\. It is taken once\./)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Submit the pre-test' })).toHaveCount(0);

	await page.goto('/curriculum/post-test');
	await answer(page, testItems('post-test'), right);
	await page.getByRole('button', { name: 'Submit the post-test' }).click();
	await expect(page.getByText('You scored 28 of 28.')).toBeVisible();
	const gains = page.getByRole('table', { name: 'Your results by topic' });
	await expect(
		gains.getByRole('row', { name: /2 The WCO and the CEN applications/ }),
	).toContainText('0%100%+100 points');
	await expect(gains.getByText('+100 points')).toHaveCount(6);
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, demo.mentor);
	await page.goto('/progress/assessments');
	await expect(
		page
			.getByRole('table', { name: /^Cohort mean/ })
			.getByRole('row', { name: /5 Challenges at home and recommendations/ }),
	).toContainText('+100');
	await expectAccessible(page);

	// Item statistics: the pre-test's items now have answers; share right is shown per question.
	await page.goto('/curriculum/facilitator');
	await page.getByRole('link', { name: 'item statistics' }).click();
	await expect(page.getByRole('heading', { name: 'Item statistics', level: 1 })).toBeVisible();
	const preItems = page.getByRole('table', { name: /^Pre-test: share right/ });
	await expect(preItems.getByRole('row')).toHaveCount(testItems('pre-test').length + 1);
	await expect(preItems.getByRole('row').nth(1)).toContainText(/\d+%/);
	await expectAccessible(page);
});

// axe-core needs JavaScript: the same pages are scanned with it on in the mentor's test below.
test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a participant takes a module’s knowledge check and gets every explanation', async ({
		page,
	}) => {
		const id = 'wco-and-rilo-network';
		const quiz = moduleQuiz(id);
		// Start from no attempt, whatever the demo seed recorded for this module.
		await sqlOnServerDb('delete from quiz_attempt where user_id = ? and module_id = ?', [
			'demopart0003',
			id,
		]);
		await signIn(page, demo.participant3);
		await page.goto(`/curriculum/${id}`);
		await page.getByRole('link', { name: 'Take the knowledge check' }).click();
		await expect(page).toHaveURL(`/curriculum/${id}/check`);
		await expect(page.getByText('No attempt yet.')).toBeVisible();
		// All right but the first question.
		await answer(page, quiz, (item, i) => (i === 0 ? wrong(item) : right(item)));
		await page.getByRole('button', { name: 'Check my answers' }).click();
		const n = quiz.length;
		await expect(page.getByText(`You scored ${n - 1} of ${n}: passed.`)).toBeVisible();
		await expect(page.getByText(/This was your first attempt/)).toBeVisible();
		await expect(page.getByText('✗ Not quite.')).toHaveCount(1);
		await expect(page.getByText('Why:', { exact: true })).toHaveCount(n);

		await page.getByRole('link', { name: 'Try again (new order)' }).click();
		await expect(page.getByText(`First attempt: ${n - 1} of ${n}`)).toBeVisible();
		await answer(page, quiz, right);
		await page.getByRole('button', { name: 'Check my answers' }).click();
		await expect(page.getByText(`You scored ${n} of ${n}: passed.`)).toBeVisible();
		await page.getByRole('link', { name: 'Try again (new order)' }).click();
		await expect(page.getByText(`First attempt: ${n - 1} of ${n}`)).toBeVisible();
		await expect(page.getByText(`Best: ${n} of ${n} (2 attempts)`)).toBeVisible();
	});

	test('a signed-out reader can try a check; nothing is recorded and the page says so', async ({
		page,
	}) => {
		await page.goto('/curriculum/ncen-and-icomm/check');
		await expect(page.getByText(/nothing is recorded/)).toBeVisible();
		const quiz = moduleQuiz('ncen-and-icomm');
		await answer(page, quiz, right);
		await page.getByRole('button', { name: 'Check my answers' }).click();
		await expect(page.getByText('Not recorded: you are not signed in.')).toBeVisible();
	});
});

test('facilitator notes: mentors read them, participants get a 404', async ({ page }) => {
	await signIn(page, demo.mentor);
	// A mentor may try the check (nothing recorded); the page and its results are accessible.
	await page.goto('/curriculum/data-cleaning-and-quality/check');
	await expect(page.getByText(/attempts are recorded for participants only/)).toBeVisible();
	await expectAccessible(page);
	await answer(page, moduleQuiz('data-cleaning-and-quality'), right);
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(
		page.getByText(/Not recorded: attempts are recorded for participants only\./),
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Facilitator notes' }).first().click();
	await expect(page).toHaveURL('/curriculum/data-cleaning-and-quality/facilitator');
	await page.goto('/curriculum/facilitator');
	await page.getByRole('link', { name: 'Data cleaning and data quality', exact: true }).click();
	await expect(
		page.getByRole('heading', { name: /^Facilitator notes: Data cleaning/ }),
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Common mistakes' })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);
	await signIn(page, demo.participant2);
	for (const url of [
		'/curriculum/facilitator',
		'/curriculum/data-cleaning-and-quality/facilitator',
	])
		expect((await page.request.get(url)).status(), url).toBe(404);
});

test('for the people who deliver it: a mentor opens notes, a rubric and the timetable; a participant is refused', async ({
	page,
}) => {
	// Three pages scanned for accessibility and five refused URLs: a long journey on a loaded machine.
	test.setTimeout(360_000);
	await signIn(page, demo.mentor);
	await page.goto('/curriculum/facilitator');
	await expectAccessible(page);
	// Every module has notes: no "(no notes yet)" left in the list.
	await expect(page.getByText('(no notes yet)')).toHaveCount(0);
	await page
		.getByRole('link', { name: 'Legal basis and handling of information exchange', exact: true })
		.click();
	await expect(page).toHaveURL('/curriculum/information-exchange-legal-basis/facilitator');
	for (const heading of [
		'Timing (65 minutes)',
		'Discussion prompts',
		'Common mistakes',
		'Model answer',
	])
		await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
	await expect(page.getByRole('table').last()).toContainText('TLP:AMBER partner report');
	await expectAccessible(page);

	await page.goto('/curriculum/facilitator');
	await page.getByRole('link', { name: 'The alert', exact: true }).click();
	await expect(page).toHaveURL('/curriculum/facilitator/rubrics/alert');
	await expect(page.getByRole('heading', { name: 'Rubric: The alert' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Feedback request/ })).toContainText(
		'None: impact cannot be measured',
	);
	await expectAccessible(page);

	await page.goto('/curriculum/facilitator');
	await page.getByRole('link', { name: 'Timetable of the training week' }).click();
	await expect(page).toHaveURL('/curriculum/facilitator/timetable');
	const day1 = page.getByRole('table', { name: /Day 1 sessions/ });
	await expect(day1.getByRole('row').nth(1)).toContainText(
		/09:00–09:45\s*Welcome, introductions and the pre-test/,
	);
	await expect(page.getByRole('table', { name: /Day 5 sessions/ })).toContainText('Post-test');
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, demo.participant2);
	for (const url of [
		'/curriculum/facilitator',
		'/curriculum/facilitator/timetable',
		'/curriculum/facilitator/item-statistics',
		'/curriculum/facilitator/rubrics/alert',
		'/curriculum/facilitator/rubrics/final-report',
		'/curriculum/information-exchange-legal-basis/facilitator',
	])
		expect((await page.request.get(url)).status(), url).toBe(404);
});

test('a participant opens a module’s handout and a job aid, both ready to print', async ({
	page,
}) => {
	await signIn(page, demo.participant2);
	// Handouts and job aids are theirs: printable, with the site's header left off the paper.
	await page.goto('/curriculum/descriptive-and-trend-analysis');
	await page.getByRole('link', { name: 'printable handout' }).click();
	await expect(page.getByRole('heading', { name: /^Handout: Descriptive/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Exercise: Compare two ports/ })).toBeVisible();
	await expect(
		page.getByText("Self-check: Port A's first-half growth is about 23%."),
	).toBeVisible();
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('body > header')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await page.goto('/curriculum/job-aids');
	await page.getByRole('link', { name: 'The 4x4 card' }).click();
	await expect(page.getByRole('row', { name: /^X / })).toContainText('cannot be assessed');
	await expectAccessible(page);
});

test('the cohort matrix shows each participant’s first attempt and best score against the pass mark', async ({
	page,
}) => {
	await signIn(page, demo.mentor);
	await page.goto('/cohort');
	const matrix = page.getByRole('table', {
		name: /knowledge-check scores \(first attempt and best\)/,
	});
	const names = await matrix.getByRole('columnheader').allInnerTexts();
	const mara = names.indexOf('Mara Santos');
	expect(mara).toBeGreaterThan(0);
	// The demo's Mara Santos failed her first CEN check (4 of 6) and passed on the retry.
	const row = matrix.getByRole('row', { name: /The CEN database and data quality/ });
	await expect(row.getByRole('rowheader')).toContainText('pass mark 5');
	await expect(row.getByRole('cell').nth(mara - 1)).toHaveText(
		/complete\s*first 4\/6 fail\s*best 6\/6 pass · 2 attempts/,
	);
	// Where the first attempt was the best, both say so.
	await expect(
		matrix
			.getByRole('row', { name: /Alert intelligence products/ })
			.getByRole('cell')
			.nth(mara - 1),
	).toHaveText(/first 5\/6 pass\s*best 5\/6 pass · 1 attempt$/);
	await expectAccessible(page);
});

test('the course evaluation is saved, copied into the report, and anonymised for the office', async ({
	page,
}) => {
	await signIn(page, demo.participant2);
	await page.goto('/curriculum/evaluation');
	await expectAccessible(page);
	const alerts = page.getByRole('group', { name: 'Alert intelligence', exact: true });
	await alerts.getByLabel('4 · very good').check();
	await alerts.getByLabel(/^Comment/).fill('The alert checklist is what I needed.');
	await page.getByRole('button', { name: 'Save my evaluation' }).click();
	await expect(page.getByText(/Your evaluation is saved \(1 item answered\)/)).toBeVisible();
	await expect(alerts.getByLabel('4 · very good')).toBeChecked();
	await page.getByRole('button', { name: 'Copy into my report' }).click();
	await expect(page.getByText(/Copied into the evaluation section of your report/)).toBeVisible();
	await page.goto('/report');
	await expect(
		page.getByText(/Alert intelligence: 4 of 5 — The alert checklist is what I needed\./).first(),
	).toBeAttached();
	await signOut(page);

	// The demo has three participants' answers on each day: shown; one answer on this module: not.
	await signIn(page, demo.admin);
	await page.goto('/curriculum/evaluation/results?cohort=democohort01');
	const table = page.getByRole('table', { name: 'Ratings per day and module' });
	const day2 = table.getByRole('row', { name: /^Day 2: The CEN suite/ }).getByRole('cell');
	await expect(day2.nth(0)).toHaveText('3'); // ratings
	await expect(day2.nth(1)).toHaveText('4'); // mean of 5, 3 and 4
	await expect(table.getByRole('row', { name: /^Alert intelligence \d/ })).toContainText(
		'not shown',
	);
	await expect(
		page.getByText('CENcomm practice was the most useful part of the week.'),
	).toBeVisible();
	await expect(page.getByText('The alert checklist is what I needed.')).toHaveCount(0);
	await expectAccessible(page);
});
