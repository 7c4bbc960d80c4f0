/**
 * The second factor in a real browser: a mentor sets up an authenticator app, signs out, signs
 * in with a code after the password and is refused with a wrong one; a staff member whose role
 * requires a factor reaches no other page (and no action) before setting one up.
 */
import { generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { expect, test, type Page } from '@playwright/test';
import { demo, demoPassword, expectAccessible, sqlOnServerDb, submitSignIn } from './fixtures';

/** A staff account that is not a demo account (not exempt), with the demo password. */
async function staffAccount(id: string, email: string, role: 'mentor' | 'secretariat') {
	await sqlOnServerDb(
		'insert or ignore into user (id, email, name, role, password_hash, second_factor_exempt) select ?, ?, ?, ?, password_hash, 0 from user where email = ?',
		[id, email, `Staff ${id}`, role, demo.mentor],
	);
}

/** The code the app would show now for the key written out on the page. */
async function codeFromPage(page: Page): Promise<{ key: Uint8Array; code: string }> {
	const text = await page.locator('#totp-key').innerText();
	const key = decodeBase32IgnorePadding(text.replace(/\s+/g, ''));
	return { key, code: generateTOTP(key, 30, 6) };
}

/** Waits into the next 30-second step, so the app shows a code not used yet. */
async function nextStep(page: Page) {
	await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
}

test('a mentor sets up an authenticator app, then signs in with its code and not without it', async ({
	page,
}) => {
	test.setTimeout(120_000);
	await staffAccount('e2etotpmentor', 'totp.mentor@demo.test', 'mentor');
	await page.goto('/login');
	await submitSignIn(page, 'totp.mentor@demo.test');
	// The role requires a factor: the person lands on the setup page.
	await expect(page).toHaveURL(/\/account\/second-factor\?required/);
	await expect(page.getByRole('alert')).toContainText('Your role requires a second factor');
	await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
	await expectAccessible(page);

	// A wrong code is refused beside its field, the same key kept.
	const { key, code } = await codeFromPage(page);
	await page.getByLabel('Code from the app').fill(code === '123456' ? '654321' : '123456');
	await page.getByLabel('Your password').fill(demoPassword);
	await page.getByRole('button', { name: 'Turn on the second factor' }).click();
	await expect(page.locator('#field-code-error')).toContainText('That code does not match');
	const again = await codeFromPage(page);
	expect(again.key).toEqual(key);
	await page.getByLabel('Code from the app').fill(generateTOTP(key, 30, 6));
	await page.getByLabel('Your password').fill(demoPassword);
	await page.getByRole('button', { name: 'Turn on the second factor' }).click();
	const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
	await expect(codes).toHaveCount(10);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Continue to the portal' }).click();
	await expect(page).toHaveURL(/\/dashboard/);

	// Signed out, the password alone no longer signs in.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/login?next=%2Faccount');
	await submitSignIn(page, 'totp.mentor@demo.test');
	await expect(page).toHaveURL(/\/login\/second-factor/);
	await expectAccessible(page);
	// Nothing opens with the password alone.
	expect((await page.request.get('/dashboard', { maxRedirects: 0 })).headers().location).toMatch(
		/^\/login/,
	);
	await page.getByLabel('Code').fill('000000');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('alert')).toContainText('That code is not right');
	await expect(page).toHaveURL(/\/login\/second-factor/);

	await nextStep(page);
	await page.getByLabel('Code').fill(generateTOTP(key, 30, 6));
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await expect(
		page.getByText('An authenticator app is set up; 10 recovery codes left.'),
	).toBeVisible();
});

test('a staff member who must set up a second factor reaches no other page or action first', async ({
	page,
	baseURL,
}) => {
	await staffAccount('e2emustenrol', 'must.enrol@demo.test', 'secretariat');
	await page.goto('/login');
	await submitSignIn(page, 'must.enrol@demo.test');
	await expect(page).toHaveURL(/\/account\/second-factor\?required/);
	for (const path of [
		'/dashboard',
		'/account',
		'/oversight',
		'/notifications',
		'/admin/applications',
	])
		expect((await page.request.get(path, { maxRedirects: 0 })).headers().location, path).toBe(
			'/account/second-factor?required',
		);
	const action = await page.request.post('/_actions/account.savePreferences', {
		form: {},
		headers: { Origin: baseURL! },
	});
	expect(action.status()).toBe(403);
	expect((await action.json()).message).toContain('Set up a second factor first');
	// Signing out still works.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login/);
	// The demo's own staff accounts are exempt: the Secretariat signs in with the password alone.
	await submitSignIn(page, demo.secretariat);
	await expect(page).toHaveURL(/\/dashboard/);
});

test('a passkey is registered and then used as the second step (virtual authenticator, on localhost)', async ({
	browser,
	baseURL,
}) => {
	// WebAuthn refuses an IP address as the relying party: the same server, named localhost.
	const origin = baseURL!.replace('127.0.0.1', 'localhost');
	const context = await browser.newContext({ baseURL: origin });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
		},
	});
	await staffAccount('e2epasskey01', 'passkey.mentor@demo.test', 'mentor');
	await page.goto('/login');
	await submitSignIn(page, 'passkey.mentor@demo.test');
	await expect(page).toHaveURL(/\/account\/second-factor\?required/);
	await page.getByLabel('Name of this passkey').fill('Test laptop');
	await page.getByRole('button', { name: 'Add a passkey' }).click();
	await expect(page.getByRole('status')).toContainText('Passkey added');
	await expect(page.getByRole('cell', { name: 'Test laptop', exact: true })).toBeVisible();
	// Registered: the requirement is met, other pages open.
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/dashboard/);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/login');
	await submitSignIn(page, 'passkey.mentor@demo.test');
	await expect(page).toHaveURL(/\/login\/second-factor/);
	await page.getByRole('button', { name: 'Use a passkey' }).click();
	await expect(page).toHaveURL(/\/dashboard/);
	await context.close();
});

test('a person ends one other session from the account page', async ({ page, browser }) => {
	const phone = await browser.newContext({
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
	});
	const other = await phone.newPage();
	await other.goto('/login');
	await submitSignIn(other, demo.participant3);
	await page.goto('/login');
	await submitSignIn(page, demo.participant3);
	await page.goto('/account');
	const row = page.getByRole('row', { name: /Safari on iOS/ });
	await expect(page.getByRole('row', { name: /this browser/ })).toBeVisible();
	await row.getByRole('button', { name: /End session: Safari on iOS/ }).click();
	await expect(page.getByRole('status')).toContainText('That session has ended.');
	await expect(page.getByRole('row', { name: /Safari on iOS/ })).toHaveCount(0);
	await expectAccessible(page);
	await other.goto('/dashboard');
	await expect(other).toHaveURL(/\/login/);
	await phone.close();
});
