/** The CEN practice environment: coding a case, the rules beside fields without JavaScript, mentors. */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn } from './fixtures';

/** Fills the seizure form from a value per field label. */
async function fill(page: Page, values: Record<string, string>) {
	for (const [label, value] of Object.entries(values)) {
		const field = page.getByLabel(label, { exact: true });
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
}

const pangolinCase = {
	'Seizure date *': '2025-06-21',
	'Reporting country *': 'Pellucia',
	'Place of detection *': 'airport',
	'Detection method *': 'intelligence',
	'Commodity group *': 'wildlife',
	'Commodity *': 'pangolin scales',
	'Quantity *': '312.5',
	'Unit *': 'kg',
	'Transport mode *': 'air cargo',
	'Concealment *': 'mixed with legitimate cargo',
	// The one mistake: the origin is Galdera; Corvalia is only where the goods were shipped from.
	'Origin country': 'Corvalia',
	'Departure country *': 'Corvalia',
	'Destination country *': 'Pellucia',
	'Nationalities involved': 'Pellucia',
};

test('code a case with one mistake, read the feedback; the mentor sees the attempt', async ({
	page,
}) => {
	await signIn(page, demo.participant3);
	await page.getByRole('link', { name: 'CEN practice' }).first().click();
	await expect(
		page.getByText('Practice environment — synthetic data, not the WCO’s CEN'),
	).toBeVisible();
	await expectAccessible(page);
	await page
		.getByRole('link', { name: 'Code this case: Pangolin scales among dried fish maw' })
		.click();
	await expect(page.getByText('Fictional teaching example')).toBeVisible();
	await expectAccessible(page);
	await fill(page, pangolinCase);
	await page.getByRole('button', { name: 'Save the record' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Record saved.' })).toBeVisible();
	await expect(page.getByText('14 of 15 fields match the key; 1 differs')).toBeVisible();
	const row = page.getByRole('row', { name: /Origin country/ });
	await expect(row).toContainText('Differs');
	await expect(row).toContainText('Origin is where the goods come from (Galdera)');
	await expectAccessible(page);
	const url = page.url().split('?')[0]!;

	await page.context().clearCookies();
	await signIn(page, demo.mentor);
	await page.goto('/cen');
	await page.getByRole('link', { name: 'Nguyen Thi Lan' }).click();
	await page
		.getByRole('link', { name: /14 of 15 fields match the key/ })
		.first()
		.click();
	await expect(page).toHaveURL(url);
	await expect(page.getByRole('row', { name: /Origin country/ })).toContainText('Differs');
	await expectAccessible(page);

	await page.context().clearCookies();
	await signIn(page, demo.participant4);
	expect((await page.goto(url))!.status()).toBe(404);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the seizure form explains each refused field, keeps the values, then asks to confirm warnings', async ({
		page,
	}) => {
		await signIn(page, demo.participant3);
		await page.goto('/cen/seizures/new');
		await fill(page, {
			'Seizure date *': '2099-01-01',
			'Commodity group *': 'tobacco',
			'Commodity *': 'cigarettes',
			'Quantity *': '5000',
			'Unit *': 'kg',
			Remarks: 'Driver Mr Smith',
		});
		await page.getByRole('button', { name: 'Save the record' }).click();
		await expect(page.getByRole('alert')).toContainText('Please correct the fields marked below.');
		await expect(page.getByText('A seizure cannot be dated in the future')).toBeVisible();
		await expect(page.getByText('cigarettes is counted in sticks, not kg.')).toBeVisible();
		await expect(
			page.getByText(/the global CEN is non-nominal, so leave people out/),
		).toBeVisible();
		await expect(page.getByLabel('Reporting country *')).toHaveAccessibleDescription(
			/Required: a CEN record is incomplete/,
		);
		await expect(page.getByLabel('Quantity *')).toHaveValue('5000');

		await fill(page, {
			'Seizure date *': '2025-05-02',
			'Reporting country *': 'Aldoria',
			'Place of detection *': 'land border',
			'Detection method *': 'x-ray scan',
			'Unit *': 'sticks',
			'Quantity *': '400000000',
			'Transport mode *': 'road',
			'Concealment *': 'in tea packaging',
			'Departure country *': 'Rostavia',
			'Destination country *': 'Aldoria',
			Remarks: '',
		});
		await page.getByRole('button', { name: 'Save the record' }).click();
		await expect(page.getByText(/Far above the usual size/)).toBeVisible();
		await expect(
			page.getByText('Unusual for road: check the method or the transport mode.'),
		).toBeVisible();
		await page.getByLabel('I checked the warnings: save the record as it is').check();
		await page.getByRole('button', { name: 'Save the record' }).click();
		await expect(page.getByText('Record saved.')).toBeVisible();
		await expect(page.getByText('Warning confirmed:').first()).toBeVisible();
	});
});
