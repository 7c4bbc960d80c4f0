/**
 * Findings of the outside probe (issue 13), each against the real server: the sign-in redirect
 * stays on the site, malformed requests get a 4xx with a sentence, and the logbook CSV never
 * carries a formula.
 */
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { demo, queryServerDb, signIn, sqlOnServerDb } from './fixtures';

test('the sign-in redirect stays on the site, whatever `next` holds', async ({ page, baseURL }) => {
	// Signed out: the hidden field carries only a path the resolver accepted.
	await page.goto('/login?next=%2F%09%2Fevil.example');
	await expect(page.locator('input[name="next"]')).toHaveValue('/dashboard');

	// The sign-in form posted by hand with a line break in the hidden field.
	const signedIn = await page.request.post('/login?_action=auth.signIn', {
		form: { email: demo.participant1, password: 'demo-password', next: '/\r\n/x' },
		headers: { Origin: baseURL! },
		maxRedirects: 0,
	});
	expect(signedIn.status()).toBe(303);
	expect(signedIn.headers().location).toBe('/dashboard');

	// Signed in: /login sends you on, to the site only.
	for (const [next, expected] of [
		['%2F%09%2Fevil.example', '/dashboard'],
		['%2F%0A%2Fx', '/dashboard'],
		['%2F%5Cevil.example', '/dashboard'],
		['https%3A%2F%2Fevil.example%2F', '/dashboard'],
		['%2Flogbook%3Fweek%3D2026-W10', '/logbook?week=2026-W10'],
	]) {
		const res = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
		expect(res.status(), next).toBe(302);
		expect(res.headers().location, next).toBe(expected);
	}
});

test('malformed action requests get a 4xx with a sentence, never a 500', async ({
	page,
	baseURL,
}) => {
	await signIn(page, demo.participant1);
	const headers = (type: string) => ({ Origin: baseURL!, 'Content-Type': type });
	const cases = [
		{
			what: 'invalid JSON',
			url: '/_actions/logbook.create',
			type: 'application/json',
			body: '{"title": ',
			status: 400,
			message: /not valid JSON/,
		},
		{
			what: 'a POST to a group of actions',
			url: '/_actions/logbook',
			type: 'application/json',
			body: '{}',
			status: 404,
			message: /no action called "logbook"/,
		},
		{
			what: 'malformed multipart',
			url: '/_actions/logbook.create',
			type: 'multipart/form-data; boundary=xyz',
			body: '--xyz\r\nbroken',
			status: 400,
			message: /malformed/,
		},
		{
			what: 'a content type actions do not take',
			url: '/_actions/logbook.create',
			type: 'text/plain',
			body: 'hello',
			status: 415,
			message: /form data or JSON/,
		},
	];
	for (const c of cases) {
		// A Buffer goes out byte for byte (a string with a JSON type would be re-encoded).
		const data = Buffer.from(c.body);
		const res = await page.request.post(c.url, { headers: headers(c.type), data });
		expect(res.status(), c.what).toBe(c.status);
		expect((await res.json()).message, c.what).toMatch(c.message);
	}
	// The same malformed form posted to a page answers in plain words too.
	const viaPage = await page.request.post('/logbook/new?_action=logbook.create', {
		headers: headers('multipart/form-data; boundary=xyz'),
		data: Buffer.from('--xyz\r\nbroken'),
	});
	expect(viaPage.status()).toBe(400);
	expect(await viaPage.text()).toMatch(/malformed/);
});

test('the logbook CSV neutralises formulas, also in cells of several lines', async ({ page }) => {
	const [entry] = await queryServerDb<{ id: string }>(
		"select e.id from log_entry e join user u on u.id = e.participant_id where u.email = ? and e.handling = 'unrestricted' limit 1",
		[demo.participant1],
	);
	const summary = '=HYPERLINK("https://evil.example","Open")\nsecond line';
	await sqlOnServerDb('update log_entry set summary = ?, title = ? where id = ?', [
		summary,
		'@SUM(1+1)',
		entry!.id,
	]);
	await signIn(page, demo.participant1);
	const csv = await (await page.request.get('/logbook/export.csv')).text();
	const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
		header: true,
	}).data;
	const row = rows.find((r) => r.what_was_done?.includes('HYPERLINK'));
	expect(row?.what_was_done).toBe(`'${summary}`);
	expect(row?.title).toBe("'@SUM(1+1)");
	for (const r of rows)
		for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});

test('the Secretariat downloads the Word file of a report it reads, and others’ officers stay 404', async ({
	page,
}) => {
	await signIn(page, demo.secretariat);
	const view = await page.request.get('/oversight/demopart0003/report?version=1');
	expect(view.status()).toBe(200);
	const docx = await page.request.get('/oversight/demopart0003/report.docx?version=1');
	expect(docx.status()).toBe(200);
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
	expect((await page.request.get('/oversight/nosuch/report.docx?version=1')).status()).toBe(404);
});
