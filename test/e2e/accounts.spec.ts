import { expect, test } from '@playwright/test';
import { generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding as decodeBase32 } from '@oslojs/encoding';
import { demo, expectAccessible, signIn, signOut, submitSignIn } from './fixtures';

const protectedRoutes = [
	'/dashboard',
	'/account',
	'/admin',
	'/admin/audit',
	'/admin/cohorts/new',
	'/programme',
	'/programme/handbook',
	'/programme/checklist',
	'/progress',
];

test('every protected route sends a signed-out visitor to sign in and back', async ({ page }) => {
	for (const route of protectedRoutes) {
		await page.goto(route);
		await expect(page, route).toHaveURL(
			new RegExp(
				`/login\\?next=${encodeURIComponent(route).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
			),
		);
	}
	await submitSignIn(page, demo.participant1);
	await expect(page).toHaveURL(/\/progress$/); // the last route tried; a participant then gets 403 there
	await expect(page.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
});

test('a wrong password is refused with one message and the email is kept', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	await submitSignIn(page, demo.participant2, 'not the password');
	await expect(page.getByRole('alert')).toHaveText(
		'That email and password do not match an account.',
	);
	await expect(page.getByLabel('Email')).toHaveValue(demo.participant2);
	await expect(page.getByLabel('Password')).toHaveValue('');
	await submitSignIn(page, 'nobody@demo.test', 'not the password');
	await expect(page.getByRole('alert')).toHaveText(
		'That email and password do not match an account.',
	);
});

test('a participant cannot open the admin area', async ({ page }) => {
	await signIn(page, demo.participant3);
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
	).toHaveCount(0);
	await expectAccessible(page);
});

test('an admin invites a mentor, who accepts, signs in and out', async ({ page, browser }) => {
	await signIn(page, demo.admin);
	await page.goto('/admin');
	await expectAccessible(page);
	const email = `new.mentor.${Date.now()}@demo.test`;
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Name').fill('Yuki Sato');
	await page.getByLabel('Role').selectOption('mentor');
	await page.getByRole('button', { name: 'Create invitation' }).click();
	const link = await page.getByTestId('issued-link').inputValue();
	expect(link).toMatch(/\/invitation\?token=[a-z2-7]{32}$/);

	const invitee = await (await browser.newContext()).newPage();
	await invitee.goto(link);
	await expect(invitee.getByText(/invited as mentor/)).toBeVisible();
	await expectAccessible(invitee);
	await invitee.getByLabel('Your name').fill('Yuki Sato');
	await invitee.getByLabel('Password', { exact: true }).fill('short');
	await invitee.getByLabel('Repeat the password').fill('short');
	await invitee.getByRole('button', { name: 'Create my account' }).click();
	await expect(invitee.locator('#field-password-error')).toContainText('12 characters');
	await expect(invitee.getByLabel('Your name')).toHaveValue('Yuki Sato');
	await invitee.getByLabel('Password', { exact: true }).fill('quiet river lantern stone');
	await invitee.getByLabel('Repeat the password').fill('quiet river lantern stone');
	await invitee.getByRole('button', { name: 'Create my account' }).click();
	// Mentors must use a second factor (docs/security.md): the new mentor sets up an app first.
	await expect(invitee).toHaveURL(/\/account\/second-factor\?required/);
	const key = (await invitee.locator('#totp-key').innerText()).replace(/\s+/g, '');
	await invitee.getByLabel('Code from the app').fill(generateTOTP(decodeBase32(key), 30, 6));
	await invitee.getByLabel('Your password').fill('quiet river lantern stone');
	await invitee.getByRole('button', { name: 'Turn on the second factor' }).click();
	const codes = invitee.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
	const recovery = await codes.first().innerText();
	await signOut(invitee);
	await submitSignIn(invitee, email, 'quiet river lantern stone');
	await expect(invitee).toHaveURL(/\/login\/second-factor/);
	await invitee.getByLabel('Code').fill(recovery);
	await invitee.getByRole('button', { name: 'Continue' }).click();
	await expect(invitee.getByRole('heading', { name: 'Welcome, Yuki Sato' })).toBeVisible();

	// The used link now says so.
	await invitee.goto(link);
	await expect(invitee.getByRole('alert')).toContainText('already been used');
	await invitee.close();

	// The audit log shows the invitation and its acceptance.
	await page.goto('/admin/audit');
	await expect(
		page.getByText('Yuki Sato accepted their invitation as mentor.').first(),
	).toBeVisible();
	await expect(page.getByText(`invited ${email} as mentor.`).first()).toBeVisible();
	await expectAccessible(page);
});

test('the admin sets up a cohort, and a fifth participant is refused with a reason', async ({
	page,
}) => {
	await signIn(page, demo.admin);
	await page.goto('/admin/cohorts/new');
	await page.getByLabel('Edition').fill('2027/2028');
	await page.getByLabel('Training week: first day').fill('2027-11-29');
	await page.getByLabel('Training week: last day').fill('2027-12-03');
	await page.getByLabel('OJT: first day').fill('2027-12-01'); // wrong: before training ends
	await page.getByLabel('OJT: last day').fill('2027-12-24');
	await page.getByLabel('Report outline presentation').fill('2027-12-22');
	await page.getByLabel('Departure from Japan').fill('2027-12-25');
	await page.getByRole('button', { name: 'Create cohort' }).click();
	await expect(page.locator('#field-ojtStart-error')).toHaveText(
		'The OJT starts after the training week ends.',
	);
	await expect(page.getByLabel('Edition')).toHaveValue('2027/2028');
	await page.getByLabel('OJT: first day').fill('2027-12-06');
	await page.getByRole('button', { name: 'Create cohort' }).click();
	await expect(page.getByRole('heading', { name: 'Cohort 2027/2028' })).toBeVisible();
	await expect(page.getByLabel('Final report due')).toHaveValue('2028-01-08');
	// Inviting its people is offered right there, the new cohort chosen.
	await expect(page.getByRole('status')).toContainText('Invite its participants and mentors below');
	const invite = page.getByRole('region', { name: 'Invite to this cohort' });
	await expect(invite.getByLabel('Cohort')).toHaveValue(/.+/);
	await expect(invite.getByLabel('Cohort').locator('option:checked')).toHaveText('2027/2028');
	await invite.getByLabel('Email').fill('mentor2028@demo.test');
	await invite.getByLabel('Name').fill('Mentor of 2028');
	await invite.getByLabel('Role').selectOption('mentor');
	await invite.getByRole('button', { name: 'Create invitation' }).click();
	await expect(page.getByText('Link for mentor2028@demo.test created.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Cohort 2027/2028' })).toBeVisible();
	await expectAccessible(page);

	// The demo cohort is full: a fifth participant is refused, saying why.
	await page.goto('/admin');
	await page.getByLabel('Email').fill('fifth@demo.test');
	await page.getByLabel('Name').fill('Fifth Person');
	await page.getByLabel('Role').selectOption('participant');
	await page.getByLabel('Cohort', { exact: true }).selectOption({ label: 'Demo edition' });
	await page.getByRole('button', { name: 'Create invitation' }).click();
	await expect(page.locator('#field-role-error')).toContainText('already has 4 participants');
});

test('a participant sees the timeline and ticks the checklist; the mentor sees it', async ({
	page,
}) => {
	// The demo's participant 2 has ticked everything but the itinerary.
	await signIn(page, demo.participant2);
	await page.goto('/programme');
	await expect(page.getByText('OJT week 3')).toBeVisible();
	await expect(page.locator('[aria-current="step"]').first()).toBeVisible();
	await expectAccessible(page);
	await page.goto('/programme/checklist');
	await expectAccessible(page);
	const before = await page.getByText(/of 5 done/).textContent();
	await page.getByRole('button', { name: 'Mark done: Travel itinerary confirmed' }).click();
	await expect(page.getByText(/of 5 done/)).not.toHaveText(before!);
	await signOut(page);
	await signIn(page, demo.mentor);
	await page.goto('/programme/checklist');
	await expect(page.getByRole('row', { name: /Travel itinerary confirmed/ })).toContainText('done');
	await expectAccessible(page);
});

test('account page lists sessions and signs out the others', async ({ page, browser }) => {
	const other = await (await browser.newContext()).newPage();
	await signIn(other, demo.participant2);
	await signIn(page, demo.participant2);
	await page.goto('/account');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Sign out all other sessions' }).click();
	await expect(page.getByRole('status')).toContainText('signed out everywhere else');
	await other.goto('/dashboard');
	await expect(other).toHaveURL(/\/login/);
	await other.close();
});
