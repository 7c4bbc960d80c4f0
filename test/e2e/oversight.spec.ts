/**
 * The charter's other parties, end to end: a participant submits the final report; the home
 * administration's contact and the WCO Secretariat each read and acknowledge it; the
 * Secretariat requests a correction; the participant resubmits; version 2 is delivered again.
 * A cohort, officer and home contact of their own keep the demo's records untouched.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	demo,
	expectAccessible,
	queryServerDb,
	saveReportOutline,
	signIn,
	signOut,
	sqlOnServerDb,
} from './fixtures';

const officer = { id: 'e2eofficer01', email: 'officer.e2e@demo.test', name: 'Hana Officer' };
const home = { id: 'e2ehomejp01', email: 'home.e2e@demo.test', name: 'Kaito Home Contact' };
const cohortId = 'e2eoversight';
const dayMs = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * dayMs).toISOString().slice(0, 10);

type Person = { id: string; email: string; name: string };

/** Adds a user who signs in with the demo password (the same hash as demo participant 1's). */
async function addDemoPasswordUser(
	u: Person,
	role: 'participant' | 'home',
	administrationId: string | null,
) {
	const [{ hash }] = await queryServerDb<{ hash: string }>(
		"select password_hash hash from user where id = 'demopart0001'",
	);
	// The database helper binds strings and numbers; a missing administration is SQL null.
	const administration = administrationId ?? (null as unknown as string);
	await sqlOnServerDb(
		'insert or ignore into user (id, email, name, role, administration_id, password_hash, created_at) values (?, ?, ?, ?, ?, ?, ?)',
		[u.id, u.email, u.name, role, administration, hash!, Date.now()],
	);
}

/** Makes someone a participant of this file's cohort, sent by the given administration. */
async function joinCohort(userId: string, administrationId: string) {
	await sqlOnServerDb(
		"insert or ignore into cohort_member (cohort_id, user_id, role, administration_id, created_at) values (?, ?, 'participant', ?, ?)",
		[cohortId, userId, administrationId, Date.now()],
	);
}

/** Has the participant's outline presented, then submits their final report from /report. */
async function submitFinalReport(page: Page, participantId: string) {
	await sqlOnServerDb(
		"update report set status = 'outline_presented', outline_presented_on = ? where participant_id = ?",
		[day(-5), participantId],
	);
	await page.goto('/report');
	await page.getByLabel(/I am sending version 1 to RILO A\/P/).check();
	await page.getByRole('button', { name: 'Submit final report' }).click();
}

