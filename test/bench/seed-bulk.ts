/**
 * Bulk log entries on top of the demo cohort, so the pages that list entries are measured with
 * a realistic worst case. Rows go in directly with drizzle, one big transaction per participant
 * (the domain functions would take minutes and measure nothing we want here).
 *
 * Of `total` entries, 80 % belong to the first participant (her logbook page lists them all:
 * 1 in 8 submitted, 1 in 8 draft, the rest approved) and the other 20 % are submitted entries of
 * the other participants, so the mentor's review queue is long too.
 */
import type { Db } from '~db/client';
import type { DemoIds } from '~db/seed-demo';
import { logEntryTable, type EntryStatus, type OjtArea } from '~db/schema';
import { activities } from '~/lib/logbook/ojt-areas';

type NewEntry = typeof logEntryTable.$inferInsert;

const dayMs = 86_400_000;
/** Rows per INSERT statement: ~20 columns each stays far below SQLite's 32,766 variables. */
const rowsPerStatement = 500;

/** 'YYYY-MM-DD' n days after `start`. */
function addDays(start: string, n: number): string {
	return new Date(Date.parse(`${start}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** The id of a participant's i-th bulk entry (i % 8 === 0: submitted, 1: draft, else approved). */
export function bulkEntryId(participantId: string, i: number): string {
	return `bulk${participantId.slice(-4)}${String(i).padStart(6, '0')}`;
}

/** The i-th synthetic entry of a participant, spread over the three OJT weeks. */
function bulkEntry(
	participantId: string,
	i: number,
	ojtStart: string,
	status: EntryStatus,
): NewEntry {
	const area = ((i % 4) + 1) as OjtArea;
	const activity = activities[area][i % activities[area].length]!.key;
	const createdAt = new Date(Date.now() - (5000 - i) * 60_000);
	return {
		id: bulkEntryId(participantId, i),
		participantId,
		date: addDays(ojtStart, i % 19),
		area,
		activity,
		title: `Bulk entry ${i + 1}: ${activity.replace(/-/g, ' ')}`,
		minutes: 30 + (i % 8) * 30,
		summary: `Worked on **${activity}** with the RILO A/P team. Reviewed the week's seizure records, cross-checked them against the synthetic data set and noted three data-quality issues for follow-up.`,
		outputs: '- one chart of monthly seizures\n- a short note for the mentor',
		learning: 'Consistent commodity codes make trend analysis across administrations possible.',
		handling: i % 10 === 0 ? 'restricted' : 'unrestricted',
		counterpart: area === 4 ? 'Customs Service of Aldoria (fictional)' : '',
		meetingFormat: area === 4 ? 'Online bilateral meeting' : '',
		followUp: area === 4 ? 'Exchange contact points for postal seizures.' : '',
		status,
		submittedAt: status === 'draft' ? null : new Date(createdAt.getTime() + 60_000),
		createdAt,
		updatedAt: createdAt,
	};
}

/** Inserts rows in one transaction, a few hundred rows per statement. */
async function insertAll(db: Db, rows: NewEntry[]): Promise<void> {
	await db.transaction(async (tx) => {
		for (let i = 0; i < rows.length; i += rowsPerStatement)
			await tx.insert(logEntryTable).values(rows.slice(i, i + rowsPerStatement));
	});
}

/** What the bulk seed put where. */
export type BulkCounts = { logbookEntries: number; reviewQueue: number; total: number };

/** Adds `total` entries to a demo database (see the file comment for how they are split). */
export async function seedBulk(db: Db, ids: DemoIds, total = 5000): Promise<BulkCounts> {
	const [first, ...others] = ids.participantIds;
	const own = Math.round(total * 0.8);
	const statusOf = (i: number): EntryStatus =>
		i % 8 === 0 ? 'submitted' : i % 8 === 1 ? 'draft' : 'approved';
	await insertAll(
		db,
		Array.from({ length: own }, (_, i) => bulkEntry(first!, i, ids.ojtStart, statusOf(i))),
	);
	const rest = total - own;
	const perOther = Math.ceil(rest / others.length);
	for (const [k, participantId] of others.entries()) {
		const n = Math.min(perOther, rest - k * perOther);
		await insertAll(
			db,
			Array.from({ length: n }, (_, i) => bulkEntry(participantId, i, ids.ojtStart, 'submitted')),
		);
	}
	const ownSubmitted = Array.from({ length: own }, (_, i) => statusOf(i)).filter(
		(s) => s === 'submitted',
	).length;
	return { logbookEntries: own, reviewQueue: ownSubmitted + rest, total };
}
