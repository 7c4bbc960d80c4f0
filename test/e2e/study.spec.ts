import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn, signOut, sqlOnServerDb, submitSignIn } from './fixtures';

test('a participant plans the study, a mentor comments, other participants get 404', async ({
	page,
}) => {
	const question = `Which alert indicators find precursors in postal flows? ${Date.now()}`;
	await signIn(page, demo.participant1);
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Thematic study' })).toBeVisible();
	await expectAccessible(page);

	// The plan: a missing question is refused beside its field, and the title is kept.
	const plan = page.locator('#plan');
	await plan.getByLabel('Title', { exact: true }).fill('Postal alerts on precursor chemicals');
	await plan.getByLabel('Research question').fill('');
	await plan.getByRole('button', { name: 'Save plan' }).click();
	await expect(page.locator('#plan-question-error')).toHaveText('State your research question.');
	await expect(plan.getByLabel('Title', { exact: true })).toHaveValue(
		'Postal alerts on precursor chemicals',
	);
	await expectAccessible(page);
	await plan.getByLabel('Research question').fill(question);
	await plan.getByLabel('Scope').fill('Postal and express consignments, 2024–2026.');
	await plan.getByLabel('Method').fill('Trend analysis of CEN seizure records.');
	await plan.getByLabel('Expected outputs').fill('- a risk indicator list\n- an alert template');
	await plan.getByRole('button', { name: 'Save plan' }).click();
	await expect(page.locator('#plan').getByRole('status')).toHaveText('Plan saved.');
	await expect(page.locator('#plan').getByLabel('Research question')).toHaveValue(question);

	// A source, graded on the 4x4 scale.
	const sources = page.locator('#sources');
	await expect(sources).toContainText('4x4');
	await sources.getByLabel('Citation').fill('WCO Illicit Trade Report 2024');
	await sources.getByLabel('Link (optional)').fill('https://www.wcoomd.org/');
	await sources.getByLabel('How reliable you judge the source').selectOption('B');
	await sources.getByLabel('Notes (optional)').fill('Annual figures by region.');
	await sources.getByRole('button', { name: 'Add source' }).click();
	await expect(page.locator('#sources').getByRole('status')).toHaveText('Source added.');
	const row = page.locator('#sources tr').filter({ hasText: 'WCO Illicit Trade Report 2024' });
	await expect(row).toContainText('B — usually reliable');

	// A milestone already past its due day stands out as overdue, in words.
	const milestones = page.locator('#milestones');
	await milestones.getByLabel('Milestone', { exact: true }).fill('Sources reviewed');
	await milestones.getByLabel('Due on').fill('2020-01-15');
	await milestones.getByRole('button', { name: 'Add milestone' }).click();
	const item = page.getByRole('listitem').filter({ hasText: 'Sources reviewed' });
	await expect(item).toContainText(/Overdue by \d+ days/);
	await expect(page.getByText(/\d+ milestones? (is|are) overdue\./)).toBeVisible();
	await expectAccessible(page);

	// The paper: a new section at the end, then its text.
	await page.getByRole('link', { name: 'Open the research paper' }).click();
	await expectAccessible(page);
	await page.getByLabel('Section title').fill('Postal flows');
	await page.getByRole('button', { name: 'Add section' }).click();
	const added = page.locator('section', {
		has: page.getByRole('heading', { level: 2, name: /^\d+\. Postal flows$/ }),
	});
	await expect(added.getByRole('status')).toHaveText('Section added. Write its text below.');
	await added.getByLabel('Text of “Postal flows”').fill('Postal flows carry **small** parcels.');
	await added.getByRole('button', { name: 'Save section' }).click();
	await expect(page.getByRole('status')).toHaveText('Section saved.');
	await expect(page.getByLabel('Text of “Postal flows”')).toHaveValue(
		'Postal flows carry **small** parcels.',
	);
	await expectAccessible(page);
	await signOut(page);

	// The mentor reads the study from the participant's review page and comments on the plan.
	await signIn(page, demo.mentor);
	await page.goto('/cohort');
	await page.getByRole('link', { name: 'Mara Santos' }).first().click();
	await page.getByRole('link', { name: 'Thematic study', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Postal alerts on precursor chemicals',
	);
	await expect(page.locator('#plan')).toContainText(question);
	await expect(page.locator('#paper')).toContainText('Postal flows carry small parcels.');
	await expect(page.getByRole('button', { name: 'Save plan' })).toHaveCount(0);
	await expectAccessible(page);
	const studyUrl = page.url().split('?')[0]!.split('#')[0]!;
	await page.locator('#plan').getByRole('button', { name: 'Add comment' }).click();
	await expect(page.locator('#comments-plan-error')).toHaveText('Write a comment first.');
	await page
		.locator('#plan')
		.getByLabel('Add a comment on the plan')
		.fill('Narrow the period to 2025 to keep it manageable.');
	await page.locator('#plan').getByRole('button', { name: 'Add comment' }).click();
	await expect(page.locator('#comments-plan').getByRole('status')).toHaveText('Comment added.');
	await expectAccessible(page);
	await signOut(page);

	// The participant is told, and sees the comment on their plan.
	await signIn(page, demo.participant1);
	await page.goto('/notifications');
	await page
		.getByRole('link', { name: /commented on the plan of your thematic study/ })
		.first()
		.click();
	await expect(page.locator('#comments-plan')).toContainText(
		'Narrow the period to 2025 to keep it manageable.',
	);
	await expectAccessible(page);
	await signOut(page);

	// Another participant: the study is a 404, as is anything not theirs.
	await signIn(page, demo.participant2);
	expect((await page.goto(studyUrl))?.status()).toBe(404);
	await page.goto('/study');
	await expect(page.locator('#plan').getByLabel('Research question')).not.toHaveValue(question);
	await expectAccessible(page);
	await signOut(page);

	// An admin reads it without comment forms.
	await signIn(page, demo.admin);
	await page.goto(studyUrl);
	await expect(page.locator('#plan')).toContainText(question);
	await expect(page.getByRole('button', { name: 'Add comment' })).toHaveCount(0);
	await expectAccessible(page);
});

test('two tabs, edits and deletions: nothing typed is lost, nothing is deleted unconfirmed', async ({
	browser,
}) => {
	const context = await browser.newContext();
	const tabA = await context.newPage();
	await signIn(tabA, demo.participant4);
	const tabB = await context.newPage();
	await tabA.goto('/study');
	await tabB.goto('/study');

	// The plan from two tabs: the second save is refused and shows both texts.
	await tabA.locator('#plan').getByLabel('Title', { exact: true }).fill('Tab A title');
	await tabA.locator('#plan').getByLabel('Research question').fill('Question from tab A');
	await tabA.getByRole('button', { name: 'Save plan' }).click();
	await expect(tabA.locator('#plan').getByRole('status')).toHaveText('Plan saved.');
	await tabB.locator('#plan').getByLabel('Title', { exact: true }).fill('Tab B title');
	await tabB.locator('#plan').getByLabel('Research question').fill('Question from tab B');
	await tabB.getByRole('button', { name: 'Save plan' }).click();
	await expect(tabB.getByRole('alert')).toContainText('changed elsewhere');
	await expect(tabB.getByRole('region', { name: /saved version/ })).toContainText(
		'Question from tab A',
	);
	await expect(tabB.locator('#plan').getByLabel('Research question')).toHaveValue(
		'Question from tab B',
	);
	await expectAccessible(tabB);
	await tabB.getByRole('button', { name: 'Save my text over the saved version' }).click();
	await expect(tabB.locator('#plan').getByRole('status')).toHaveText('Plan saved.');
	await expect(tabB.locator('#plan').getByLabel('Research question')).toHaveValue(
		'Question from tab B',
	);

	// An agreed activity, then its status and outcome.
	const page = tabB;
	const activities = page.locator('#activities');
	await activities.getByLabel('What', { exact: true }).fill('Joint alert on postal precursors');
	await activities.getByRole('button', { name: 'Propose activity' }).click();
	await expect(page.locator('#activities').getByRole('status')).toHaveText(
		'Activity proposed. Whether each of the three parties agrees shows below the table.',
	);
	// Proposing is the participant's agreement; it is listed as proposed, not as agreed, until the
	// other two agree.
	const proposed = activities.getByRole('table', { name: /proposed and not yet agreed/ });
	await expect(
		proposed.getByRole('row').filter({ hasText: 'Joint alert on postal precursors' }),
	).toContainText('Waiting for agreement');
	await expect(
		activities
			.getByRole('table', { name: /all three parties agreed/ })
			.getByText('Joint alert on postal precursors'),
	).toHaveCount(0);
	await expect(
		activities
			.locator('.card')
			.filter({ hasText: 'Joint alert on postal precursors' })
			.getByRole('listitem')
			.filter({ hasText: 'Participant:' }),
	).toContainText('agreed by');
	await page.getByRole('link', { name: /^Update activity: Joint alert/ }).click();
	await page.locator('#activity-form').getByLabel('Status').selectOption('done');
	await page.locator('#activity-form').getByLabel('Outcome (optional)').fill('Alert issued.');
	await page.getByRole('button', { name: 'Save update' }).click();
	const row = page.getByRole('row').filter({ hasText: 'Joint alert on postal precursors' });
	await expect(row).toContainText('Done');
	await expect(row).toContainText('Alert issued.');
	await expectAccessible(page);

	// A source changed, then deleted only once the box is ticked.
	const sources = page.locator('#sources');
	await sources.getByLabel('Citation').fill('Regional seizure bulletin');
	await sources.getByLabel('How reliable you judge the source').selectOption('A');
	await sources.getByRole('button', { name: 'Add source' }).click();
	await page.getByRole('link', { name: /^Edit source: Regional seizure bulletin/ }).click();
	await page.getByLabel('How reliable you judge the source').selectOption('C');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(
		page.getByRole('row').filter({ hasText: 'Regional seizure bulletin' }),
	).toContainText('C — fairly reliable / not usually reliable');
	await page.getByRole('link', { name: /^Edit source: Regional seizure bulletin/ }).click();
	await page.getByRole('button', { name: 'Delete source' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tick the box to confirm.');
	await expectAccessible(page);
	await page.getByLabel('Yes, delete this source and its notes').check();
	await page.getByRole('button', { name: 'Delete source' }).click();
	await expect(page.locator('#sources').getByRole('status')).toHaveText('Source deleted.');
	await expect(
		page.locator('#sources tr').filter({ hasText: 'Regional seizure bulletin' }),
	).toHaveCount(0);

	// A milestone not yet due, then done.
	const milestones = page.locator('#milestones');
	await milestones.getByLabel('Milestone', { exact: true }).fill('Draft paper to mentor');
	await milestones.getByLabel('Due on').fill('2099-01-15');
	await milestones.getByRole('button', { name: 'Add milestone' }).click();
	const item = page.getByRole('listitem').filter({ hasText: 'Draft paper to mentor' });
	await expect(item).toContainText('Open');
	await item.getByRole('button', { name: /^Mark done/ }).click();
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Draft paper to mentor' }),
	).toContainText('Done');

	// Paper sections: add, reorder, rename, edit from two tabs, delete with confirmation.
	await page.goto('/study/paper');
	// The demo study may already have sections: count from where they end.
	const before = await page.getByRole('heading', { level: 2, name: /^\d+\. / }).count();
	const n = (k: number) => `${before + k}.`;
	for (const [i, title] of ['Data', 'Background'].entries()) {
		await page.getByLabel('Section title').fill(title);
		await page.getByRole('button', { name: 'Add section' }).click();
		await expect(
			page.getByRole('heading', { level: 2, name: `${n(i + 1)} ${title}` }),
		).toBeVisible();
	}
	await page.getByRole('button', { name: 'Move up “Background”' }).click();
	await expect(page.getByRole('heading', { level: 2, name: `${n(1)} Background` })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: `${n(2)} Data` })).toBeVisible();
	await page.locator('summary', { hasText: 'Rename “Data”' }).click();
	await page.getByLabel('New title').last().fill('Data and method');
	await page.getByRole('button', { name: 'Rename section' }).last().click();
	await expect(
		page.getByRole('heading', { level: 2, name: `${n(2)} Data and method` }),
	).toBeVisible();
	const background = (tab: typeof page) =>
		tab.locator('section', {
			has: tab.getByRole('heading', { level: 2, name: `${n(1)} Background` }),
		});

	await tabA.goto('/study/paper');
	await tabA.getByLabel('Text of “Background”').fill('Background from tab A');
	await background(tabA).getByRole('button', { name: 'Save section' }).click();
	await expect(tabA.getByRole('status')).toHaveText('Section saved.');
	await page.getByLabel('Text of “Background”').fill('Background from tab B');
	await background(page).getByRole('button', { name: 'Save section' }).click();
	await expect(page.getByRole('alert')).toContainText('changed elsewhere');
	await expect(page.getByRole('region', { name: /saved version/ })).toContainText(
		'Background from tab A',
	);
	await expect(page.getByLabel('Text of “Background”')).toHaveValue('Background from tab B');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Save my text over the saved version' }).click();
	await expect(page.getByLabel('Text of “Background”')).toHaveValue('Background from tab B');

	await page.locator('summary', { hasText: 'Delete… “Background”' }).click();
	await background(page).getByRole('button', { name: 'Delete section' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tick the box to confirm.');
	await expectAccessible(page);
	await background(page).getByLabel('Yes, delete this section').check();
	await background(page).getByRole('button', { name: 'Delete section' }).click();
	await expect(page.getByRole('status')).toHaveText('Section deleted.');
	await expect(
		page.getByRole('heading', { level: 2, name: `${n(1)} Data and method` }),
	).toBeVisible();
	await context.close();
});

test('findings typed when the session ends come back after signing in again', async ({ page }) => {
	await signIn(page, demo.participant3);
	await page.goto('/study');
	const text = `Most consignments are declared as samples ${Date.now()}`;
	await page.getByLabel('Findings notes').fill(text);
	await sqlOnServerDb(
		'update auth_session set expires_at = 0 where user_id = (select id from user where email = ?)',
		[demo.participant3],
	);
	await page.getByRole('button', { name: 'Save findings' }).click();
	await expect(page).toHaveURL(/\/login\?expired/);
	await submitSignIn(page, demo.participant3);
	await expect(page).toHaveURL(/\/study\?restore=/);
	await expect(page.getByText('Here is what you typed')).toBeVisible();
	await expect(page.getByLabel('Findings notes')).toHaveValue(text);
	await page.getByRole('button', { name: 'Save findings' }).click();
	await expect(page.locator('#findings').getByRole('status')).toHaveText('Findings saved.');
	await expect(page.getByLabel('Findings notes')).toHaveValue(text);
});