test.beforeAll(async () => {
	await sqlOnServerDb(
		`insert or ignore into cohort (id, edition, timezone, training_start, training_end, ojt_start, ojt_end,
		  departure_date, outline_presentation_date, report_due_date, corrections_until, created_at)
		 values (?, 'Oversight e2e', 'Asia/Tokyo', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		[
			cohortId,
			day(-30),
			day(-26),
			day(-23),
			day(-4),
			day(-2),
			day(-5),
			day(12),
			day(28),
			Date.now(),
		],
	);
	await addDemoPasswordUser(officer, 'participant', null);
	await addDemoPasswordUser(home, 'home', 'wco-ap-japan');
	await joinCohort(officer.id, 'wco-ap-japan');
});

async function deliveryRow(page: Page, recipient: RegExp) {
	return page.getByRole('region', { name: /Delivery to the three recipients/ }).getByRole('row', {
		name: recipient,
	});
}

test('submit, deliver to three, acknowledge, request a correction, resubmit: version 2 delivered', async ({
	page,
}) => {
	test.setTimeout(240_000);
	// The participant writes an evaluation, the outline is presented, and they submit.
	await signIn(page, officer.email);
	await page.goto('/report');
	await saveReportOutline(
		page,
		/Evaluation of the programme/,
		'- Candid evaluation for the e2e test',
	);
	await submitFinalReport(page, officer.id);
	await expect(page.getByText('sent to the three recipients')).toBeVisible();
	for (const r of [/RILO A\/P/, /WCO Secretariat/, /Home administration/])
		await expect(await deliveryRow(page, r)).toContainText(/On time/);
	await signOut(page);

	// The home contact lands on their dashboard, opens their officers, reads version 1 (the
	// evaluation is in it) and acknowledges.
	await signIn(page, home.email);
	await expect(page).toHaveURL(/\/dashboard$/);
	await page.getByRole('link', { name: 'Your administration’s officers' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Japan');
	await page.getByRole('link', { name: officer.name }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Version 1' }).click();
	await expect(page.getByText('Candid evaluation for the e2e test')).toBeVisible();
	await page.getByRole('button', { name: 'Acknowledge receipt of version 1' }).click();
	await expect(page.getByRole('status')).toContainText('Receipt acknowledged');
	await expect(await deliveryRow(page, /Home administration/)).toContainText(home.name);
	// The home contact cannot request corrections: there is no form for it.
	await expect(page.getByRole('button', { name: 'Request corrections' })).toHaveCount(0);
	await signOut(page);

	// The Secretariat acknowledges too, then asks for a correction naming a section and why.
	await signIn(page, demo.secretariat);
	await page.goto(`/oversight/${officer.id}/report`);
	await page.getByRole('button', { name: 'Acknowledge receipt of version 1' }).click();
	await expect(page.getByRole('status')).toContainText('Receipt acknowledged');
	// The Word file of the version, as delivered, from the link on the page.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download version 1 as a Word document (.docx)' }).click();
	const file = await (await download).path();
	expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
	// Naming no section is refused in words, and nothing is returned.
	await page.getByRole('button', { name: 'Request corrections' }).click();
	await expect(page.getByRole('alert').first()).toContainText(/Name at least one section/);
	await page
		.getByLabel(/What to correct in “3\. Recommendation/)
		.fill('Add a time frame to each recommendation, for the home administration.');
	await page.getByRole('button', { name: 'Request corrections' }).click();
	await expect(page.getByRole('status')).toContainText('Returned for corrections');
	await expectAccessible(page);
	await signOut(page);

	// The participant sees the request and resubmits: version 2 goes to all three again.
	await signIn(page, officer.email);
	await page.goto('/report');
	await expect(page.getByText('Add a time frame to each recommendation').first()).toBeVisible();
	await page.getByLabel(/I am sending version 2 to RILO A\/P/).check();
	await page.getByRole('button', { name: 'Submit the corrected report' }).click();
	await expect(page.getByText('sent to the three recipients')).toBeVisible();
	const delivery = page.getByRole('region', { name: /Delivery to the three recipients/ });
	await expect(delivery.getByRole('heading', { name: /Version 2/ })).toBeVisible();
	const v2 = await queryServerDb<{ recipient: string; delivered_at: number | null }>(
		'select d.recipient, d.delivered_at from report_delivery d join report_version v on v.id = d.version_id where v.participant_id = ? and v.number = 2',
		[officer.id],
	);
	expect(v2.map((d) => d.recipient).sort()).toEqual([
		'home_administration',
		'rilo_ap',
		'wco_secretariat',
	]);
	expect(v2.every((d) => d.delivered_at)).toBe(true);
	await signOut(page);

	// The Secretariat sees version 2 waiting for its acknowledgement.
	await signIn(page, demo.secretariat);
	await page.goto(`/oversight/${officer.id}`);
	await expect(
		page.getByRole('button', { name: 'Acknowledge receipt of version 2' }),
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Version 1' })).toBeVisible();
});

test('after the corrections window the Secretariat is told it closed, and nothing changes', async ({
	page,
}) => {
	await sqlOnServerDb('update cohort set corrections_until = ? where id = ?', [day(-1), cohortId]);
	await signIn(page, demo.secretariat);
	await page.goto(`/oversight/${officer.id}/report`);
	await expect(page.getByText(/corrections window closed on/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Request corrections' })).toHaveCount(0);
	const res = await page.request.post(
		`/oversight/${officer.id}/report?_action=report.requestCorrections`,
		{
			form: { participantId: officer.id, position: '1', correction: 'Too late' },
			headers: { Origin: new URL(page.url()).origin },
		},
	);
	expect(res.status()).toBe(409);
	expect(await res.text()).toMatch(/corrections window closed on/);
	await sqlOnServerDb('update cohort set corrections_until = ? where id = ?', [day(28), cohortId]);
});

test('the demo accounts: home1 sees participant 1 and agrees an activity; the Secretariat sees restricted entries exist', async ({
	page,
}) => {
	await signIn(page, demo.home1);
	await page.goto('/oversight/demopart0001');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mara Santos');
	const pending = page.locator('#agreement-demoact-0-2');
	await expect(pending).toContainText('Waiting for agreement');
	await pending.getByRole('button', { name: 'Record my answer' }).click();
	await expect(page.getByRole('status')).toContainText('Your answer on the activity is recorded');
	await expect(page.locator('#agreement-demoact-0-2')).toContainText(
		/Home administration: agreed by/,
	);
	// No restricted entry, draft or mentor comment reaches a home contact.
	await expect(page.getByText('Restricted entry')).toHaveCount(0);
	await signOut(page);

	await signIn(page, demo.secretariat);
	await page.goto('/oversight/demopart0001');
	const restricted = await queryServerDb<{ n: number }>(
		"select count(*) n from log_entry where participant_id = 'demopart0001' and status = 'approved' and handling = 'restricted'",
	);
	await expect(page.getByText('Restricted entry: its text stays within RILO A/P.')).toHaveCount(
		Number(restricted[0]!.n),
	);
	await expect(page.getByRole('button', { name: 'Record my answer' })).toHaveCount(0);
	await expectAccessible(page);
});

test('a home administration without a contact: pending for the admin, then a one-visit link with .docx and acknowledgement', async ({
	page,
	browser,
}) => {
	test.setTimeout(240_000);
	const lone = { id: 'e2eofficer02', email: 'officer2.e2e@demo.test', name: 'Sefa Lone Officer' };
	await addDemoPasswordUser(lone, 'participant', null);
	await joinCohort(lone.id, 'wco-ap-fiji');
	await signIn(page, lone.email);
	await page.goto('/report');
	await submitFinalReport(page, lone.id);
	await expect(await deliveryRow(page, /Home administration/)).toContainText(
		'Pending: nobody there has an account yet',
	);
	await signOut(page);

	await signIn(page, demo.admin);
	await page.goto('/admin');
	const pending = page.getByRole('region', { name: 'Final reports not yet delivered' });
	await expect(pending).toContainText(`${lone.name}, version 1`);
	await pending.getByRole('link', { name: `${lone.name}, version 1` }).click();
	await page.getByLabel(/Send version 1 to the Home administration by link/).fill('ncp@fiji.test');
	await page.getByRole('button', { name: 'Send link' }).click();
	await expect(page.getByRole('status')).toContainText('The link is ready');
	const link = (await page.locator('[role="status"] code').innerText()).trim();
	expect(link).toMatch(/\/delivery\/[a-z0-9]{32}$/);
	await expect(await deliveryRow(page, /Home administration/)).toContainText(
		'a link was sent to ncp@fiji.test',
	);
	await signOut(page);

	// The recipient, signed out, opens the link: the report to print, the Word file, acknowledgement.
	const outsider = await browser.newContext();
	const reader = await outsider.newPage();
	await reader.goto(new URL(link).pathname);
	await expect(reader.getByRole('heading', { level: 1 })).toContainText('Final report');
	await expect(reader.getByText(lone.name).first()).toBeVisible();
	await expectAccessible(reader);
	const docx = await reader.request.get(`${new URL(link).pathname}/report.docx`);
	expect(docx.status()).toBe(200);
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
	await reader.getByRole('button', { name: 'Acknowledge receipt' }).click();
	await expect(reader.getByRole('status')).toContainText('Receipt acknowledged');
	// After the one visit, the link no longer opens the report.
	await sqlOnServerDb('update report_delivery set link_used_at = ? where link_email = ?', [
		Date.now() - 2 * 3_600_000,
		'ncp@fiji.test',
	]);
	await reader.goto(new URL(link).pathname);
	await expect(reader.getByRole('alert')).toContainText('already been used');
	expect((await reader.request.get(`${new URL(link).pathname}/report.docx`)).status()).toBe(404);
	await outsider.close();
	const [row] = await queryServerDb<{ delivered_at: number; acknowledged_at: number }>(
		"select d.delivered_at, d.acknowledged_at from report_delivery d join report_version v on v.id = d.version_id where v.participant_id = ? and d.recipient = 'home_administration'",
		[lone.id],
	);
	expect(row!.delivered_at).toBeTruthy();
	expect(row!.acknowledged_at).toBeTruthy();
});
