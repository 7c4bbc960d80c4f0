import { expect, test } from '@playwright/test';
import { expectAccessible, watchConsole } from './fixtures';

test('home page says what the programme is, with security headers and no errors', async ({
	page,
}) => {
	const errors = watchConsole(page);
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).not.toContain("'unsafe-inline'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Regional Data/Intelligence Professionals Programme',
	);
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
	// The user menu arrives from a server island: signed out, it offers to sign in.
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }),
	).toBeVisible();
	await expectAccessible(page);
	expect(errors).toEqual([]);
});

test('an unknown address gets the 404 page with the headers', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	expect(response!.headers()['x-content-type-options']).toBe('nosniff');
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expectAccessible(page);
});

test('health check answers ok while the database answers', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok' });
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('static assets carry the security headers too', async ({ request }) => {
	const response = await request.get('/favicon.svg');
	expect(response.status()).toBe(200);
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['x-frame-options']).toBe('DENY');
});

test('a cross-origin form post is refused', async ({ request }) => {
	const response = await request.post('/login?_action=auth.signIn', {
		headers: { Origin: 'http://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
		data: 'email=admin%40demo.test&password=demo-password',
	});
	expect(response.status()).toBe(403);
});
