/**
 * From the call to the cohort, in a browser (the office's whole journey): a Member administration
 * nominates, the officer confirms by the link in the outbox, the candidate applies, the office
 * assigns the reviewers (one on the page, one in bulk), verifies the held nomination and overrides
 * a screening result, the admin and the WCO Secretariat score blind, the selection is refused
 * before the deadline and recorded after it (the deadline moved in the database), both sides
 * confirm, the selected candidate declines and the place goes to the reserve list, who accepts;
 * the decision letter prints, the invitation is pre-filled, and the new participant gives their
 * passport number for the enrolment letter, whose code verifies signed out without it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	cohort2027Days,
	demo,
	expectAccessible,
	fillApplicationProfile,
	queryServerDb,
	signIn,
	sqlOnServerDb,
} from './fixtures';

const candidate = { name: 'Noa Perel', email: 'noa.perel@candidate.test' };
const ilse = { name: 'Ilse Varga', email: 'ilsevarga@candidate.demo.test' };
const officerEmail = 'hr.office@tarvos.test';

/** The newest link of this kind in the outbox for this address (no SMTP in tests). */
async function outboxLink(to: string, path: string) {
	const rows = await queryServerDb<{ text: string }>(
		'select text from mail_outbox where "to" = ? order by created_at desc limit 1',
		[to],
	);
	const match = new RegExp(`${path}\\?token=[a-z0-9]+`).exec(rows[0]?.text ?? '');
	expect(match, `no ${path} link mailed to ${to}`).not.toBeNull();
	return match![0];
}

async function nominateAndApply(page: Page) {
	await page.goto('/apply/2027-2028');
	await page
		.getByLabel('Member administration')
		.selectOption({ label: 'Tarvos Customs Administration (fictional)' });
	await page.getByLabel('Your name').fill('Ora Vel');
	await page.getByLabel('Your post').fill('Head of Human Resources');
	await page.getByLabel('Your official email').fill(officerEmail);
	await page.getByLabel('Candidate’s name').fill(candidate.name);
	await page.getByLabel('Candidate’s email').fill(candidate.email);
	await page.getByRole('button', { name: 'Send the nomination' }).click();
	await expect(page.getByRole('status')).toContainText('Nothing is recorded until it is opened');
	// The officer follows the link the outbox holds.
	await page.goto(await outboxLink(officerEmail, '/apply/verify'));
	await page.getByRole('button', { name: 'Confirm the nomination' }).click();
	await expect(page.getByRole('status')).toContainText('The nomination is confirmed');
	await page.goto(await outboxLink(candidate.email, '/apply/application'));
	await page.getByLabel('Full name (as in your passport)').fill(candidate.name);
	await page.getByLabel('Nationality').fill('Tarvosian');
	await page.getByLabel('Why do you want to take part?').fill('To build alerts from seizures.');
	// Basic English: screening says "to check".
	await fillApplicationProfile(page, { dateOfBirth: '1993-06-07', years: '6', english: 'basic' });
	await page.getByRole('button', { name: 'Submit the application' }).click();
	await expect(page.getByRole('status')).toContainText('Your application is submitted');
	const [app] = await queryServerDb<{ id: string }>(
		'select a.id from application a join nomination n on n.id = a.nomination_id where n.candidate_email = ?',
		[candidate.email],
	);
	return app!.id;
}

/**
 * The programme office assigns the reviewers: the Secretariat, not yet assigned, cannot score and
 * cannot assign; the admin assigns the Secretariat on the application and themself in bulk from
 * the list; the reviewer seconded from Kestrel is recused automatically from Kestrel's candidate.
 */
