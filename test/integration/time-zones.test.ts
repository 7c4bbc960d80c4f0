/**
 * The report's exports print the submission day of the participant's cohort's zone, with the
 * server in a zone far from it (process.env.TZ), through the same loaders the routes use.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cohortTable } from '~db/schema';
import { markOutlinePresented } from '~/lib/server/report/outline';
import { submitVersion } from '~/lib/server/report/submit-version';
import { exportMarkdown } from '~/lib/server/report/export-markdown';
import { reportDocx } from '~/lib/server/report/docx';
import { deliveryPack } from '~/lib/server/oversight/delivery';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';

const t = useTestDb();

const serverZoneAtStart = process.env.TZ;
beforeAll(() => (process.env.TZ = 'Pacific/Kiritimati'));
afterAll(() => {
	if (serverZoneAtStart === undefined) delete process.env.TZ;
	else process.env.TZ = serverZoneAtStart;
});

/** A participant of a cohort in `timeZone` who submitted version 1 at `at`. */
async function submittedAt(timeZone: string, at: Date) {
	const admin = await makeUser(t.db, 'admin');
	const { cohort, mentor, participants } = await makeCohort(t.db, admin, 1);
	await t.db.update(cohortTable).set({ timezone: timeZone }).where(eq(cohortTable.id, cohort.id));
	const p1 = participants[0]!;
	await markOutlinePresented(t.db, p1, p1.id, '2026-12-24');
	const version = await submitVersion(t.db, p1, at);
	return { mentor, p1, version };
}

async function wordText(bytes: ArrayBuffer): Promise<string> {
	return strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
}

describe('report exports in the cohort’s time zone', () => {
	it('a version submitted at 01:36 on 8 December in Tokyo says 8 December everywhere', async () => {
		const { mentor, version } = await submittedAt('Asia/Tokyo', new Date('2026-12-07T16:36:00Z'));
		const result = (await exportMarkdown(t.db, mentor, version.participantId, 'full'))!;
		expect(result.markdown).toContain('Version 1, submitted Tue 8 Dec 2026');
		expect(await wordText(await reportDocx(result.docx))).toContain(
			'Version 1, submitted Tue 8 Dec 2026',
		);
		const pack = await deliveryPack(t.db, version);
		expect(await wordText(await reportDocx(pack.docx))).toContain(
			'Version 1, submitted Tue 8 Dec 2026',
		);
	});

	it('follows the cohort’s own zone, not Tokyo’s', async () => {
		// 03:00 UTC on 8 December is still the evening of 7 December in New York.
		const { p1 } = await submittedAt('America/New_York', new Date('2026-12-08T03:00:00Z'));
		const result = (await exportMarkdown(t.db, p1, p1.id, 'full', 1))!;
		expect(result.markdown).toContain('Version 1, submitted Mon 7 Dec 2026');
	});
});
