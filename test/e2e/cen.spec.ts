/** The CEN practice environment: coding a case, the rules beside fields without JavaScript, mentors. */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, openAs, resubmitMessage, signIn } from './fixtures';
import { describeWithoutJavaScript } from './without-javascript';

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
	test.slow(); // three sign-ins and four accessibility scans on a shared machine
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
	await openAs(page, demo.mentor, '/cen');
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

describeWithoutJavaScript('without JavaScript', () => {
	test('the seizure form explains each refused field, keeps the values, then asks to confirm warnings', async ({
		page,
	}) => {
		await openAs(page, demo.participant3, '/cen/seizures/new');
		await fill(page, {
			'Seizure date *': '2099-01-01',
			'Commodity group *': 'tobacco',
			'Commodity *': 'cigarettes',
			'Quantity *': '5000',
			'Unit *': 'kg',
			Remarks: 'Driver Mr Smith',
		});
		await page.getByRole('button', { name: 'Save the record' }).click();
		await expect(page.getByRole('alert')).toContainText(
			/Please correct the (\d+ )?fields marked below\./,
		);
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

test('draft a warning, the mentor requests a change, the participant resubmits', async ({
	page,
}) => {
	test.slow();
	await openAs(page, demo.participant3, '/cen/messages/new');
	await page.getByRole('link', { name: 'Warning message' }).click();
	await expectAccessible(page);
	await page.getByLabel('Recipient group (closed user group)').selectOption({ index: 1 });
	await page.getByLabel('Subject').fill('Ketamine by air cargo, Dravania to Kestrel Islands');
	await page
		.getByLabel('Indicators', { exact: true })
		.fill('Air cargo declared as ceramic tableware');
	await page.getByLabel('Modus operandi').fill('Mixed with legitimate cargo');
	await page.getByLabel('Routes').fill('Dravania – Qasra – Kestrel Islands');
	await page.getByLabel('Risk indicators').fill('New consignee, prepaid freight');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.locator('#field-requestedAction-error')).toHaveText(
		'Say what the recipients should do.',
	);
	await expect(page.getByLabel('Subject')).toHaveValue(/Ketamine by air cargo/);
	await page.getByLabel('Requested action').fill('Profile and examine; send feedback');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Draft saved.')).toBeVisible();
	await page.getByRole('button', { name: 'Submit for review' }).click();
	await expect(page.getByText('Submitted for review.')).toBeVisible();
	await expectAccessible(page);
	const url = page.url().split('?')[0]!;

	await page.context().clearCookies();
	await signIn(page, demo.mentor);
	await page.goto(url);
	await page.getByLabel('Comment for the participant').fill('Add the cut-off date for feedback.');
	await page.getByRole('button', { name: 'Request changes' }).click();
	await expect(page.getByText('Decision recorded.')).toBeVisible();
	await expect(
		page.getByText('requested changes — “Add the cut-off date for feedback.”'),
	).toBeVisible();

	await page.context().clearCookies();
	await openAs(page, demo.participant3, url);
	await resubmitMessage(page, 'Profile and examine; send feedback by 31 December');
	await expect(page.getByText('send feedback by 31 December')).toBeVisible();
});

describeWithoutJavaScript('the practice search without JavaScript', () => {
	test('a chosen group narrows the commodity list; results are newest first', async ({ page }) => {
		await openAs(page, demo.participant2, '/cen/search');
		await page.getByLabel('Commodity group').selectOption('tobacco');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		const commodity = page.getByLabel('Commodity', { exact: true });
		await expect(commodity).toHaveAccessibleDescription(/Only tobacco/);
		const offered = (await commodity.locator('option').allTextContents()).slice(1);
		expect(offered).toEqual(['cigarettes', 'heated tobacco sticks', 'cut tobacco']);
		await expect(page.getByRole('heading', { name: /Results, newest first/ })).toBeVisible();
		const dates = await page
			.locator('main table')
			.nth(1)
			.locator('tbody tr td:nth-child(2)')
			.allTextContents();
		expect(dates).toEqual([...dates].sort().reverse());
	});
});

describeWithoutJavaScript('the message form without JavaScript', () => {
	test('shows each missing field beside it', async ({ page }) => {
		await openAs(page, demo.participant3, '/cen/messages/new?kind=feedback');
		await page.getByLabel('Subject').fill('Re');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.getByRole('alert')).toContainText(
			/Please correct the (\d+ )?fields marked below\./,
		);
		await expect(page.getByText('Feedback answers a warning: name it.')).toBeVisible();
		await expect(page.getByText('Make the subject say what it is about')).toBeVisible();
		await expect(page.getByLabel('Result of the action taken')).toHaveAccessibleDescription(
			/Say what was done after the warning/,
		);
	});
});

test('search, save the query, upload a file to the materials register', async ({ page }) => {
	test.slow();
	await openAs(page, demo.participant2, '/cen/search');
	await expectAccessible(page);
	await page.getByLabel('Commodity', { exact: true }).selectOption('ketamine');
	await page.getByLabel('Country', { exact: true }).selectOption('Kestrel Islands');
	await page.getByLabel('Country role').selectOption('destination');
	await page.getByLabel('Count by').selectOption('quarter');
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'matching records' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Counts by quarter' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Result pages' })).toContainText('Page 1 of');
	await page.getByRole('link', { name: 'Next page' }).click();
	await expect(page.getByRole('navigation', { name: 'Result pages' })).toContainText('Page 2 of');
	await expectAccessible(page);
	const csv = await page.request.get(
		(await page.getByRole('link', { name: 'Download these results as CSV' }).getAttribute('href'))!,
	);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('ketamine');
	await page.getByLabel('Title').fill('Ketamine to Kestrel Islands by quarter');
	await page.getByRole('button', { name: 'Save search' }).click();
	await expect(page.getByText('Search saved to your materials.')).toBeVisible();
	await expect(page.getByLabel('Country role')).toHaveValue('destination');
	await expect(
		page.getByRole('link', { name: 'Ketamine to Kestrel Islands by quarter' }),
	).toBeVisible();

	await page.goto('/materials');
	await expect(
		page.getByRole('link', { name: 'Ketamine to Kestrel Islands by quarter' }),
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('File (PDF, PNG or XLSX)').setInputFiles({
		name: 'notes.png',
		mimeType: 'image/png',
		buffer: Buffer.from('not really a png'),
	});
	await page.getByLabel('Title').first().fill('Notes on the route');
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(
		page.getByText(/Only PDF, PNG and Excel \(XLSX\) files are taken/).first(),
	).toBeVisible();
	await page.getByLabel('File (PDF, PNG or XLSX)').setInputFiles({
		name: 'notes.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n% practice notes\n'),
	});
	await page.getByRole('button', { name: 'Upload' }).click();
	await expect(page.getByText('Added to the materials register.')).toBeVisible();
	const file = await page.request.get(
		(await page.getByRole('link', { name: 'Download notes.pdf' }).getAttribute('href'))!,
	);
	expect(file.headers()['content-type']).toBe('application/pdf');
	await expectAccessible(page);
	const url = page.url().split('?')[0]!;

	await page.context().clearCookies();
	await signIn(page, demo.participant1);
	expect((await page.goto(url))!.status()).toBe(404);
	expect((await page.request.get(`${url}/file`)).status()).toBe(404);
});
