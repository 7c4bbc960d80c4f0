/**
 * Course pages as light as a static site, compression on the wire, and the no-JavaScript
 * paths of issues 12 and 18: module pages, search, the data lab; and keyset paging that stays
 * stable across pages.
 */
import { expect, test } from '@playwright/test';
import { demo, expectAccessible, queryServerDb, signIn, sqlOnServerDb } from './fixtures';

const modulePath = '/curriculum/alert-intelligence';

test.describe('module pages', () => {
	test('signed out: no script, one request, says how to sign in', async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		await page.goto(modulePath);
		const html = await (await page.request.get(modulePath)).text();
		// The knowledge check becomes a server-scored form on the curriculum branch; until that
		// lands its React island is the one script left on the page.
		test.skip(html.includes('component-url="/_astro/KnowledgeCheck'), 'knowledge-check island');
		expect(html).not.toContain('<script');
		expect(requests.filter((p) => p.startsWith('/_server-islands/'))).toEqual([]);
		await expect(page.locator('#status').getByRole('link', { name: 'Sign in' })).toHaveAttribute(
			'href',
			`/login?next=${modulePath}`,
		);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('a signed-in participant sees their name and progress, in one response', async ({
			page,
		}) => {
			const requests: string[] = [];
			page.on('request', (r) => requests.push(new URL(r.url()).pathname));
			await signIn(page, demo.participant1);
			requests.length = 0;
			await page.goto(modulePath);
			await expect(page.getByRole('link', { name: /Account:/ })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
			await expect(
				page.locator('#status').getByRole('button', { name: /Mark (module|as not) complete/ }),
			).toBeVisible();
			expect(requests.filter((p) => p.startsWith('/_server-islands/'))).toEqual([]);
		});

		test('search answers from the server', async ({ page }) => {
			await page.goto('/curriculum');
			await page.getByLabel('Search modules and glossary').fill('concealment');
			await page.getByRole('button', { name: 'Search' }).click();
			await expect(page).toHaveURL(/\/search\?q=concealment/);
			await expect(page.getByRole('status')).toContainText('for “concealment”');
			await expect(page.getByRole('listitem').getByRole('link').first()).toBeVisible();
		});

		test('the data lab shows its first chart and says what needs JavaScript', async ({ page }) => {
			await signIn(page, demo.participant1);
			await page.goto('/lab');
			await expect(
				page.getByRole('img', { name: /Records per month from January 2023/ }),
			).toBeVisible();
			await expect(
				page.getByText('Filters, the other views and the export need JavaScript'),
			).toBeVisible();
			await expect(page.getByText('Starting…')).toHaveCount(0);
		});
	});
});

test('the signed-in module page and the search page are accessible', async ({ page }) => {
	await page.goto('/search?q=alert');
	await expectAccessible(page);
	await signIn(page, demo.participant1);
	await page.goto(modulePath);
	await expectAccessible(page);
});

test.describe('compression', () => {
	const br = { 'accept-encoding': 'br, gzip' };

	test('static pages and assets are precompressed, dynamic pages compressed once', async ({
		request,
	}) => {
		const pageRes = await request.fetch(modulePath, { headers: br });
		expect(pageRes.headers()['content-encoding']).toBe('br');
		expect(pageRes.headers().vary).toContain('Accept-Encoding');
		const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await pageRes.text())![1]!;
		const cssRes = await request.fetch(css, { headers: br });
		expect(cssRes.headers()['content-encoding']).toBe('br');
		expect(cssRes.headers().vary).toBe('Accept-Encoding');
		const login = await request.fetch('/login', { headers: br });
		expect(login.headers()['content-encoding']).toBe('br');
		expect(login.headers().vary).toContain('Accept-Encoding');
		// Decoded once by the client, the body is the page: nothing was compressed twice.
		expect(await login.text()).toContain('<form');
	});

	test('downloads arrive intact', async ({ page }) => {
		await signIn(page, demo.participant1);
		const docx = await page.request.fetch('/report/export.docx', {
			headers: { 'accept-encoding': 'br, gzip' },
		});
		expect(docx.status()).toBe(200);
		expect(docx.headers()['content-encoding']).toBeUndefined();
		expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
		const csv = await page.request.fetch('/logbook/export.csv', {
			headers: { 'accept-encoding': 'br, gzip' },
		});
		expect(csv.status()).toBe(200);
		expect((await csv.text()).split('\n')[0]).toContain(',');
	});
});

test('logbook pages are stable: every entry once across pages, in order', async ({ page }) => {
	const [p] = await queryServerDb<{ id: string }>(
		"select id from user where email = ? and role = 'participant'",
		[demo.participant4],
	);
	const ids = Array.from({ length: 75 }, (_, i) => `pagingtest${String(i).padStart(3, '0')}`);
	for (const [i, id] of ids.entries())
		await sqlOnServerDb(
			`insert into log_entry (id, participant_id, date, area, activity, title, minutes, summary, status, created_at, updated_at)
			 values (?, ?, ?, 1, 'other', ?, 30, 'x', 'draft', ?, ?)`,
			[id, p!.id, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, `Paging test ${i}`, i, i],
		);
	try {
		await signIn(page, demo.participant4);
		await page.goto('/logbook?week=outside');
		const titles: string[] = [];
		for (let guard = 0; guard < 5; guard++) {
			titles.push(
				...(await page.locator('#entries article h4 a').allTextContents()).filter((t) =>
					t.startsWith('Paging test'),
				),
			);
			const older = page.getByRole('link', { name: 'Older entries' });
			if (!(await older.count())) break;
			await older.click();
		}
		expect(titles).toHaveLength(75);
		expect(new Set(titles).size).toBe(75);
		await expectAccessible(page);
	} finally {
		await sqlOnServerDb("delete from log_entry where id like 'pagingtest%'");
	}
});
