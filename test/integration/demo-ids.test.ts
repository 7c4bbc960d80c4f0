/** The demo's records can be named by actions: every id is within what recordId() accepts. */
import { describe, expect, it, vi } from 'vitest';
import { seedDemo } from '~db/seed-demo';
import { seedDemoLogbook } from '~db/seed-demo-logbook';
import { seedDemoStudies } from '~db/seed-demo-study';
import { seedDemoCourse } from '~db/seed-demo-course';
import { seedDemoCen } from '~db/seed-demo-cen';
import { seedDemoOversight } from '~db/seed-demo-oversight';
import { seedDemoLab } from '~db/seed-demo-lab';
import { seedDemoOffice } from '~db/seed-demo-office';
import { seedDemoEnrolment } from '~db/seed-demo-enrolment';
import { seedDemoFollowUp } from '~db/seed-demo-followup';
import { seedDemoTests } from '~/cli/seed-demo-tests';
import { seedDemoSelection } from '~/cli/seed-demo-selection';
import { useTestDb } from '../helpers/db';

vi.mock('astro:content', async () => (await import('../helpers/content')).contentFromDisk());

const t = useTestDb();

describe('demo ids', () => {
	it('are at most 40 characters in every table', { timeout: 120_000 }, async () => {
		// The order of src/cli/demo.ts.
		const ids = await seedDemo(t.db, 'demo-password-long');
		await seedDemoLogbook(t.db, ids);
		await seedDemoStudies(t.db, ids);
		await seedDemoCourse(t.db, ids);
		await seedDemoTests(t.db, ids);
		await seedDemoCen(t.db, ids);
		await seedDemoOversight(t.db, ids);
		await seedDemoLab(t.db, ids);
		await seedDemoOffice(t.db, ids.cohortId);
		await seedDemoSelection(t.db, 6);
		await seedDemoEnrolment(t.db, ids);
		await seedDemoFollowUp(t.db, ids.adminId);
		const tables = await t.db.$client.execute(
			"select name from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' and name not like 'sqlite%'",
		);
		const long: string[] = [];
		for (const { name } of tables.rows) {
			const cols = await t.db.$client.execute(`pragma table_info("${String(name)}")`);
			if (!cols.rows.some((c) => c.name === 'id' && String(c.type).toLowerCase() === 'text'))
				continue;
			const rows = await t.db.$client.execute(
				`select id from "${String(name)}" where length(id) > 40`,
			);
			long.push(...rows.rows.map((r) => `${String(name)}: ${String(r.id)}`));
		}
		expect(long).toEqual([]);
	});
});
