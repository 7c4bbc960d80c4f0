/** Shared steps for browser tests: signing in as a demo account and checking accessibility. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'demo-password';
export const demo = {
	admin: 'admin@demo.test',
	mentor: 'mentor@demo.test',
	participant1: 'participant1@demo.test',
	participant2: 'participant2@demo.test',
	participant3: 'participant3@demo.test',
	participant4: 'participant4@demo.test',
	secretariat: 'secretariat@demo.test',
	home1: 'home1@demo.test',
	home2: 'home2@demo.test',
	home3: 'home3@demo.test',
	home4: 'home4@demo.test',
	/** Past participants of the archived demo edition (db/seed-demo-enrolment.ts); alumni3 is not listed. */
	alumni1: 'alumni1@demo.test',
	alumni3: 'alumni3@demo.test',
} as const;

/** Fills and sends the sign-in form the page shows; where it lands is the caller's to check. */
export async function submitSignIn(page: Page, email: string, password = demoPassword) {
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the real form and waits for the dashboard (or `next`). */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
	await page.goto('/login');
	await submitSignIn(page, email, password);
	await expect(page).not.toHaveURL(/\/login/);
}

/** Signs in as `email` with the demo password, then opens `path`. */
export async function openAs(page: Page, email: string, path: string): Promise<void> {
	await signIn(page, email);
	await page.goto(path);
}

/** On a CEN message the mentor sent back: changes its requested action, saves and resubmits it. */
export async function resubmitMessage(page: Page, requestedAction: string): Promise<void> {
	await page.getByLabel('Requested action').fill(requestedAction);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await page.getByRole('button', { name: 'Submit again for review' }).click();
	await expect(page.getByText('Submitted for review.')).toBeVisible();
}

/** Signs out through the header button. */
export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login/);
}

/** Runs axe-core on the current page and fails on any violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects console errors and page errors so a test can assert there were none (CSP included). */
export function watchConsole(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/** Runs SQL against the e2e server's database (to simulate time passing, for instance). */
export async function sqlOnServerDb(sql: string, args: (string | number)[] = []): Promise<void> {
	const { createClient } = await import('@libsql/client');
	const client = createClient({ url: process.env.E2E_DATABASE_URL!, timeout: 5000 });
	await client.execute({ sql, args });
	client.close();
}

/** Reads rows from the e2e server's database. */
export async function queryServerDb<T = Record<string, unknown>>(
	sql: string,
	args: (string | number)[] = [],
): Promise<T[]> {
	const { createClient } = await import('@libsql/client');
	const client = createClient({ url: process.env.E2E_DATABASE_URL!, timeout: 5000 });
	const result = await client.execute({ sql, args });
	client.close();
	return result.rows as unknown as T[];
}

/** Types an outline into one section of the report and saves it, waiting until it is saved. */
export async function saveReportOutline(page: Page, section: RegExp, outline: string) {
	const region = page.getByRole('region', { name: section });
	await region.getByLabel('Outline (points, one per line)').fill(outline);
	await region.getByRole('button', { name: 'Save' }).click();
	await expect(region.getByRole('status')).toContainText(/saved/i);
}

/** The answers the application journeys vary; the rest is one eligible candidate's profile. */
export type ProfileAnswers = { dateOfBirth: string; years: string; english: 'fluent' | 'basic' };

/**
 * Fills the application form from the date of birth to the declarations (the name, nationality
 * and motivation are left to the journey, which types them at different moments).
 */
export async function fillApplicationProfile(page: Page, a: ProfileAnswers) {
	await page.getByLabel('Date of birth').fill(a.dateOfBirth);
	await page.getByLabel('Current post (job title)').fill('Risk Analyst');
	await page.getByLabel('Office or unit').fill('Targeting Centre');
	await page.getByLabel('Level of your post').selectOption('junior');
	await page.getByLabel('Full years worked in Customs').fill(a.years);
	await page.getByLabel(/I am a Customs officer of/).check();
	await page.getByLabel('Highest qualification').selectOption('bachelor');
	await page.getByLabel('Degree or qualification, field and institution').fill('BSc Statistics');
	await page.getByLabel('English', { exact: true }).selectOption(a.english);
	await page.getByLabel('Computer skills').selectOption('advanced');
	await page.locator('#expertise-targeting').check();
	await page.locator('#programming-python').check();
	await page
		.getByLabel('Your career path so far, and where you want it to go')
		.fill('Port, then risk.');
	await page.getByLabel(/I declare that I am fit/).check();
}

/** The programme days of a 2027/2028 cohort, as the cohort form takes them. */
export const cohort2027Days = {
	trainingStart: '2027-11-29',
	trainingEnd: '2027-12-03',
	ojtStart: '2027-12-06',
	ojtEnd: '2027-12-24',
	outlinePresentationDate: '2027-12-22',
	departureDate: '2027-12-25',
};

/**
 * Gives a participant a study source, a paper section and an agreed activity (and a milestone when
 * asked) straight in the database, so a test can aim at them without the study pages.
 */
export async function insertStudyRecords(
	participantId: string,
	ids: { source: string; milestone?: string; paper: string; activity: string },
	paper: { title: string; position: number },
) {
	const now = Date.now();
	await sqlOnServerDb(
		'insert or ignore into study_source (id, participant_id, citation, created_at) values (?, ?, ?, ?)',
		[ids.source, participantId, 'A source', now],
	);
	if (ids.milestone)
		await sqlOnServerDb(
			'insert or ignore into study_milestone (id, participant_id, title, due_date, created_at) values (?, ?, ?, ?, ?)',
			[ids.milestone, participantId, 'Milestone', '2026-12-01', now],
		);
	await sqlOnServerDb(
		'insert or ignore into study_paper_section (id, participant_id, title, position, updated_at) values (?, ?, ?, ?, ?)',
		[ids.paper, participantId, paper.title, paper.position, now],
	);
	await sqlOnServerDb(
		'insert or ignore into study_activity (id, participant_id, what, agreed_on, agreed_by, created_at) values (?, ?, ?, ?, ?, ?)',
		[ids.activity, participantId, 'Joint alert', '2026-12-01', 'all three', now],
	);
}
