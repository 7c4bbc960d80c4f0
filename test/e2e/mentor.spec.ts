/**
 * The mentor's day and the admin's setup: the cohort page (reasons, sorting, CSV), the review
 * queue (filter, request changes without a comment, reviewed today with undo), inviting by
 * Member administration, and the audit log as sentences.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	demo,
	expectAccessible,
	openAs,
	queryServerDb,
	signIn,
	signOut,
	sqlOnServerDb,
} from './fixtures';
import { describeWithoutJavaScript } from './without-javascript';

const participants = ['Mara Santos', 'Tevita Lolo', 'Nguyen Thi Lan', 'Arjun Mehta'];

/** The participant names in the order of the cohort table's columns. */
async function columnOrder(page: Page): Promise<string[]> {
	const headers = page.getByRole('table').first().locator('thead th a');
	return (await headers.allInnerTexts()).map((t) => t.trim());
}

test('the mentor’s cohort page: every participant with reasons, sorting and CSV export', async ({
	page,
}) => {
	// A long journey with several accessibility scans: give it room on a busy machine.
	test.slow();
	await signIn(page, demo.mentor);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Cohort' })
		.click();
	await expect(page).toHaveURL(/\/cohort$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Cohort · Demo edition');
	await expect(page.getByRole('heading', { name: 'Your review backlog' })).toBeVisible();
	await expect(page.locator('#backlog-h + p')).toContainText(/wait.? for your review/);
	const table = page.getByRole('table').first();
	for (const name of participants) await expect(table).toContainText(name);
	// Reasons are words, not colours: at least one participant is behind, and says why.
	await expect(table).toContainText(/Behind: \d+ reasons?/);
	await expect(table.locator('li[data-rule]').first()).not.toBeEmpty();
	await expectAccessible(page);

	// Sorting by name, then the other way round, through plain links.
	const sortBy = page.getByRole('navigation', { name: 'Order participants by' });
	await sortBy.getByRole('link', { name: 'Participant', exact: true }).click();
	await expect(page).toHaveURL(/sort=name&dir=asc/);
	expect(await columnOrder(page)).toEqual([...participants].sort());
	await sortBy.getByRole('link', { name: /^Participant/ }).click();
	await expect(page).toHaveURL(/sort=name&dir=desc/);
	expect(await columnOrder(page)).toEqual([...participants].sort().reverse());

	// CSV export: one line per participant, the reasons included.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export as CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^cohort-Demo-edition-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = readFileSync((await file.path())!, 'utf8');
	const lines = csv.trim().split(/\r?\n/);
	expect(lines[0]).toContain('participant,administration,modules_done');
	expect(lines).toHaveLength(1 + participants.length);
	for (const name of participants) expect(csv).toContain(name);
	expect(csv).toMatch(/behind the day plan|overdue|missed|No logbook entry|below half/);

	// The old pages now lead here.
	await page.goto('/progress');
	await expect(page).toHaveURL(/\/cohort$/);
	await page.goto('/review/cohort');
	await expect(page).toHaveURL(/\/cohort$/);
});

test('review queue: filter, request changes without a comment, reviewed today with undo', async ({
	page,
}) => {
	// A long journey with several accessibility scans: give it room on a busy machine.
	test.slow();
	await openAs(page, demo.mentor, '/review');
	await expectAccessible(page);
	// Filter by participant and area; the URL carries the filter.
	await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Mara Santos' });
	await page.getByRole('button', { name: 'Apply filter' }).click();
	await expect(page).toHaveURL(/participant=demopart0001/);
	const items = page.locator('#queue ~ ol > li');
	const count = await items.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++)
		await expect(items.nth(i).locator('p.hint').first()).toContainText('Mara Santos');
	await page.getByLabel('Marking', { exact: true }).selectOption('restricted');
	await page.getByRole('button', { name: 'Apply filter' }).click();
	await expect(page).toHaveURL(/marking=restricted/);
	await page.getByRole('link', { name: 'Clear the filter' }).click();

	// A long entry is collapsed; "Show all" opens it without JavaScript.
	const details = page.locator('#queue ~ ol details').first();
	if (await details.count()) {
		await details.locator('summary').click();
		await expect(details.getByRole('heading', { name: 'What was done' })).toBeVisible();
	}

	// Request changes without a comment: a sentence beside the field, nothing raw.
	await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Tevita Lolo' });
	await page.getByRole('button', { name: 'Apply filter' }).click();
	const first = items.first();
	const title = (await first.getByRole('heading', { level: 3 }).innerText()).trim();
	await first.getByRole('button', { name: 'Request changes' }).click();
	await expect(page).toHaveURL(/participant=demopart0002/);
	const card = page.locator('#queue ~ ol > li').filter({ hasText: title });
	await expect(card.locator('.field-error')).toHaveText(
		'Say what should change, so the participant knows what to do.',
	);
	await expect(page.getByRole('alert')).toContainText('Not sent back');
	await expect(page.locator('body')).not.toContainText('Failed to validate');
	await expect(page.locator('body')).not.toContainText('"path"');
	await expectAccessible(page);

	// Approve it, find it under "Reviewed today", undo, and it waits again.
	await card.getByRole('button', { name: 'Approve' }).click();
	await expect(page.getByRole('status')).toContainText('Approved.');
	const today = page.locator('section[aria-labelledby="today-h"]');
	const done = today.getByRole('listitem').filter({ hasText: title }).first();
	await expect(done).toContainText('Approved');
	await done.getByRole('button', { name: /^Undo/ }).click();
	await expect(page.getByRole('status')).toContainText('Decision undone');
	await expect(page.locator('#queue ~ ol > li').filter({ hasText: title })).toHaveCount(1);
	// "Reviewed today" agrees: the undone approval is no longer listed as a decision.
	await expect(today.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
	await expectAccessible(page);
});

test('admin invites by Member administration and is refused a second participant of the same one', async ({
	page,
}) => {
	// A long journey with several accessibility scans: give it room on a busy machine.
	test.slow();
	await sqlOnServerDb(
		`insert or ignore into cohort (id, edition, timezone, training_start, training_end, ojt_start, ojt_end,
		departure_date, outline_presentation_date, report_due_date, corrections_until, created_at)
		values ('e2ecohort001', 'Next edition', 'Asia/Tokyo', '2027-11-29', '2027-12-03', '2027-12-06',
		'2027-12-24', '2027-12-25', '2027-12-22', '2028-01-08', '2028-01-25', ?)`,
		[Date.now()],
	);
	await openAs(page, demo.admin, '/admin');
	const invite = async (email: string, administration: string) => {
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Name', { exact: true }).fill('Kaito Sato');
		await page.getByLabel('Role').selectOption('participant');
		await page.getByLabel('Cohort', { exact: true }).selectOption({ label: 'Next edition' });
		await page
			.getByLabel('Member administration (participants and home contacts)')
			.selectOption({ label: administration });
		await page.getByRole('button', { name: 'Create invitation' }).click();
	};
	const first = `kaito-${Date.now()}@customs.example`;
	await invite(first, 'Japan');
	await expect(page.getByRole('status')).toContainText(`Link for ${first} created.`);
	const [row] = await queryServerDb<{ administration_id: string }>(
		"select administration_id from invitation where cohort_id = 'e2ecohort001'",
	);
	expect(row?.administration_id).toBe('wco-ap-japan');

	await page.goto('/admin');
	const second = `second-${Date.now()}@customs.example`;
	await invite(second, 'Japan');
	await expect(page.locator('#field-administrationId-error')).toContainText(
		'Japan already has an open invitation in the Next edition cohort',
	);
	await expect(page.getByRole('alert').first()).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveValue(second);
	await expectAccessible(page);

	// The list is editable: add one, and it is offered when inviting.
	await page.getByRole('link', { name: 'Member administrations' }).click();
	await expectAccessible(page);
	await page.getByLabel('Name', { exact: true }).fill('Customs of Testland');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Customs of Testland added');
	await page.getByLabel('Name', { exact: true }).fill('japan');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.locator('#field-name-error')).toHaveText('“Japan” is already in the list.');
	await page.goto('/admin');
	await expect(
		page
			.getByLabel('Member administration (participants and home contacts)')
			.locator('option', { hasText: 'Customs of Testland' }),
	).toHaveCount(1);
});

