/**
 * The list pages' cost must not grow with the number of log entries. Every statement the
 * pages' loaders run (the logbook, the review queue, one participant's review, the cohort page,
 * the dashboard's to-do lists and the header's counters) is recorded on a database with
 * thousands of entries, then asked `EXPLAIN QUERY PLAN`: none may read a growing table from end
 * to end. A walk of a table in an index's order is allowed only under a LIMIT (a keyset page
 * stops early); any other use must be an index search, and a page must not be cut from a sort of
 * every matching row (a temporary B-tree under a LIMIT). No ANALYZE is run: without statistics
 * SQLite plans as for large tables, which is the case this guards.
 *
 * What this does not catch: an index search that still returns every row of one participant
 * (a count over her own entries). Those grow with her own records only; see docs/performance.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InStatement } from '@libsql/client';
import { seedDemo, type DemoIds } from '~db/seed-demo';
import { seedBulk } from '../bench/seed-bulk';
import { createTestDb, type TestDb } from '../helpers/db';
import { loadLogbookPage } from '~/lib/server/logbook/page';
import { loadReviewQueue } from '~/lib/server/review/queue';
import { loadParticipantReview } from '~/lib/server/review/participant-entries';
import { loadCohortPage } from '~/lib/server/cohort/overview';
import { countReviewQueue } from '~/lib/server/review/decide';
import { countUnread } from '~/lib/server/notify/notification';
import { todoFor } from '~/lib/server/todo/role';
import { cohortForViewer } from '~/lib/server/cohort/manage';
import { todayIn } from '~/lib/dates';
import type { SessionUser } from '~/lib/server/auth/session';
import type { ModuleSummary } from '~/lib/course/modules';

/** Tables that grow with the edition's activity; a full read of any of them is a finding. */
const growing = [
	'log_entry',
	'review_decision',
	'entry_comment',
	'checkin',
	'notification',
	'audit_event',
	'mail_outbox',
	'reminder_sent',
	'module_progress',
	'quiz_attempt',
	'exercise_attempt',
	'study_activity',
	'study_comment',
	'study_source',
	'report_comment',
	'cen_seizure',
	'cen_message',
	'material',
];

const modules: ModuleSummary[] = [1, 2, 3].map((n) => ({
	id: `module-${n}`,
	title: `Module ${n}`,
	description: '',
	day: n,
	order: 1,
	duration: 30,
}));

type Recorded = { sql: string; args: unknown[] };
let t: TestDb;
let ids: DemoIds;
let recorded: Recorded[] = [];

/** Records every statement the client runs, as drizzle sends it. */
function record(db: TestDb['db']) {
	const client = db.$client;
	const execute = client.execute.bind(client);
	client.execute = ((stmt: InStatement | string, args?: unknown) => {
		const s = typeof stmt === 'string' ? { sql: stmt, args: (args ?? []) as unknown[] } : stmt;
		recorded.push({ sql: s.sql, args: (s.args ?? []) as unknown[] });
		return execute(stmt as InStatement);
	}) as typeof client.execute;
}

async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
	recorded = [];
	await run();
	const findings: string[] = [];
	for (const { sql, args } of recorded) {
		if (!/^\s*(select|with)\b/i.test(sql)) continue;
		const plan = await t.db.$client.execute({
			sql: `EXPLAIN QUERY PLAN ${sql}`,
			args: args as never,
		});
		const details = plan.rows.map((row) => String(row.detail));
		// A page (LIMIT) sorted after the fact has read every matching entry first. (Other growing
		// tables are searched here only for what waits on someone, which people clear.)
		const entriesSearched = details.some(
			(d) => /^SEARCH log_entry\b/.test(d) && !/\(id=\?\)|PRIMARY KEY/.test(d),
		);
		if (
			/\blimit\b/i.test(sql) &&
			entriesSearched &&
			details.some((d) => /TEMP B-TREE FOR ORDER BY/.test(d))
		)
			findings.push(`sorts every matching entry to keep a page\n    in: ${sql.slice(0, 300)}`);
		for (const detail of details) {
			const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
			if (!scanned || !growing.includes(scanned)) continue;
			const ordered = /USING (COVERING )?INDEX/.test(detail);
			if (ordered && /\blimit\b/i.test(sql)) continue;
			findings.push(`${detail}\n    in: ${sql.slice(0, 300)}`);
		}
	}
	return findings;
}

const user = (id: string, role: SessionUser['role']): SessionUser => ({
	id,
	role,
	email: `${id}@example.test`,
	name: id,
});

beforeAll(async () => {
	t = await createTestDb();
	ids = await seedDemo(t.db, 'demo-password');
	await seedBulk(t.db, ids, 3000);
	record(t.db);
}, 120_000);
afterAll(() => t?.close());

describe('query plans of the list pages at thousands of entries', () => {
	it('finds a full read when there is one', async () => {
		const findings = await plansOf(() =>
			t.db.$client.execute({ sql: 'select count(*) from log_entry', args: [] }),
		);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatch(/^SCAN log_entry/);
	});

	it('the logbook reads no growing table end to end', async () => {
		const participant = ids.participantIds[0]!;
		expect(await plansOf(() => loadLogbookPage(t.db, participant, new URLSearchParams()))).toEqual(
			[],
		);
	});

	it('the review queue reads no growing table end to end', async () => {
		const mentor = user(ids.mentorId, 'mentor');
		expect(
			await plansOf(async () => {
				await loadReviewQueue(t.db, mentor, new URLSearchParams());
				await countReviewQueue(t.db, mentor);
			}),
		).toEqual([]);
	});

	it('one participant’s review reads no growing table end to end', async () => {
		const participant = ids.participantIds[0]!;
		expect(
			await plansOf(() => loadParticipantReview(t.db, participant, new URLSearchParams())),
		).toEqual([]);
	});

	it('the cohort page reads no growing table end to end', async () => {
		const mentor = user(ids.mentorId, 'mentor');
		expect(
			await plansOf(() => loadCohortPage(t.db, mentor, new URLSearchParams(), modules)),
		).toEqual([]);
	});

	it('the dashboards’ to-do lists and the header’s counters read no growing table end to end', async () => {
		const findings: string[] = [];
		for (const viewer of [
			user(ids.participantIds[0]!, 'participant'),
			user(ids.mentorId, 'mentor'),
			user(ids.adminId, 'admin'),
		]) {
			const cohort = await cohortForViewer(t.db, viewer);
			const today = cohort ? todayIn(cohort.timezone) : null;
			findings.push(
				...(await plansOf(async () => {
					await todoFor(t.db, viewer, {
						cohort,
						today,
						nextModule: null,
						retentionMonths: 12,
					});
					await countUnread(t.db, viewer.id);
				})),
			);
		}
		expect(findings).toEqual([]);
	});
});
