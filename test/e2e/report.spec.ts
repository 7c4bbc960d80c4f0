import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import {
	demo,
	expectAccessible,
	queryServerDb,
	saveReportOutline,
	signIn,
	signOut,
	sqlOnServerDb,
	submitSignIn,
	watchConsole,
} from './fixtures';

const recommendations = (page: import('@playwright/test').Page) =>
	page.getByRole('region', { name: /Recommendation\(s\) to the home administration/ });

test('draft from the log, two tabs on one section, exports', async ({ browser }) => {
	test.setTimeout(150_000); // many pages and axe runs on a shared 2-core machine
	const context = await browser.newContext();
	const tabA = await context.newPage();
	const errors = watchConsole(tabA);
	await signIn(tabA, demo.participant1);
	await tabA.goto('/report');
	await expectAccessible(tabA);
	await tabA.getByRole('button', { name: 'Draft from my log' }).click();
	// It says what it added, where, and moves the focus there.
	const drafted = tabA.locator('#drafted');
	await expect(drafted).toContainText(/Draft from my log added \d+ approved log entr/);
	await expect(drafted).toBeFocused();
	const activities = tabA.getByRole('region', { name: /Summary of programme activities/ });
	await expect(activities.getByLabel('Outline (points, one per line)')).toHaveValue(
		/\(1\) RILO A\/P roles and functions/,
	);
	await expect(activities.getByLabel('Outline (points, one per line)')).toHaveValue(/Week 1/);

	// Two tabs on the same section: A autosaves first, B's save meets a conflict and keeps both texts.
	const tabB = await context.newPage();
	await tabB.goto('/report');
	await recommendations(tabA).getByLabel('Outline (points, one per line)').fill('- From tab A');
	await expect(recommendations(tabA).getByRole('status')).toContainText('Saved at', {
		timeout: 10_000,
	});
	await recommendations(tabB).getByLabel('Outline (points, one per line)').fill('- From tab B');
	await expect(recommendations(tabB).getByRole('alert')).toContainText('saved elsewhere', {
		timeout: 10_000,
	});
	await expect(recommendations(tabB).getByRole('alert')).toContainText('From tab A');
	await expect(recommendations(tabB).getByLabel('Outline (points, one per line)')).toHaveValue(
		'- From tab B',
	);
	await recommendations(tabB).getByRole('button', { name: 'Keep my text (save over)' }).click();
	await expect(recommendations(tabB).getByRole('status')).toContainText('Saved at');
	// 24-hour, as every time on the site.
	await expect(recommendations(tabB).getByRole('status')).toContainText(
		/Saved at ([01]\d|2[0-3]):[0-5]\d\b(?! ?[AP]M)/,
	);
	await tabA.reload();
	await expect(recommendations(tabA).getByLabel('Outline (points, one per line)')).toHaveValue(
		'- From tab B',
	);

	// The history shows both versions and their difference.
	await recommendations(tabA)
		.getByRole('link', { name: /History of/ })
		.click();
	await expect(tabA.locator('ins').filter({ hasText: 'B' }).first()).toBeVisible();
	await expectAccessible(tabA);

	const md = await tabA.request.get('/report/export.md');
	expect(md.headers()['content-type']).toContain('text/markdown');
	const text = await md.text();
	for (const title of [
		'Summary of programme activities',
		'Results of the thematic study',
		'Recommendation(s) to the home administration',
		'Evaluation of the programme',
	])
		expect(text).toContain(title);
	expect(text).toContain('From tab B');
	const docx = await tabA.request.get('/report/export.docx');
	const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']!);
	expect(xml).toContain('From tab B');
	expect(xml).toContain('Evaluation of the programme');
	await tabA.goto('/report/print');
	await expectAccessible(tabA);
	await tabA.goto('/report/pack');
	await expect(tabA.getByText(/restricted log entr(y is|ies are) left out/)).toBeVisible();
	await expectAccessible(tabA);
	expect(errors).toEqual([]);
	await context.close();
});