describeWithoutJavaScript('without JavaScript', () => {
	test('the queue filters, opens long entries and explains a refused change request', async ({
		page,
	}) => {
		await openAs(page, demo.mentor, '/review?marking=unrestricted');
		await expect(page.getByLabel('Marking', { exact: true })).toHaveValue('unrestricted');
		const details = page.locator('#queue ~ ol details').first();
		await details.locator('summary').click();
		await expect(details.getByRole('heading', { name: 'What was done' })).toBeVisible();
		const first = page.locator('#queue ~ ol > li').first();
		const title = (await first.getByRole('heading', { level: 3 }).innerText()).trim();
		await first.getByLabel('Comment for the participant').fill('   ');
		await first.getByRole('button', { name: 'Request changes' }).click();
		await expect(page).toHaveURL(/marking=unrestricted/);
		const card = page.locator('#queue ~ ol > li').filter({ hasText: title });
		await expect(card.locator('.field-error')).toHaveText(
			'Say what should change, so the participant knows what to do.',
		);
		await expect(page.locator('body')).not.toContainText('Failed to validate');
	});
});

test('the audit log reads as sentences, filters by person and hides ids until asked', async ({
	page,
}) => {
	// A long journey with several accessibility scans: give it room on a busy machine.
	test.slow();
	await openAs(page, demo.admin, '/admin/audit');
	await expectAccessible(page);
	await page.getByLabel('Person').selectOption({ label: 'Kenji Morita (demo mentor) (mentor)' });
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/person=demomentor01/);
	const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
	await expect(events.first()).toContainText('Kenji Morita (demo mentor)');
	// The queue test above approved and undid: both read as sentences about a participant's entry.
	await expect(
		page.getByText(/Kenji Morita \(demo mentor\) approved ‘.+’ of Tevita Lolo\./).first(),
	).toBeVisible();
	await expect(
		page.getByText(/undid the last decision on ‘.+’ of Tevita Lolo\./).first(),
	).toBeVisible();
	// Ids and JSON only on demand.
	const details = events.first().locator('details');
	await expect(details.locator('dd').first()).toBeHidden();
	await details.locator('summary').click();
	await expect(details.locator('dd').first()).toBeVisible();
	await page.getByLabel('Action').selectOption('review.undone');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(events).not.toHaveCount(0);
	for (const text of await events.allInnerTexts())
		expect(text).toContain('undid the last decision');
	await events.first().getByRole('link', { name: /^Open/ }).click();
	await expect(page).toHaveURL(/\/logbook\//);
	await signOut(page);
});
