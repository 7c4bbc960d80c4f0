/**
 * Lists that grow are paged by keyset: every row once across pages, in order, and a page that
 * does not shift when rows are added meanwhile. Counts and coverage in SQL match the pure rules.
 */
import { describe, expect, it } from 'vitest';
import { logEntryTable, notificationTable, type OjtArea } from '~db/schema';
import { coverage } from '~/lib/logbook/coverage';
import { ojtWeeks } from '~/lib/programme-calendar';
import { countByStatus, coverageOf, listEntryPage } from '~/lib/server/logbook/stats';
import { listNotifications, parseNotificationCursor } from '~/lib/server/notify/notification';
import { parseEntryCursor } from '~/lib/server/logbook/stats';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';

const t = useTestDb();

const statuses = ['draft', 'submitted', 'approved', 'changes_requested'] as const;

/** `n` entries spread over 25 days from the OJT start (some fall outside the weeks). */
async function addEntries(participantId: string, ojtStart: string, n: number, from = 0) {
	const day = (i: number) =>
		new Date(Date.parse(`${ojtStart}T00:00:00Z`) + ((i * 7) % 25) * 86_400_000)
			.toISOString()
			.slice(0, 10);
	const rows = Array.from({ length: n }, (_, k) => {
		const i = from + k;
		return {
			id: `e${String(i).padStart(5, '0')}`,
			participantId,
			date: day(i),
			area: ((i % 4) + 1) as OjtArea,
			activity: 'other',
			title: `Entry ${i}`,
			minutes: 15 + (i % 5) * 15,
			summary: 'text',
			status: statuses[i % 4]!,
			updatedAt: new Date(),
		};
	});
	await t.db.insert(logEntryTable).values(rows);
	return rows;
}

async function participantWithCohort() {
	const admin = await makeUser(t.db, 'admin');
	const { cohort, participants } = await makeCohort(t.db, admin, 1);
	return { cohort, p: participants[0]! };
}

async function allPages(participantId: string, range: Parameters<typeof listEntryPage>[2]) {
	const seen: string[] = [];
	let before: string | null = null;
	for (let guard = 0; guard < 50; guard++) {
		const page = await listEntryPage(t.db, participantId, range, parseEntryCursor(before), 20);
		seen.push(...page.entries.map((e) => e.id));
		if (!page.next) break;
		before = page.next;
	}
	return seen;
}

describe('logbook keyset paging', () => {
	it('lists every entry once, newest day first, across pages', async () => {
		const { cohort, p } = await participantWithCohort();
		const rows = await addEntries(p.id, cohort.ojtStart, 137);
		const seen = await allPages(p.id, 'all');
		expect(seen).toHaveLength(137);
		expect(new Set(seen).size).toBe(137);
		const expected = rows
			.map((r, i) => ({ id: r.id, date: r.date, i }))
			.sort((a, b) => b.date.localeCompare(a.date) || b.i - a.i)
			.map((r) => r.id);
		expect(seen).toEqual(expected);
	});

	it('keeps the next page stable when entries are added after the first page', async () => {
		const { cohort, p } = await participantWithCohort();
		await addEntries(p.id, cohort.ojtStart, 60);
		const first = await listEntryPage(t.db, p.id, 'all', null, 20);
		const expectedSecond = await listEntryPage(t.db, p.id, 'all', parseEntryCursor(first.next), 20);
		await addEntries(p.id, cohort.ojtStart, 15, 1000);
		const second = await listEntryPage(t.db, p.id, 'all', parseEntryCursor(first.next), 20);
		// New entries on later days come before the cursor; new ones on the same or earlier days
		// sort by insertion and land after it, so the rows already shown never come back.
		const shown = new Set(first.entries.map((e) => e.id));
		expect(second.entries.some((e) => shown.has(e.id))).toBe(false);
		expect(second.entries).toHaveLength(20);
		expect(expectedSecond.entries.every((e) => !shown.has(e.id))).toBe(true);
	});

	it('pages one week and the entries outside the weeks', async () => {
		const { cohort, p } = await participantWithCohort();
		const rows = await addEntries(p.id, cohort.ojtStart, 90);
		const weeks = ojtWeeks(cohort);
		const week2 = await allPages(p.id, { week: weeks[1]! });
		const inWeek2 = rows.filter((r) => r.date >= weeks[1]!.start && r.date <= weeks[1]!.end);
		expect(new Set(week2)).toEqual(new Set(inWeek2.map((r) => r.id)));
		const outside = await allPages(p.id, { outside: weeks });
		const outsideRows = rows.filter(
			(r) => !weeks.some((w) => r.date >= w.start && r.date <= w.end),
		);
		expect(outsideRows.length).toBeGreaterThan(0);
		expect(new Set(outside)).toEqual(new Set(outsideRows.map((r) => r.id)));
	});

	it('ignores a malformed cursor', () => {
		expect(parseEntryCursor('2026-12-01.12')).toEqual({ date: '2026-12-01', rowid: 12 });
		expect(parseEntryCursor("2026-12-01.1' or 1=1")).toBeNull();
		expect(parseEntryCursor(null)).toBeNull();
	});
});

describe('logbook figures in SQL', () => {
	it('match the pure coverage rule and the status counts', async () => {
		const { cohort, p } = await participantWithCohort();
		const rows = await addEntries(p.id, cohort.ojtStart, 75);
		const weeks = ojtWeeks(cohort);
		const planned = { 1: 10, 2: 12, 3: 20, 4: 6 };
		const fromSql = await coverageOf(t.db, p.id, weeks, planned);
		expect(fromSql.rows).toEqual(coverage(rows, weeks, planned));
		expect(fromSql.total).toBe(75);
		expect(fromSql.outside).toBe(
			rows.filter((r) => !weeks.some((w) => r.date >= w.start && r.date <= w.end)).length,
		);
		const counts = await countByStatus(t.db, p.id);
		for (const s of statuses) {
			expect(counts[s]).toBe(rows.filter((r) => r.status === s).length);
			expect(fromSql.counts[s]).toBe(counts[s]);
		}
	});
});

describe('notifications keyset paging', () => {
	it('shows every notification once, newest first, even with equal timestamps', async () => {
		const user = await makeUser(t.db, 'participant');
		const at = new Date('2026-12-01T09:00:00Z');
		await t.db.insert(notificationTable).values(
			Array.from({ length: 73 }, (_, i) => ({
				id: `n${String(i).padStart(3, '0')}`,
				userId: user.id,
				text: `Notification ${i}`,
				link: '/',
				// Groups of rows share a millisecond: insertion order breaks the tie.
				createdAt: new Date(at.getTime() + Math.floor(i / 4) * 1000),
			})),
		);
		const seen: string[] = [];
		let before: string | null = null;
		do {
			const page = await listNotifications(t.db, user.id, parseNotificationCursor(before), 10);
			seen.push(...page.items.map((n) => n.id));
			before = page.next;
		} while (before);
		expect(seen).toEqual(
			Array.from({ length: 73 }, (_, i) => `n${String(72 - i).padStart(3, '0')}`),
		);
	});
});