async function assignReviewers(page: Page, id: string) {
	await signIn(page, demo.secretariat);
	await page.goto(`/admin/applications/${id}`);
	await expect(page.getByText(/You are not assigned to review this candidate/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save my scores' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Assign' })).toHaveCount(0);
	await page.context().clearCookies();
	await signIn(page, demo.admin);
	await page.goto(`/admin/applications/${id}`);
	await expect(page.getByText('No reviewer is assigned yet')).toBeVisible();
	// Nothing chosen: refused beside the list, nothing assigned.
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('alert').first()).toBeVisible();
	await expect(page.getByLabel('Reviewer', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true',
	);
	await page.getByLabel('Reviewer', { exact: true }).selectOption('demosecret01');
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('The reviewer is assigned');
	await expect(page.getByRole('list', { name: 'Assigned reviewers' })).toContainText(
		'Claire Dubois (demo WCO Secretariat), WCO Secretariat: sheet not in yet',
	);
	await expect(page.locator('[data-progress]')).toContainText('0 of 1 sheet');
	// In bulk from the list: the admin assigns themself to the new candidate.
	await page.goto('/admin/applications?edition=demoedition2027');
	await page.getByLabel(`Tick ${candidate.name}`).check();
	await page.getByLabel('Reviewer', { exact: true }).selectOption('demoadmin001');
	await page.getByRole('button', { name: 'Assign to the ticked' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Aiko Tanaka (demo admin) is assigned to 1 more application',
	);
	await expect(page.getByRole('row', { name: new RegExp(candidate.name) })).toContainText('0 of 2');
	// Assigned to me: the filter finds it.
	await page.getByLabel('Assigned to').selectOption({ label: 'Me' });
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByRole('row', { name: new RegExp(candidate.name) })).toBeVisible();
	// Kestrel's candidate: the reviewer seconded from Kestrel is recused automatically.
	await page.goto('/admin/applications/demoapp2027a');
	await expect(page.getByRole('list', { name: 'Recused automatically' })).toContainText(
		'Sione Vake (demo admin, seconded from Kestrel) belongs to Kestrel Islands Customs (fictional), the candidate’s own administration: recused automatically',
	);
	await expectAccessible(page);
	await page.context().clearCookies();
}

/** Fills the signed-in reviewer's score sheet with these levels (rubric order). */
async function score(page: Page, id: string, levels: number[], comment: string) {
	await page.goto(`/admin/applications/${id}`);
	const factors = [
		'Work experience',
		'Academic record and intellectual distinction',
		'Personal qualities',
		'Motivation',
		'Leadership',
		'Management potential',
		'Career path',
	];
	for (const [i, f] of factors.entries())
		await page
			.getByRole('group', { name: f, exact: true })
			.getByRole('radio', { name: new RegExp(`^${levels[i]} –`) })
			.check();
	await page.getByLabel('Comment (optional)').fill(comment);
	await page.getByLabel(/I declare that I have no conflict of interest/).check();
	await page.getByRole('button', { name: 'Save my scores' }).click();
	await expect(page.getByRole('status')).toContainText('Your score sheet is saved');
}

/**
 * After the deadline: a selection with no one ticked is refused in words; one with an eligible
 * candidate unscored is refused unless the admin writes a reason; the WCO Secretariat confirms;
 * then the notices go out.
 */
async function decideAfterDeadline(page: Page, browser: Browser) {
	await page.goto('/admin/selection/2027-2028');
	await page.getByLabel(/I confirm this is the programme office/).check();
	await page.getByRole('button', { name: 'Record the selection' }).click();
	await expect(page.getByRole('alert')).toContainText('none is ticked');
	// Ilse Varga is selected; the candidate, ranked higher, is first of the reserve list.
	await page.getByLabel(`Select ${ilse.name}`).check();
	await page.getByLabel(/I confirm this is the programme office/).check();
	await page.getByRole('button', { name: 'Record the selection' }).click();
	// The demo's reviewers disagree on Ilse Varga (19 and 8): flagged before ranking.
	await expect(page.getByRole('alert')).toContainText('The reviewers disagree on Ilse Varga');
	await expect(page.getByLabel(`Select ${ilse.name}`)).toBeChecked();
	await expect(page.getByLabel(/Days the selected have to accept or decline/)).toHaveValue('14');
	await page
		.getByLabel('Reason for recording it now')
		.fill('Discussed Ilse Varga on 3 August: both reviewers stand by their sheets.');
	await page.getByLabel(/I confirm this is the programme office/).check();
	await page.getByRole('button', { name: 'Record the selection' }).click();
	await expect(page.getByRole('status')).toContainText('The selection is recorded');
	const decided = page.getByRole('region', { name: 'Decision recorded' });
	await expect(decided).toContainText('This selection is read-only');
	await expect(decided).toContainText('both reviewers stand by their sheets');
	await expect(decided).toContainText('The WCO Secretariat: not confirmed yet');
	await expect(page.getByText('The notices go out once both')).toBeVisible();

	// The WCO Secretariat confirms: the selection takes effect.
	const wco = await (await browser.newContext()).newPage();
	await signIn(wco, demo.secretariat);
	await wco.goto('/admin/selection/2027-2028');
	await wco.getByLabel(/I confirm this selection on behalf of the WCO Secretariat/).check();
	await wco.getByRole('button', { name: 'Confirm the selection' }).click();
	await expect(wco.getByRole('status')).toContainText('Your confirmation is recorded');
	await expect(wco.getByRole('region', { name: 'Decision recorded' })).toContainText('In effect');
	await wco.context().close();

	// The notices: kept in the outbox (no mail server), and said so.
	await page.goto('/admin/selection/2027-2028');
	await page.getByRole('button', { name: 'Send the decision notices' }).click();
	await expect(page.getByText(/\d+ emailed, \d+ kept in the outbox, not sent yet/)).toContainText(
		'0 emailed',
	);
}

