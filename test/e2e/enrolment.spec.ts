/**
 * Enrolment (issue 15): a participant prints their enrolment letter and anyone checks its code
 * signed out; an admin revokes it and the check says so; the admin records the charter's admin
 * matters and the participant reads them; a past participant joins the alumni directory and leaves.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, queryServerDb, signIn, signOut } from './fixtures';

const p3 = 'demopart0003';

/** The code printed at the foot of the participant's letter. */
async function letterCode(page: Page): Promise<string> {
	await page.goto('/programme');
	await page.getByRole('link', { name: 'Enrolment letter' }).click();
	await expect(page.getByRole('heading', { name: /^Enrolment letter — / })).toBeVisible();
	const code = (await page.locator('[data-letter-code]').textContent())!.trim();
	// The one verification code format: four groups of four, the first character naming a letter.
	expect(code).toMatch(/^E[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
	return code;
}

test('a participant’s letter verifies signed out; once revoked, the check says so', async ({
	page,
	browser,
}) => {
	await signIn(page, demo.participant3);
	const code = await letterCode(page);
	const letter = page.getByRole('article');
	await expect(letter).toContainText('Nguyen Thi Lan');
	await expect(letter).toContainText('Maravia Customs Department (fictional)');
	await expect(letter).toContainText('2026/2027 edition');
	await expect(letter).toContainText('RILO A/P, Tokyo, Japan');
	await expect(letter).toContainText('3,413 EUR');
	await expect(letter).toContainText('no insurance');
	// For the consulate: the identity from the application, a named signatory (the demo's
	// configured values say they are demo values), RILO A/P's address and contact.
	await expect(letter).toContainText('Nationality');
	await expect(letter).toContainText('Tue 14 May 1991');
	await expect(letter).toContainText('Demo signatory (set OFFICE_SIGNATORY_NAME)');
	await expect(letter).toContainText('programme-office@rilo-ap.example');
	await expect(letter.locator('[data-passport-number]')).toHaveText('not given yet');
	await page.getByLabel('Passport number').fill('m 1234 567');
	await page.getByRole('button', { name: 'Save the passport number' }).click();
	await expect(page.getByRole('status')).toContainText('Your passport number is saved');
	await expect(letter.locator('[data-passport-number]')).toHaveText('M1234567');
	// Printable without scripts; printed, the code and the letter stay and the site around it goes.
	expect(await page.locator('script[src]').count()).toBe(0);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('[data-letter-code]')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await expectAccessible(page);
	await signOut(page);

	const res = await page.goto(`/verify/${code}`);
	expect(res?.status()).toBe(200);
	await expect(page.getByRole('heading', { name: 'Enrolment letter verified' })).toBeVisible();
	await expect(page.getByText('Nguyen Thi Lan')).toBeVisible();
	await expect(page.getByText('Maravia Customs Department (fictional)')).toBeVisible();
	// Never the passport data.
	await expect(page.locator('body')).not.toContainText('M1234567');
	await expect(page.locator('body')).not.toContainText('1991');
	await expectAccessible(page);
	// The form page takes the code however it was typed.
	await page.goto('/verify');
	await page.getByLabel('Code').fill(code.toLowerCase().replace(/-/g, ' '));
	await page.getByRole('button', { name: 'Check the code' }).click();
	await expect(page.getByRole('heading', { name: 'Enrolment letter verified' })).toBeVisible();
	const unknown = await page.goto('/verify/E000-0000-0000-0000');
	expect(unknown?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'No such letter' })).toBeVisible();
	await expect(page.locator('main')).toContainText('No enrolment letter has the code');
	const older = await page.goto('/verify/ABCDE-FGHJK-MNPQR-STVWX');
	expect(older?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'No such letter' })).toBeVisible();
	const nonsense = await page.goto('/verify/hello');
	expect(nonsense?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Not a verification code' })).toBeVisible();
	await expectAccessible(page);

	// The admin revokes it from the participant's page, confirming first.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, demo.admin);
	await admin.goto('/admin/cohorts/democohort01');
	await admin.getByRole('link', { name: 'Nguyen Thi Lan' }).click();
	await expect(admin.getByRole('heading', { name: /Nguyen Thi Lan: enrolment/ })).toBeVisible();
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Revoke letter' }).click();
	await expect(admin.getByRole('alert').first()).toContainText('Tick the box to confirm');
	await admin.getByLabel('Yes, revoke this letter').check();
	await admin.getByRole('button', { name: 'Revoke letter' }).click();
	await expect(admin.getByRole('status')).toContainText('Letter revoked');

	const revoked = await page.goto(`/verify/${code}`);
	expect(revoked?.status()).toBe(200);
	await expect(page.getByRole('heading', { name: 'Enrolment letter revoked' })).toBeVisible();
	await expect(page.getByText('Nguyen Thi Lan')).toHaveCount(0);
	await expectAccessible(page);

	// A new letter: the participant sees a new code, which verifies; the old one stays revoked.
	await admin.getByRole('button', { name: 'Issue a new letter' }).click();
	await expect(admin.getByRole('status')).toContainText('New letter issued');
	await signIn(page, demo.participant3);
	const fresh = await letterCode(page);
	expect(fresh).not.toBe(code);
	const audit = await queryServerDb<{ action: string }>(
		"select action from audit_event where subject_id = ? and action like 'enrolment_letter.%' order by id",
		[p3],
	);
	expect(audit.map((a) => a.action)).toEqual(
		expect.arrayContaining(['enrolment_letter.revoke', 'enrolment_letter.issue']),
	);
	await admin.context().close();
});

