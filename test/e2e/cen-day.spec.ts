/** The CEN day: a participant codes the day's seizure wrong, reads the feedback, codes it right; the mentor sees it. */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, openAs, signIn } from './fixtures';

async function fill(page: Page, values: Record<string, string>) {
	for (const [label, value] of Object.entries(values)) {
		const field = page.getByLabel(label, { exact: true });
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
}

const methCase = {
	'Seizure date *': '2025-03-14',
	'Reporting country *': 'Lumeria',
	'Place of detection *': 'airport',
	'Detection method *': 'risk profile',
	'Commodity group *': 'drugs',
	'Commodity *': 'methamphetamine',
	'Quantity *': '2.4',
	'Unit *': 'kg',
	'Transport mode *': 'air passenger',
	'Concealment *': 'in checked baggage',
	'Origin country': 'Solvane',
	'Departure country *': 'Solvane',
	'Transit country': 'Qasra',
	'Destination country *': 'Lumeria',
	'Nationalities involved': 'Solvane',
};

test('the CEN day: a seizure coded wrong, then right; the guided exercise turns done', async ({
	page,
}) => {
	test.slow(); // two codings, two sign-ins and accessibility scans on a shared machine
	await signIn(page, demo.participant4);
	await page.goto('/cen');
	await page.getByRole('link', { name: 'The CEN day: guided exercises' }).click();
	await expect(page).toHaveURL('/cen/exercises');
	await expect(page.getByText('teaching imitation')).toBeVisible();
	await expectAccessible(page);

	// First attempt: the change of planes in Qasra is left out.
	await page.goto('/cen/seizures/new?case=airport-meth-transit');
	await fill(page, { ...methCase, 'Transit country': '' });
	await page.getByRole('button', { name: 'Save the record' }).click();
	await expect(page.getByText('Record saved.')).toBeVisible();
	await expect(page.getByText('14 of 15 fields match the key; 1 differs')).toBeVisible();
	const transit = page.getByRole('row', { name: /Transit country/ });
	await expect(transit).toContainText('Differs');
	await expect(transit).toContainText(
		'The change of planes in Qasra makes it the transit country.',
	);
	await page.goto('/cen/exercises');
	await expect(page.getByTestId('status-code-a-seizure')).toContainText(
		'Started: Best so far: 14 of 15 fields match',
	);

	// Second attempt: every field right.
	await page.goto('/cen/seizures/new?case=airport-meth-transit');
	await fill(page, methCase);
	await page.getByRole('button', { name: 'Save the record' }).click();
	await expect(page.getByText('Record saved.')).toBeVisible();
	await expect(page.getByText('All 15 compared fields match the key. Well coded.')).toBeVisible();
	await page.goto('/cen/exercises');
	// The demo seed already holds one attempt with two slips, so this is the third.
	await expect(page.getByTestId('status-code-a-seizure')).toContainText(
		/Done: All 15 fields match \(\d+ attempts\)\./,
	);
	await expectAccessible(page);

	// The mentor follows the participant's day; another participant cannot.
	await page.context().clearCookies();
	await openAs(page, demo.mentor, '/cen/exercises');
	await page.getByRole('link', { name: 'Arjun Mehta' }).click();
	await expect(page.getByTestId('status-code-a-seizure')).toContainText('Done');
	const url = page.url();
	await page.context().clearCookies();
	await signIn(page, demo.participant3);
	expect((await page.goto(url))!.status()).toBe(404);
});