/**
 * The selected candidate declines from the link in her notice; the place goes to the first of the
 * reserve list (the candidate), whose offer notice carries a new reply-by date; they accept, and
 * the office sees each offer's state.
 */
async function offerDeclinedThenAccepted(page: Page, browser: Browser) {
	const context = await browser.newContext();
	const them = await context.newPage();
	// Not yet accepted by anyone: no invitation to create.
	await page.goto('/admin/selection/2027-2028');
	await expect(page.getByText('No candidate has accepted a place yet')).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(ilse.name) })).toContainText(
		'Offered, waiting for an answer',
	);
	await expect(page.getByRole('row', { name: new RegExp(candidate.name) })).toContainText(
		'Reserve',
	);
	// A wrong link opens nothing.
	expect((await them.goto('/apply/offer?token=nosuchofferlink0000'))?.status()).toBe(404);
	await them.goto(await outboxLink(ilse.email, '/apply/offer'));
	await expect(
		them.getByRole('heading', { name: 'Your place in the 2027/2028 edition' }),
	).toBeVisible();
	const terms = them.getByRole('region', { name: /The terms you accept/ });
	await expect(terms).toContainText('subsistence allowance of 3,413 EUR');
	await expect(terms).toContainText('economy return ticket');
	await expect(terms).toContainText('no insurance');
	await expect(terms).toContainText('enrolment letter for the visa');
	await expect(terms).toContainText('Family members cannot accompany');
	// The charter's further cost terms are named where they bind.
	await expect(terms).toContainText(
		'transport to and from the airport, of changing or cancelling a ticket, of the vaccinations',
	);
	await expect(terms).toContainText('a place declined late');
	await expectAccessible(them);
	await them.getByRole('button', { name: 'Decline the place' }).click();
	await expect(them.getByRole('status')).toContainText('You declined the place');
	await expect(them.getByRole('button', { name: 'Accept the place' })).toHaveCount(0);
	// The reserve candidate's offer, with a new reply-by date.
	const [offer] = await queryServerDb<{ subject: string; text: string }>(
		'select subject, text from mail_outbox where "to" = ? order by created_at desc limit 1',
		[candidate.email],
	);
	expect(offer!.subject).toContain(`a place offered to ${candidate.name}`);
	expect(offer!.text).toMatch(/as the next candidate of the reserve list/);
	expect(offer!.text).toMatch(/by \w{3} \d+ \w{3} 20\d\d, 23:59 Tokyo time/);
	await them.goto(await outboxLink(candidate.email, '/apply/offer'));
	// Accepting needs the terms ticked; nothing is recorded without it.
	await them.getByRole('button', { name: 'Accept the place' }).click();
	await expect(them.getByRole('alert')).toContainText(/tick the box/i);
	await expect(them.getByLabel('I accept the terms above.')).toHaveAttribute(
		'aria-invalid',
		'true',
	);
	await them.getByLabel('I accept the terms above.').check();
	await them.getByRole('button', { name: 'Accept the place' }).click();
	await expect(them.getByRole('status')).toContainText('You accepted the place');
	await context.close();
	await page.goto('/admin/selection/2027-2028');
	await expect(page.getByRole('row', { name: new RegExp(ilse.name) })).toContainText('Declined');
	await expect(page.getByRole('row', { name: new RegExp(candidate.name) })).toContainText(
		'Accepted',
	);
	// The audit log names who answered, though they have no account; RILO A/P had copies.
	await page.goto('/admin/audit');
	await expect(
		page.getByText(
			`${candidate.name} (the candidate, through their link) accepted the place offered to them in 2027/2028.`,
		),
	).toBeVisible();
	await expect(
		page.getByText(
			`${ilse.name} (the candidate, through their link) declined the place offered to them in 2027/2028.`,
		),
	).toBeVisible();
	const copies = await queryServerDb<{ subject: string; text: string }>(
		'select subject, text from mail_outbox where "to" = ? and subject like ?',
		['programme-office@rilo-ap.example', 'Copy: %'],
	);
	expect(copies.map((c) => c.subject)).toEqual(
		expect.arrayContaining([
			expect.stringContaining(`selection of ${ilse.name}`),
			expect.stringContaining(`a place offered to ${candidate.name}`),
		]),
	);
	for (const c of copies) expect(c.text).not.toMatch(/offer\?token=/);
	await page.goto('/admin/selection/2027-2028');
}

