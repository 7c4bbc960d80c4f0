/**
 * The programme office, in a browser without shortcuts: a Member administration nominates,
 * the officer confirms by the emailed link, the candidate saves, resumes and submits, and the
 * programme office reads the screened application. A late submission is refused in words.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	demo,
	expectAccessible,
	fillApplicationProfile,
	queryServerDb,
	signIn,
	sqlOnServerDb,
} from './fixtures';

/** The newest link of this kind in the outbox for this address (no SMTP in tests). */
async function linkFor(to: string, path: '/apply/verify' | '/apply/application') {
	const rows = await queryServerDb<{ text: string }>(
		'select text from mail_outbox where "to" = ? order by created_at desc limit 1',
		[to],
	);
	const match = new RegExp(`${path.replace('?', '\\?')}\\?token=[a-z0-9]+`).exec(
		rows[0]?.text ?? '',
	);
	expect(match, `no ${path} link mailed to ${to}`).not.toBeNull();
	return match![0];
}

/** Nominates a candidate for the open 2027/2028 call and confirms as the officer; returns the candidate's link. */
async function nominateAndConfirm(page: Page, candidateEmail: string, candidateName: string) {
	const officerEmail = `officer.${candidateEmail}`;
	await page.goto('/apply');
	await page.getByRole('link', { name: 'The 2027/2028 edition' }).click();
	await expect(page.getByRole('heading', { name: /Call for applications/ })).toBeVisible();
	await page
		.getByLabel('Member administration')
		.selectOption({ label: 'Orvania Customs (fictional)' });
	await page.getByLabel('Your name').fill('Ivo Renn');
	await page.getByLabel('Your post').fill('Director of Training');
	await page.getByLabel('Your official email').fill(officerEmail);
	await page.getByLabel('Candidate’s name').fill(candidateName);
	await page.getByLabel('Candidate’s email').fill(candidateEmail);
	await page.getByRole('button', { name: 'Send the nomination' }).click();
	await expect(page.getByRole('status')).toContainText('Nothing is recorded until it is opened');
	const pending = await queryServerDb<{ v: number | null }>(
		'select verified_at v from nomination where candidate_email = ?',
		[candidateEmail],
	);
	expect(pending).toEqual([{ v: null }]);
	const verify = await linkFor(officerEmail, '/apply/verify');
	await page.goto(verify);
	await expect(page.getByText(candidateName)).toBeVisible();
	await page.getByRole('button', { name: 'Confirm the nomination' }).click();
	await expect(page.getByRole('status')).toContainText('The nomination is confirmed');
	// The link works once.
	await page.goto(verify);
	await expect(page.getByRole('alert')).toContainText('already confirmed');
	return linkFor(candidateEmail, '/apply/application');
}

