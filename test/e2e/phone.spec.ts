/**
 * Every page of every role on a phone (390 × 844): nothing scrolls sideways and the header stays
 * compact (at most 80 px), with a menu that opens without script, by keyboard, and passes axe.
 * The pages come from the source tree (inventory.ts), so a new page is walked without a change here.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { listRoutes } from './inventory';
import { demo, expectAccessible, insertStudyRecords, queryServerDb, signIn } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

const maxHeaderHeight = 80;

/**
 * TEMPORARY: pages owned by the office branch (issue 30: src/pages/office/**, src/pages/call/**,
 * src/components/office/**) that give their table cells data-labels there. Empty on this branch
 * (those pages are not here yet); remove this list at merge once they pass.
 */
const awaitingOfficeBranch: string[] = [];

/** Not pages to look at: signing out, the internal signed-in renderer, and plain files. */
const skipped = new Set(['/logout', '/signed-in/[...path]']);

const p1 = 'demopart0001';
const ids = { entry: '', section: '' };

/** A route pattern with its parameters filled from the demo (participant 1's records). */
function fill(pattern: string): string {
	return pattern
		.replace(
			'[id]',
			pattern.startsWith('/cen/seizures/')
				? 'democenseiz11'
				: pattern.startsWith('/cen/messages/')
					? 'democenmsg11'
					: pattern.startsWith('/materials/')
						? 'democenmat11'
						: pattern.startsWith('/lab/interpretations/')
							? 'demolabint11'
							: pattern.startsWith('/logbook')
								? ids.entry
								: pattern.startsWith('/admin')
									? 'democohort01'
									: 'alert-intelligence',
		)
		.replace('[participantId]', p1)
		.replace('[edition]', '2026-2027')
		.replace('[rubric]', 'alert')
		.replace('[aid]', 'alert-template')
		.replace('[sectionId]', ids.section)
		.replace(/\[[^\]]+\]/g, 'phone-walk');
}

const pages = () =>
	listRoutes()
		.filter((r) => !r.endpoint && !skipped.has(r.pattern))
		.map((r) => r.pattern);

const modules = readdirSync(new URL('../../content/modules/', import.meta.url))
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => `/curriculum/${f.replace(/\.mdx$/, '')}`);

/** What is wrong with the open page on a phone, or an empty list. */
async function phoneProblems(page: Page): Promise<string[]> {
	return page.evaluate((maxHeader) => {
		const problems: string[] = [];
		const root = document.scrollingElement!;
		if (root.scrollWidth > root.clientWidth) {
			const wide = [...document.querySelectorAll('main *, header *')]
				.filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
				.filter((el) => !el.parentElement?.closest('[data-too-wide]'))
				.slice(0, 3)
				.map((el) => {
					el.setAttribute('data-too-wide', '');
					return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(el.getBoundingClientRect().right)}px`;
				});
			problems.push(
				`scrolls sideways: ${root.scrollWidth}px > ${root.clientWidth}px (${wide.join('; ')})`,
			);
		}
		const header = document.querySelector('body > header');
		const height = header?.getBoundingClientRect().height ?? 0;
		if (height > maxHeader) problems.push(`header is ${Math.round(height)}px tall`);
		return problems;
	}, maxHeaderHeight);
}

/** Opens each path and collects what is wrong with it on a phone. */
async function walk(page: Page, paths: string[]): Promise<Record<string, string[]>> {
	const found: Record<string, string[]> = {};
	for (const path of paths) {
		await page.goto(path);
		const problems = await phoneProblems(page);
		if (problems.length && !awaitingOfficeBranch.some((p) => path.startsWith(p)))
			found[path] = problems;
	}
	return found;
}

test.beforeAll(async () => {
	ids.entry = (
		await queryServerDb<{ id: string }>(
			'select id from log_entry where participant_id = ? order by id limit 1',
			[p1],
		)
	)[0]!.id;
	// Records in every study table, so the walk sees them filled.
	await insertStudyRecords(
		p1,
		{ source: 'phonesrc1', milestone: 'phonems1', paper: 'phonepaper1', activity: 'phoneact1' },
		{ title: 'Intro', position: 1 },
	);
});

test('signed out: every page fits a phone, module pages included', async ({ page }) => {
	expect(await walk(page, [...pages(), ...modules])).toEqual({});
});

const roles = [
	['participant', demo.participant1],
	['mentor', demo.mentor],
	['admin', demo.admin],
	['secretariat', demo.secretariat],
	['home administration', demo.home1],
] as const;

for (const [role, email] of roles) {
	test(`${role}: every page fits a phone`, async ({ page }) => {
		await signIn(page, email);
		if (!ids.section) {
			await page.goto('/report');
			const [section] = await queryServerDb<{ id: string }>(
				"select id from report_section where participant_id = ? and kind = 'activities'",
				[p1],
			);
			ids.section = section?.id ?? 'none';
		}
		const paths = pages().map(fill);
		expect(await walk(page, role === 'participant' ? [...paths, ...modules] : paths)).toEqual({});
	});
}

/** The office's review pages with their records (the walk's ids name none of them). */
const officeReview = [
	'/admin/applications?edition=demoedition2027',
	'/admin/applications?edition=demoedition2026',
	'/admin/applications/demoapp2027a',
	'/admin/applications/demoapp2027b',
	'/admin/selection/2027-2028',
];

for (const [role, email] of [
	['admin', demo.admin],
	['secretariat', demo.secretariat],
] as const)
	test(`${role}: the applications, their reviewers and the ranking fit a phone`, async ({
		page,
	}) => {
		await signIn(page, email);
		expect(await walk(page, officeReview)).toEqual({});
	});

test.describe('without script', () => {
	test.use({ javaScriptEnabled: false });
	test('the phone menu opens by keyboard, with a visible focus', async ({ page }) => {
		await signIn(page, demo.participant1);
		await page.goto('/study');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav.getByRole('link', { name: 'Logbook' })).toBeHidden();
		// Tab from the skip link to the menu button.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		const menu = page.locator('summary', { hasText: 'Menu' });
		await expect(menu).toBeFocused();
		const outline = await menu.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Enter');
		await expect(nav.getByRole('link', { name: 'Logbook' })).toBeVisible();
		await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
		expect(await phoneProblems(page)).toEqual([]);
		await nav.getByRole('link', { name: 'Logbook' }).click();
		await expect(page).toHaveURL(/\/logbook$/);
	});
});

test('the open phone menu passes axe', async ({ page }) => {
	await signIn(page, demo.mentor);
	await page.goto('/review');
	await page.locator('summary', { hasText: 'Menu' }).click();
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohort' }),
	).toBeVisible();
	expect(await phoneProblems(page)).toEqual([]);
	await expectAccessible(page);
});

test('on a desk the navigation is shown as before, without a Menu button', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await signIn(page, demo.mentor);
	await page.goto('/review');
	await expect(page.locator('summary', { hasText: 'Menu' })).toBeHidden();
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Cohort' })).toBeVisible();
	await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expectAccessible(page);
});
