/** The W3C Nu HTML checker (vnu.jar, run with the machine's Java) finds no errors on the main pages. */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demo, signIn } from './fixtures';

const pagesByRole = {
	anonymous: [
		'/',
		'/login',
		'/curriculum',
		'/curriculum/alert-intelligence',
		'/curriculum/glossary',
		'/curriculum/alert-intelligence/check',
		'/curriculum/pre-test',
		'/curriculum/alert-intelligence/handout',
		'/curriculum/job-aids',
		'/curriculum/job-aids/four-by-four-card',
		'/no-such-page',
		'/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
		'/verify',
		'/verify?code=',
		'/verify/ABCDE-FGHJK-MNPQR-STVWX',
		'/verify/hello',
		'/apply',
		'/apply/2026-2027',
		'/apply/2027-2028',
	],
	[demo.participant1]: [
		'/dashboard',
		'/programme/enrolment-letter',
		'/alumni',
		'/logbook',
		'/logbook/new',
		'/logbook/plan',
		'/report',
		'/programme',
		'/programme/handbook',
		'/programme/checklist',
		'/account',
		'/account/second-factor',
		'/notifications',
		'/lab',
		'/lab/exercises',
		'/lab/interpretations',
		'/lab/interpretations/demolabint12',
		'/curriculum/evaluation',
		'/curriculum/post-test',
		'/cen',
		'/cen/seizures/new?case=airport-meth-transit',
		'/cen/seizures/democenseiz11',
		'/cen/messages/new?kind=warning',
		'/cen/messages/democenmsg11',
		'/cen/search?commodity=ketamine',
		'/materials',
		'/materials/democenmat11',
		'/cen/exercises',
	],
	[demo.mentor]: [
		'/review',
		'/cohort',
		'/review?marking=restricted',
		'/review/demopart0001',
		'/report/demopart0001',
		'/report/demopart0003',
		'/progress/assessments',
		'/curriculum/facilitator',
		'/curriculum/data-cleaning-and-quality/facilitator',
		'/curriculum/facilitator/timetable',
		'/curriculum/facilitator/rubrics/alert',
		'/curriculum/facilitator/item-statistics',
		'/cen?participant=demopart0001',
		'/cen/exercises?participant=demopart0001',
		'/lab/interpretations',
		'/lab/interpretations/demolabint11',
	],
	[demo.participant4]: ['/report', '/report/certificate', '/report/print?version=2'],
	[demo.admin]: [
		'/admin',
		'/admin/audit',
		'/admin/cohorts/new',
		'/curriculum/evaluation/results',
		'/admin/administrations',
		'/admin/editions',
		'/admin/applications',
		'/admin/applications/demoapp01',
		'/admin/applications/demoapp06',
		'/admin/applications/demoapp01/letter',
		'/admin/applications/demoapp05/letter',
		'/admin/applications/purge',
		'/admin/selection/2026-2027',
		'/admin/selection/2027-2028',
		'/admin/outbox',
		'/admin/cohorts/democohort01',
		'/admin/participants/demopart0001',
		'/admin/participants/demopart0004',
	],
	[demo.secretariat]: [
		'/admin/selection/2026-2027',
		'/oversight',
		'/oversight/demopart0003',
		'/oversight/demopart0003/report?version=1',
		'/oversight/demopart0004/report',
		'/admin/participants/demopart0003',
		'/alumni',
	],
	[demo.home1]: ['/oversight', '/oversight/demopart0001', '/oversight/demopart0001/report'],
	[demo.alumni3]: ['/alumni'],
};

/** Errors vnu.jar reports for the given files (empty when they are all valid). */
function checkHtml(files: string[]): string {
	const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
	try {
		execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'text', ...files], {
			encoding: 'utf8',
			stdio: 'pipe',
		});
		return '';
	} catch (error) {
		return String((error as { stderr?: string }).stderr ?? error);
	}
}

// One test per role, so each stays short on a busy machine.
for (const [who, urls] of Object.entries(pagesByRole)) {
	test(`main pages are valid HTML: ${who}`, async ({ browser }) => {
		const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
		const context = await browser.newContext();
		const page = await context.newPage();
		if (who !== 'anonymous') await signIn(page, who);
		const files: string[] = [];
		for (const url of urls) {
			const html = await (await page.request.get(url)).text();
			const file = join(dir, `${who.replace(/\W/g, '_')}${url.replace(/\W/g, '_')}.html`);
			writeFileSync(file, html);
			files.push(file);
		}
		await context.close();
		expect(checkHtml(files).trim()).toBe('');
	});
}