test('a mentor comments on a section; the participant replies; the evaluation stays hidden', async ({
	page,
}) => {
	await signIn(page, demo.participant2);
	await page.goto('/report');
	await saveReportOutline(page, /Evaluation of the programme/, '- Candid: too short');
	await signOut(page);

	await signIn(page, demo.mentor);
	await page.goto('/review/demopart0002');
	await page.getByRole('link', { name: 'Final report' }).click();
	await expect(
		page.getByText('hidden from mentors until the final report is submitted'),
	).toBeVisible();
	await expect(page.getByText('Candid: too short')).toHaveCount(0);
	const section = page.getByRole('region', { name: /Recommendation\(s\)/ });
	await section.getByLabel('Passage you mean (copy it here)').fill('the whole section');
	await section.getByLabel('New comment').fill('Please add one concrete recommendation.');
	await section.getByRole('button', { name: 'Add comment' }).click();
	await expect(page.getByText('Please add one concrete recommendation.')).toBeVisible();
	await expectAccessible(page);
	const md = await page.request.get('/report/export.md?participant=demopart0002');
	expect(md.status()).toBe(200);
	expect(await md.text()).not.toContain('Candid: too short');
	await signOut(page);

	await signIn(page, demo.participant2);
	await page.goto('/report');
	const mine = page.getByRole('region', { name: /Recommendation\(s\)/ });
	await expect(mine.getByText('“the whole section”')).toBeVisible();
	await mine.getByLabel('Reply').fill('Added: a national alert desk.');
	await mine.getByRole('button', { name: 'Reply' }).click();
	await expect(page.getByText('Added: a national alert desk.')).toBeVisible();
});

test('another participant’s report and history are 404; the calendar feed needs its token', async ({
	page,
	request,
}) => {
	await signIn(page, demo.participant4);
	expect((await page.goto('/report/demopart0001'))?.status()).toBe(404);
	expect((await page.request.get('/report/export.md?participant=demopart0001')).status()).toBe(200); // a participant always gets their own
	await page.goto('/programme');
	await page.getByRole('button', { name: /feed address/ }).click();
	await expect(page.getByRole('button', { name: 'Copy the feed address' })).toBeVisible();
	await expectAccessible(page);
	const feed = (await page.locator('#feed-url').getAttribute('href'))!;
	const ics = await request.get(new URL(feed).pathname);
	expect(ics.status()).toBe(200);
	expect(await ics.text()).toContain('BEGIN:VCALENDAR');
	expect((await request.get('/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics')).status()).toBe(404);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a section saved after the session ended comes back after sign-in', async ({ page }) => {
		await signIn(page, demo.participant1);
		await page.goto('/report');
		const typed = `- Typed before the session ended ${Date.now()}`;
		await recommendations(page).getByLabel('Outline (points, one per line)').fill(typed);
		await sqlOnServerDb('update auth_session set expires_at = 0 where user_id = ?', [
			'demopart0001',
		]);
		await recommendations(page).getByRole('button', { name: 'Save' }).click();
		await expect(page).toHaveURL(/\/login\?expired/);
		await submitSignIn(page, demo.participant1);
		await expect(page).toHaveURL(/\/report\?restore=/);
		await expect(recommendations(page).getByText('Here is what you typed')).toBeVisible();
		await expect(recommendations(page).getByLabel('Outline (points, one per line)')).toHaveValue(
			typed,
		);
		await recommendations(page).getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Section saved.')).toBeVisible();
		await expect(recommendations(page).getByLabel('Outline (points, one per line)')).toHaveValue(
			typed,
		);
	});

	test('a section typed in the browser keeps its list structure in the Word file', async ({
		page,
	}) => {
		await signIn(page, demo.participant1);
		await page.goto('/report');
		const outline = recommendations(page).getByLabel('Outline (points, one per line)');
		// Typed as a person would: Enter between lines; the browser posts CRLF.
		await outline.fill('');
		await outline.pressSequentially('- National alert desk');
		for (const line of ['  - staffed by two analysts', '- Feedback within 48 hours']) {
			await outline.press('Enter');
			await outline.pressSequentially(line);
		}
		await recommendations(page).getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Section saved.')).toBeVisible();
		const docx = await page.request.get('/report/export.docx');
		expect(docx.headers()['content-disposition']).toMatch(
			/filename="final-report-mara-santos\.docx"/,
		);
		const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']!);
		const paragraph = (text: string) =>
			xml.split('</w:p>').find((p) => p.includes(text)) ?? `(no paragraph with ${text})`;
		expect(paragraph('National alert desk')).toMatch(/<w:numPr><w:ilvl w:val="0"\/>/);
		expect(paragraph('staffed by two analysts')).toMatch(/<w:numPr><w:ilvl w:val="1"\/>/);
		expect(paragraph('Feedback within 48 hours')).toMatch(/<w:numPr><w:ilvl w:val="0"\/>/);
		expect(xml).not.toMatch(/<w:t[^>]*>\s*- /);
		const outlineFile = await page.request.get('/report/export.docx?scope=outline');
		expect(outlineFile.headers()['content-disposition']).toMatch(
			/filename="report-outline-mara-santos\.docx"/,
		);
	});
});

