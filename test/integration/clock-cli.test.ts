/**
 * `npm run jobs` as cron runs it: src/cli/jobs.ts in its own process against a database file,
 * the clock set by JOBS_NOW. Two processes at once are two real instances: each reminder is
 * printed (and sent) by one of them only; a later run has nothing left to do.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mailOutboxTable, notificationTable, reminderSentTable } from '~db/schema';
import { createTestDb, type TestDb } from '../helpers/db';
import { makeCohortWith, makeUser } from '../helpers/factories';

const run = promisify(execFile);

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.close());

/** One `npm run jobs` at `now` (without SMTP: the emails wait in the outbox). */
async function jobs(now: string): Promise<string[]> {
	const { stdout } = await run(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'src/cli/jobs.ts'],
		{
			env: {
				PATH: process.env.PATH,
				HOME: process.env.HOME,
				DATABASE_URL: t.url,
				JOBS_NOW: now,
				PUBLIC_URL: 'https://portal.test',
			},
		},
	);
	return stdout.trim().split('\n');
}

it('prints the reminders it sent, once across two processes, then "nothing due"', async () => {
	const admin = await makeUser(t.db, 'admin');
	const { participants } = await makeCohortWith(
		t.db,
		admin,
		{ timezone: 'Asia/Tokyo', reportDueDate: '2026-12-20', outlinePresentationDate: '2026-12-10' },
		2,
	);
	const now = '2026-12-12T23:30:00Z'; // Sun 13 Dec in Tokyo: the report is due in 7 days
	const [a, b] = await Promise.all([jobs(now), jobs(now)]);
	const lines = [...a!, ...b!].filter((l) => l.startsWith('reminder '));
	expect(lines.sort()).toEqual(
		participants
			.map((p) => `reminder report_due_7d (due 2026-12-20) to ${p.id}: Final report due`)
			.sort(),
	);
	expect(await t.db.select().from(reminderSentTable)).toHaveLength(2);
	expect(await t.db.select().from(notificationTable)).toHaveLength(2);
	expect(await t.db.select().from(mailOutboxTable)).toHaveLength(2);
	expect(await jobs('2026-12-13T00:30:00Z')).toEqual(['nothing due']);
}, 180_000);
