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
		'/no-such-page',
	],
	[demo.participant1]: [
		'/dashboard',
		'/logbook',
		'/logbook/new',
		'/logbook/plan',
		'/report',
		'/programme',
		'/programme/handbook',
		'/programme/checklist',
		'/account',
		'/notifications',
		'/lab',
		'/lab/exercises',
		'/cen',
		'/cen/seizures/new?case=airport-meth-transit',
		'/cen/seizures/democenseiz11',
		'/cen/messages/new?kind=warning',
		'/cen/messages/democenmsg11',
		'/cen/search?commodity=ketamine',
		'/materials',
		'/materials/democenmat11',
	],
	[demo.mentor]: [
		'/review',
		'/review/cohort',
		'/review/demopart0001',
		'/report/demopart0001',
		'/progress',
		'/cen?participant=demopart0001',
	],
	[demo.admin]: ['/admin', '/admin/audit', '/admin/cohorts/new'],
};

test('main pages are valid HTML', async ({ browser }) => {
	const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
	const files: string[] = [];
	for (const [who, urls] of Object.entries(pagesByRole)) {
		const context = await browser.newContext();
		const page = await context.newPage();
		if (who !== 'anonymous') await signIn(page, who);
		for (const url of urls) {
			const html = await (await page.request.get(url)).text();
			const file = join(dir, `${who.replace(/\W/g, '_')}${url.replace(/\W/g, '_')}.html`);
			writeFileSync(file, html);
			files.push(file);
		}
		await context.close();
	}
	const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
	let report = '';
	try {
		execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'text', ...files], {
			encoding: 'utf8',
			stdio: 'pipe',
		});
	} catch (error) {
		report = String((error as { stderr?: string }).stderr ?? error);
	}
	expect(report.trim()).toBe('');
});