test('nominate, verify, apply, override, score, select, notice, pre-filled invitation', async ({
	page,
	browser,
}) => {
	const id = await nominateAndApply(page);
	await assignReviewers(page, id);

	// The Secretariat settles the English check with a note; the standing follows.
	await signIn(page, demo.secretariat);
	await page.goto(`/admin/applications/${id}`);
	await expect(page.getByText(/^Standing:/)).toContainText('To check');
	await page
		.getByLabel('Check', { exact: true })
		.selectOption({ label: 'English (the programme’s only language)' });
	await page.getByLabel('Result', { exact: true }).selectOption('met');
	await page.getByRole('button', { name: 'Record the result' }).click();
	await expect(page.getByRole('alert')).toContainText('Say why you override');
	await expect(page.getByLabel('Note (why)')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Check', { exact: true })).toHaveValue('english');
	await page.getByLabel('Note (why)').fill('Interviewed by phone: works in English daily.');
	await page.getByRole('button', { name: 'Record the result' }).click();
	await expect(page.getByRole('status')).toContainText('Screening result recorded');
	const english = page.getByRole('row', { name: /English \(the programme/ });
	await expect(english).toContainText('Interviewed by phone');
	await expect(english).toContainText('Overridden by Claire Dubois');
	await expect(english).toContainText('To check');
	// Nominated from an address the office does not keep for Tarvos: held until verified.
	await expect(page.getByText(/^Standing:/)).toContainText('To check');
	const nominatedRow = page.getByRole('row', { name: /Nominated by their administration/ });
	await expect(nominatedRow).toContainText('Not verified');
	await page
		.getByLabel('Check', { exact: true })
		.selectOption({ label: 'Nominated by their administration' });
	await page.getByLabel('Result', { exact: true }).selectOption('met');
	await page
		.getByLabel('Note (why)')
		.fill('Verified by phone with the Tarvos HR director on the number the office keeps.');
	await page.getByRole('button', { name: 'Record the result' }).click();
	await expect(page.getByRole('status')).toContainText('Screening result recorded');
	await expect(page.getByText(/^Standing:/)).toContainText('Eligible');
	await expectAccessible(page);

	// An incomplete sheet is refused and nothing saved; then each reviewer scores.
	await page.getByRole('button', { name: 'Save my scores' }).click();
	await expect(page.locator('input[type=radio]:invalid').first()).toBeVisible();
	await score(page, id, [3, 3, 3, 4, 2, 3, 3], 'Clear motivation.');
	await page.context().clearCookies();
	await signIn(page, demo.admin);
	// Blind: the Secretariat's sheet stays hidden until the admin has saved their own.
	await page.goto(`/admin/applications/${id}`);
	await expect(page.getByText(/One other reviewer has scored this candidate/)).toBeVisible();
	await expect(page.getByText('Clear motivation.')).toHaveCount(0);
	await score(page, id, [4, 3, 3, 4, 3, 3, 4], 'Strong analyst.');
	await expect(page.getByText('Clear motivation.')).toBeVisible();
	const sheets = page.getByRole('table', { name: 'Scores by factor and reviewer' });
	await expect(
		sheets.getByRole('columnheader', { name: /Claire Dubois.*\(WCO Secretariat\)/ }),
	).toBeVisible();
	await expect(
		sheets.getByRole('columnheader', { name: /Aiko Tanaka.*\(RILO A\/P\)/ }),
	).toBeVisible();
	await expect(sheets.getByRole('row', { name: /Total/ })).toContainText('21');
	await expect(sheets.getByRole('row', { name: /Total/ })).toContainText('24');
	await expect(page.getByText('Average total: 22.5')).toBeVisible();
	await expect(page.locator('[data-progress]')).toContainText('2 of 2 sheets');

	// The ranking; while the call is open the selection is refused, saying why.
	await page.goto('/admin/selection/2027-2028');
	await expect(page.getByRole('row', { name: new RegExp(candidate.name) })).toContainText('22.5');
	await expect(page.getByRole('row', { name: new RegExp(candidate.name) })).toContainText(
		'2 of 2 sheets',
	);
	await expect(page.getByRole('note')).toContainText('The call is still open');
	// Refused before the deadline, saying why, nothing recorded.
	await page.getByLabel(`Select ${ilse.name}`).check();
	await page.getByLabel(/I confirm this is the programme office/).check();
	await page.getByRole('button', { name: 'Record the selection' }).click();
	await expect(page.getByRole('alert')).toContainText('The call is still open until');
	await expect(page.getByRole('button', { name: 'Record the selection' })).toBeVisible();
	await expectAccessible(page);
	const [{ d }] = await queryServerDb<{ d: string }>(
		"select application_deadline d from edition where id = 'demoedition2027'",
	);
	await sqlOnServerDb(
		"update edition set application_deadline = '2026-01-01' where id = 'demoedition2027'",
	);
	try {
		await decideAfterDeadline(page, browser);
	} finally {
		await sqlOnServerDb('update edition set application_deadline = ? where id = ?', [
			d,
			'demoedition2027',
		]);
	}
	const notices = await queryServerDb<{ text: string }>(
		'select text from mail_outbox where "to" = ? and subject like ?',
		[ilse.email, '%selection of Ilse Varga%'],
	);
	expect(notices).toHaveLength(1);
	expect(notices[0]!.text).toContain('selected you for the 2027/2028 edition');
	expect(notices[0]!.text).toContain('The WCO Secretariat, World Customs Organization');
	expect(notices[0]!.text).toMatch(/accept or decline the place by \w{3} \d+ \w{3} 20\d\d/);
	await offerDeclinedThenAccepted(page, browser);

	// The printable letter: no script, print styles.
	await page.getByRole('link', { name: candidate.name }).last().click();
	await expect(page.getByRole('heading', { name: /selection of Noa Perel/ })).toBeVisible();
	await expect(page.getByText(`Dear ${candidate.name},`)).toBeVisible();
	await expect(page.getByText(/Copy: Ora Vel, Head of Human Resources/)).toBeVisible();
	expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
	await expectAccessible(page);

	// No cohort yet: the page says what to do; with the cohort, the invitation is pre-filled.
	// (Another test of the suite, accounts.spec, may already have created a 2027/2028 cohort on the
	// shared demo database: then the pre-filled invitation uses that one.)
	const existing = await queryServerDb<{ id: string }>(
		"select id from cohort where edition = '2027/2028'",
	);
	if (existing.length === 0) {
		await page.goto('/admin/selection/2027-2028#invite-h');
		await expect(page.getByText('The 2027/2028 edition has no cohort yet')).toBeVisible();
		await page.goto('/admin/cohorts/new');
		await page.getByLabel('Edition').fill('2027/2028');
		for (const [name, day] of Object.entries(cohort2027Days))
			await page.locator(`[name="${name}"]`).fill(day);
		await page.getByRole('button', { name: 'Create cohort' }).click();
	}
	await page.goto('/admin/selection/2027-2028');
	const invitation = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: new RegExp(candidate.name) }) });
	await expect(invitation.getByLabel('Name')).toHaveValue(candidate.name);
	await expect(invitation.getByLabel('Email')).toHaveValue(candidate.email);
	await expect(invitation).toContainText('for Tarvos Customs Administration (fictional)');
	await invitation.getByRole('button', { name: 'Create the invitation' }).click();
	await expect(page.getByRole('status')).toContainText(`Link for ${candidate.email} created`);
	await expect(page.getByRole('status')).toContainText('No email was sent');
	const [inv] = await queryServerDb<{ role: string; administration_id: string; edition: string }>(
		'select i.role, i.administration_id, c.edition from invitation i join cohort c on c.id = i.cohort_id where i.email = ?',
		[candidate.email],
	);
	expect(inv).toEqual({
		role: 'participant',
		administration_id: 'demo-adm-tarvos',
		edition: '2027/2028',
	});
	await expect(invitation).toContainText('open (not yet used)');

	// The selected candidate accepts, prints the enrolment letter for the visa, and anyone checks
	// its code signed out.
	const link = await page.getByTestId('issued-link').inputValue();
	const officerContext = await browser.newContext();
	const officer = await officerContext.newPage();
	await officer.goto(link);
	await expect(officer.getByText(/invited as participant/)).toBeVisible();
	await expect(officer.getByLabel('Your name')).toHaveValue(candidate.name);
	await officer.getByLabel('Password', { exact: true }).fill('quiet river lantern stone');
	await officer.getByLabel('Repeat the password').fill('quiet river lantern stone');
	await officer.getByRole('button', { name: 'Create my account' }).click();
	await expect(officer).toHaveURL(/\/dashboard\?welcome/);
	await officer.goto('/programme');
	await officer.getByRole('link', { name: 'Enrolment letter' }).click();
	const letter = officer.getByRole('article');
	await expect(letter).toContainText(candidate.name);
	await expect(letter).toContainText('Tarvos Customs Administration (fictional)');
	await expect(letter).toContainText('2027/2028 edition');
	// The passport data for the consulate: the number given now, the rest from the application.
	await expect(letter.locator('[data-passport-number]')).toHaveText('not given yet');
	await officer.getByLabel('Passport number').fill('tv 4417-209');
	await officer.getByRole('button', { name: 'Save the passport number' }).click();
	await expect(officer.getByRole('status')).toContainText('Your passport number is saved');
	await expect(letter.locator('[data-passport-number]')).toHaveText('TV4417209');
	await expect(letter).toContainText('Tarvosian');
	await expect(letter).toContainText('7 Jun 1993');
	const code = (await officer.locator('[data-letter-code]').textContent())!.trim();
	await officerContext.close();
	// Signed out, the code verifies with name, administration, edition and dates only.
	const anyone = await (await browser.newContext()).newPage();
	const checked = await anyone.goto(`/verify/${code}`);
	expect(checked?.status()).toBe(200);
	await expect(anyone.getByRole('heading', { name: 'Enrolment letter verified' })).toBeVisible();
	await expect(anyone.getByText(candidate.name)).toBeVisible();
	await expect(anyone.getByText('Tarvos Customs Administration (fictional)')).toBeVisible();
	await expect(anyone.getByText('2027/2028', { exact: false }).first()).toBeVisible();
	const shown = await anyone.locator('main').innerText();
	for (const secret of ['TV4417209', 'Tarvosian', '1993', 'passport'])
		expect(shown.toLowerCase(), `the verification page shows ${secret}`).not.toContain(
			secret.toLowerCase(),
		);
	await anyone.context().close();

	// Participants, mentors and home contacts reach none of it.
	for (const who of [demo.participant1, demo.mentor, demo.home1]) {
		const context = await browser.newContext();
		const p = await context.newPage();
		await signIn(p, who);
		for (const url of [
			`/admin/applications/${id}`,
			`/admin/applications/${id}/letter`,
			'/admin/selection/2027-2028',
			'/admin/applications/purge',
		])
			expect((await p.request.get(url)).status(), `${who} ${url}`).toBe(403);
		await context.close();
	}

	// Reopened explicitly (audited): scores are editable again.
	await page.getByLabel(/Yes, reopen the 2027\/2028 selection/).check();
	await page.getByRole('button', { name: 'Reopen' }).click();
	await expect(page.getByRole('status')).toContainText('The selection is reopened');
	await expect(page.getByRole('button', { name: 'Record the selection' })).toBeVisible();
});

test('the purge page says how many would go and asks to confirm', async ({ page }) => {
	await signIn(page, demo.admin);
	await page.goto('/admin/applications/purge');
	await expect(
		page.getByRole('heading', { name: 'Purge unsuccessful applications' }),
	).toBeVisible();
	await expect(
		page.getByText(/deleted 6 months after the edition’s selection decision/),
	).toBeVisible();
	// The demo decision (11 September 2026) is not yet six months old on every run date: either
	// nothing is due, or the count is shown with a confirmation box.
	const due = page.getByRole('heading', { name: /will be deleted/ });
	if (await due.count()) {
		await page.getByRole('button', { name: /^Delete/ }).click();
		await expect(page.getByRole('alert')).toContainText('Tick the box to confirm');
	} else await expect(page.getByText('Nothing is due for deletion now')).toBeVisible();
	await expectAccessible(page);
	await page.goto('/apply/2026-2027');
	await expect(
		page.getByText(/not selected are deleted, with their nominations, 6 months/),
	).toBeVisible();
});