test('nominate, confirm by email, apply (save, resume, submit); the office reads it screened', async ({
	page,
}) => {
	const link = await nominateAndConfirm(page, 'lina.varo@candidate.test', 'Lina Varo');
	// Nominated again: the form answers as for a new nomination (it tells nobody who is
	// nominated); the programme office is told of the duplicate instead.
	await page.goto('/apply/2027-2028');
	await expect(page.locator('[data-office-contact] a')).toHaveAttribute(
		'href',
		'mailto:programme-office@rilo-ap.example',
	);
	await page
		.getByLabel('Member administration')
		.selectOption({ label: 'Orvania Customs (fictional)' });
	await page.getByLabel('Your name').fill('Someone Else');
	await page.getByLabel('Your post').fill('Curious');
	await page.getByLabel('Your official email').fill('curious@elsewhere.test');
	await page.getByLabel('Candidate’s name').fill('Lina Varo');
	await page.getByLabel('Candidate’s email').fill('lina.varo@candidate.test');
	await page.getByRole('button', { name: 'Send the nomination' }).click();
	await expect(page.getByRole('status')).toContainText('Nothing is recorded until it is opened');
	const told = await queryServerDb<{ text: string }>(
		'select text from mail_outbox where "to" = ? and subject like ?',
		['programme-office@rilo-ap.example', '%second nomination%'],
	);
	expect(told.map((m) => m.text).join()).toContain('curious@elsewhere.test');
	expect(
		await queryServerDb('select 1 from mail_outbox where "to" = ?', ['curious@elsewhere.test']),
	).toEqual([]);
	await page.goto(link);
	await expect(
		page.getByRole('heading', { name: /Application: the 2027\/2028 edition/ }),
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Full name (as in your passport)').fill('Lina Varo');
	await page.getByLabel('Why do you want to take part?').fill('To learn alert intelligence.');
	await page.getByRole('button', { name: 'Submit the application' }).click();
	// Incomplete: refused beside the fields, but what was typed is saved.
	await expect(page.getByRole('alert')).toContainText('Your answers are saved');
	await expect(page.getByLabel('Nationality')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Nationality').fill('Orvanian');
	await page.getByRole('button', { name: 'Save and finish later' }).click();
	await expect(page.getByRole('status')).toContainText('Come back with the same link');
	// Resume later from the same link.
	await page.context().clearCookies();
	await page.goto(link);
	await expect(page.getByLabel('Full name (as in your passport)')).toHaveValue('Lina Varo');
	await expect(page.getByLabel('Nationality')).toHaveValue('Orvanian');
	await fillApplicationProfile(page, { dateOfBirth: '1992-03-04', years: '2', english: 'fluent' });
	await page.getByRole('button', { name: 'Submit the application' }).click();
	await expect(page.getByRole('status')).toContainText('Your application is submitted');
	await expect(page.getByText('BSc Statistics')).toHaveCount(0);

	await signIn(page, demo.admin);
	await page.goto('/admin/applications');
	await expect(page.getByRole('link', { name: 'Lina Varo' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Lina Varo' }).click();
	await expect(page.getByRole('heading', { name: 'Lina Varo' })).toBeVisible();
	const years = page.getByRole('row', { name: /At least 3 years in Customs/ });
	await expect(years).toContainText('Not met');
	await expect(years).toContainText('2 years in Customs, fewer than 3.');
	await expect(page.getByRole('row', { name: /University degree/ })).toContainText('Met');
	await expect(page.getByText('Standing:')).toContainText('Not eligible');
	await expectAccessible(page);
	const [app] = await queryServerDb<{ id: string }>(
		"select a.id from application a join nomination n on n.id = a.nomination_id where n.candidate_email = 'lina.varo@candidate.test'",
	);
	const reads = await queryServerDb<{ n: number }>(
		"select count(*) n from audit_event where action = 'application.read' and subject_id = ?",
		[app!.id],
	);
	expect(reads[0]!.n).toBe(1);
});

test('a submission after the deadline is refused with the date; participants and mentors cannot read applications', async ({
	page,
	browser,
}) => {
	const link = await nominateAndConfirm(page, 'late.comer@candidate.test', 'Late Comer');
	await page.goto(link);
	await page.getByLabel('Full name (as in your passport)').fill('Late Comer');
	const [{ d }] = await queryServerDb<{ d: string }>(
		"select application_deadline d from edition where id = 'demoedition2027'",
	);
	await sqlOnServerDb(
		"update edition set application_deadline = '2026-01-01' where id = 'demoedition2027'",
	);
	try {
		await page.getByRole('button', { name: 'Save and finish later' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'The call for the 2027/2028 edition closed on Thu 1 Jan 2026, 23:59 Tokyo time',
		);
		// What was typed stays on the page (not saved), with the office's address to write to.
		await expect(page.getByLabel('Full name (as in your passport)')).toHaveValue('Late Comer');
		await expect(page.getByRole('alert')).toContainText('What you typed is shown below');
		await expect(
			page.getByRole('alert').getByRole('link', { name: 'programme-office@rilo-ap.example' }),
		).toHaveAttribute('href', 'mailto:programme-office@rilo-ap.example');
		await page.goto(link);
		await expect(page.getByRole('alert')).toContainText('Applications are no longer accepted');
		await expect(page.getByRole('button', { name: 'Submit the application' })).toHaveCount(0);
		const [row] = await queryServerDb<{ answers: string }>(
			"select answers from application a join nomination n on n.id = a.nomination_id where n.candidate_email = 'late.comer@candidate.test'",
		);
		expect(row!.answers).not.toContain('Late Comer');
	} finally {
		await sqlOnServerDb('update edition set application_deadline = ? where id = ?', [
			d,
			'demoedition2027',
		]);
	}
	for (const who of [demo.participant1, demo.mentor]) {
		const context = await browser.newContext();
		const p = await context.newPage();
		await signIn(p, who);
		for (const url of ['/admin/applications', '/admin/applications/demoapp01'])
			expect((await p.request.get(url)).status(), `${who} ${url}`).toBe(403);
		await context.close();
	}
});