test('submit → return for corrections → resubmit → accept → certificate → verify signed out', async ({
	browser,
}) => {
	test.setTimeout(180_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	const errors = watchConsole(page);
	const status = page.getByRole('heading', { name: /^Status:/ });

	// The participant presents the outline, then submits version 1.
	await signIn(page, demo.participant2);
	await page.goto('/report');
	// The lead points at the status box where it is: below it.
	const lead = page.getByText(/submit it from the status box below/);
	await expect(lead).toBeVisible();
	expect(
		await lead.evaluate(
			(p) =>
				!!(
					p.compareDocumentPosition(document.querySelector('#lifecycle')!) &
					Node.DOCUMENT_POSITION_FOLLOWING
				),
		),
	).toBe(true);
	await page.getByRole('button', { name: 'Record the presentation' }).click();
	await expectAccessible(page);
	// Sending to three outside recipients needs a confirmation that names them and the version.
	await page.getByRole('button', { name: 'Submit final report' }).click();
	await expect(page.locator('#submit-error')).toHaveText('Tick the box to confirm.');
	await expect(status).toHaveText('Status: Outline presented');
	await page
		.getByLabel(
			'I am sending version 1 to RILO A/P, the WCO Secretariat and Kestrel Islands Customs (fictional).',
		)
		.check();
	await page.getByRole('button', { name: 'Submit final report' }).click();
	await expect(status).toHaveText('Status: Final report submitted');
	await expect(page.getByText(/Version 1 submitted .* waiting for a decision/)).toBeVisible();
	// The working copy stays editable; version 1 does not change.
	const outline = recommendations(page).getByLabel('Outline (points, one per line)');
	await outline.fill('- Changed after version 1');
	await recommendations(page).getByRole('button', { name: 'Save' }).click();
	await expect(recommendations(page).getByRole('status')).toContainText('Saved at');
	await signOut(page);

	// The mentor reads version 1, cannot accept before departure, returns it naming a section.
	await signIn(page, demo.mentor);
	await page.goto('/report/demopart0002');
	await expect(page.getByText('Showing version 1')).toBeVisible();
	await expect(page.getByText('Changed after version 1')).toHaveCount(0);
	await page.getByRole('button', { name: 'Return for corrections' }).click();
	await expect(page.locator('#correction-error')).toHaveText(
		'Name at least one section: write what to correct beside it.',
	);
	await expect(page.getByText('Failed to validate')).toHaveCount(0);
	await page.getByLabel('Yes, accept version 1 and close the report').check();
	await page.getByRole('button', { name: 'Accept version 1' }).click();
	await expect(page.locator('#accept-error')).toContainText('from the participant’s departure on');
	await expectAccessible(page);
	await page
		.getByLabel(/What to correct in “3\. Recommendation\(s\)/)
		.fill('Add a time frame to each recommendation.');
	await page.getByRole('button', { name: 'Return for corrections' }).click();
	await expect(status).toHaveText('Status: Corrections requested');
	await signOut(page);

	// The participant sees what to correct, corrects it and submits version 2.
	await signIn(page, demo.participant2);
	await page.goto('/report');
	await expect(page.locator('#corrections')).toContainText(
		'Add a time frame to each recommendation.',
	);
	await expect(recommendations(page).getByText('Correction requested')).toBeVisible();
	await outline.fill('- Feedback on every alert within 48 hours');
	await recommendations(page).getByRole('button', { name: 'Save' }).click();
	await expect(recommendations(page).getByRole('status')).toContainText('Saved at');
	await expect(page.getByText(/freezes a dated copy of every section as version 2/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Submit final report' })).toHaveCount(0);
	await page.getByLabel(/I am sending version 2 to RILO A\/P, the WCO Secretariat and /).check();
	await page.getByRole('button', { name: 'Submit the corrected report' }).click();
	await expect(status).toHaveText('Status: Corrections submitted');
	await signOut(page);

	// After the participant's departure, the admin accepts version 2, confirming first.
	const [cohort] = await queryServerDb<{ departure_date: string }>(
		"select departure_date from cohort where id = 'democohort01'",
	);
	const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
	await sqlOnServerDb("update cohort set departure_date = ? where id = 'democohort01'", [
		yesterday,
	]);
	try {
		await signIn(page, demo.admin);
		await page.goto('/report/demopart0002');
		await expect(page.getByText('Showing version 2')).toBeVisible();
		await expect(page.getByText('within 48 hours')).toBeVisible();
		await page.getByRole('button', { name: 'Accept version 2' }).click();
		await expect(page.locator('#accept-error')).toHaveText('Tick the box to confirm.');
		await page.getByLabel('Yes, accept version 2 and close the report').check();
		await page.getByRole('button', { name: 'Accept version 2' }).click();
		await expect(status).toHaveText('Status: Closed');
		await expectAccessible(page);
	} finally {
		await sqlOnServerDb("update cohort set departure_date = ? where id = 'democohort01'", [
			cohort!.departure_date,
		]);
	}
	const audit = await queryServerDb<{ action: string }>(
		"select action from audit_event where action like 'report.version_%' and details like '%demopart0002%' order by id",
	);
	expect(audit.map((a) => a.action)).toEqual([
		'report.version_submit',
		'report.version_return',
		'report.version_submit',
		'report.version_accept',
	]);
	await signOut(page);

	// Accepted = read-only: no editable field, and the server refuses a save.
	await signIn(page, demo.participant2);
	await page.goto('/report');
	await expect(
		page.locator('main textarea, main input:not([type=hidden]), main select'),
	).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Draft from my log|Save|Submit/ })).toHaveCount(0);
	const [section] = await queryServerDb<{ id: string; version: number }>(
		"select id, version from report_section where participant_id = 'demopart0002' and kind = 'recommendations'",
	);
	const refused = await page.request.post('/_actions/report.saveSection', {
		form: { id: section!.id, version: String(section!.version), outline: 'late' },
		headers: { Origin: new URL(page.url()).origin },
	});
	expect(refused.status()).toBe(409);
	expect(await refused.text()).toContain('read-only');

	// The certificate names the accepted version; its code verifies signed out.
	await page.getByRole('link', { name: 'Certificate of completion' }).click();
	const certificate = page.locator('article.certificate');
	await expect(certificate).toContainText('Tevita Lolo');
	await expect(certificate).toContainText('Demo edition,');
	await expect(certificate).not.toContainText('edition edition');
	await expect(certificate).toContainText('version 2');
	await expect(certificate).toContainText('Date of issue');
	await expect(page.getByText('Confidential material')).toHaveCount(0);
	await expectAccessible(page);
	const code = (await certificate.locator('.font-mono').textContent())!.trim();
	// The one verification code format: four groups of four, the first character naming a certificate.
	expect(code).toMatch(/^C[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
	// Refused steps answer 400/409 on purpose; anything else in the console is a bug.
	expect(errors.filter((e) => !/status of (400|409) /.test(e))).toEqual([]);
	await context.close();

	const visitor = await browser.newContext();
	const anonymous = await visitor.newPage();
	const res = await anonymous.goto(`/verify/${code}`);
	expect(res?.status()).toBe(200);
	await expect(anonymous.getByRole('heading', { name: 'Certificate verified' })).toBeVisible();
	for (const text of ['Tevita Lolo', 'Demo edition', 'Valid', 'Version 2, accepted'])
		await expect(anonymous.locator('main')).toContainText(text);
	await expectAccessible(anonymous);
	// Typed on the form in lower case with spaces, it verifies the same.
	await anonymous.goto('/verify');
	await anonymous.getByLabel('Code').fill(code.toLowerCase().replace(/-/g, ' '));
	await anonymous.getByRole('button', { name: 'Check the code' }).click();
	await expect(anonymous.getByRole('heading', { name: 'Certificate verified' })).toBeVisible();
	// An unknown certificate code is told about certificates, not letters.
	const unknown = await anonymous.goto('/verify/C000-0000-0000-0000');
	expect(unknown?.status()).toBe(404);
	await expect(anonymous.getByRole('heading', { name: 'Certificate not found' })).toBeVisible();
	await expect(anonymous.locator('main')).toContainText(
		'No certificate of completion has the code',
	);
	await expect(anonymous.locator('main .notice-error')).not.toContainText('enrolment letter');
	await expectAccessible(anonymous);
	await visitor.close();
});

test('the demo: participant 4’s accepted report is read-only, with a certificate; participant 3’s waits for a decision', async ({
	page,
}) => {
	await signIn(page, demo.participant4);
	await page.goto('/report');
	await expect(page.getByRole('heading', { name: 'Status: Closed' })).toBeVisible();
	await expect(page.locator('main textarea')).toHaveCount(0);
	await page.getByRole('link', { name: 'Certificate of completion' }).click();
	await expect(page.locator('article.certificate')).toContainText('version 2');
	await signOut(page);
	await signIn(page, demo.mentor);
	await page.goto('/report/demopart0003');
	await expect(page.getByRole('heading', { name: 'Decide on version 1' })).toBeVisible();
	await expectAccessible(page);
});