test('the admin records admin matters; the participant reads them on the checklist', async ({
	page,
	browser,
}) => {
	await signIn(page, demo.admin);
	await page.goto('/admin/participants/demopart0004');
	await page.getByLabel('Visa', { exact: true }).selectOption('obtained');
	await page
		.getByLabel('Ticket issued: itinerary')
		.fill('Out 28 Nov via a fictional hub; back 26 Dec.');
	await page.getByRole('button', { name: 'Save admin matters' }).click();
	// Refused beside the field, with what was typed kept.
	await expect(page.getByRole('alert').first()).toContainText('visa was obtained');
	await expect(page.getByLabel('Ticket issued: itinerary')).toHaveValue(
		'Out 28 Nov via a fictional hub; back 26 Dec.',
	);
	await expect(page.getByLabel('Visa', { exact: true })).toHaveValue('obtained');
	await expectAccessible(page);
	await page.getByLabel('Visa obtained on').fill('2026-11-20');
	await page.getByLabel('Allowance paid on').fill('2026-11-30');
	await page.getByRole('button', { name: 'Save admin matters' }).click();
	await expect(page.getByRole('status')).toContainText('Admin matters saved');

	const participant = await (await browser.newContext()).newPage();
	await signIn(participant, demo.participant4);
	await participant.goto('/programme/checklist');
	const office = participant.getByRole('region', { name: 'From the programme office' });
	await expect(office).toContainText('Paid on Mon 30 Nov 2026');
	await expect(office).toContainText('Out 28 Nov via a fictional hub; back 26 Dec.');
	await expect(office).toContainText('Obtained on Fri 20 Nov 2026');
	await expect(office.getByRole('button')).toHaveCount(0);
	await expectAccessible(participant);
	// Not theirs to edit, nor anyone else's to read.
	expect((await participant.request.get('/admin/participants/demopart0004')).status()).toBe(403);
	await participant.context().close();
	const [row] = await queryServerDb<{ n: number }>(
		"select count(*) n from audit_event where action = 'admin_matter.update' and subject_id = 'demopart0004'",
	);
	expect(Number(row!.n)).toBe(1);
});

test('a past participant joins the alumni directory and leaves it', async ({ page }) => {
	// Signed out, the directory is not shown.
	const res = await page.request.get('/alumni', { maxRedirects: 0 });
	expect(res.status()).toBe(302);
	await signIn(page, demo.alumni3);
	await page.goto('/alumni');
	const table = page.getByRole('table', { name: 'Listed alumni, newest edition first' });
	await expect(table).toContainText('Leilani Kahale');
	await expect(table).not.toContainText('Mere Tautahi');
	await page.getByLabel('How alumni can reach you').fill('x');
	await page.getByRole('button', { name: 'List me' }).click();
	await expect(page.getByRole('alert').first()).toContainText('how alumni can reach you');
	await expectAccessible(page);
	await page.getByLabel('How alumni can reach you').fill('mere.tautahi@serenity-customs.example');
	await page.getByRole('button', { name: 'List me' }).click();
	await expect(page.getByRole('status')).toContainText('You are listed');
	const row = table.getByRole('row', { name: /Mere Tautahi/ });
	await expect(row).toContainText('Serenity Islands Customs Service (fictional)');
	await expect(row).toContainText('Undervalued tobacco shipments');
	await expect(row).toContainText('mere.tautahi@serenity-customs.example');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Remove me from the directory' }).click();
	await expect(page.getByRole('status')).toContainText('removed');
	await expect(table).not.toContainText('Mere Tautahi');
	// A current participant reads it but cannot join yet.
	await page.context().clearCookies();
	await signIn(page, demo.participant1);
	await page.goto('/programme');
	await page.getByRole('link', { name: 'Alumni directory' }).click();
	await expect(page.getByRole('heading', { name: 'Alumni directory', level: 1 })).toBeVisible();
	await expect(page.getByRole('button', { name: 'List me' })).toHaveCount(0);
	await expect(page.getByText('once your programme has ended')).toBeVisible();
});
