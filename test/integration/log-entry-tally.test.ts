/**
 * log_entry_tally is kept by triggers (db/migrations/0009_log_entry_tally_triggers.sql): after any
 * mix of inserts, edits of the counted columns, deletes and a participant's account removed, it
 * must equal the same counts taken from the entries themselves.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '~db/seed-demo';
import { seedBulk } from '../bench/seed-bulk';
import { useTestDb } from '../helpers/db';

const t = useTestDb();

const live = `select participant_id, area, date, status, handling, count(*) as n, sum(minutes) as minutes
	from log_entry group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`;
const kept = `select participant_id, area, date, status, handling, n, minutes
	from log_entry_tally order by 1, 2, 3, 4, 5`;

async function expectTallyMatches() {
	const [a, b] = await Promise.all([t.db.$client.execute(live), t.db.$client.execute(kept)]);
	expect(b.rows.map((r) => ({ ...r }))).toEqual(a.rows.map((r) => ({ ...r })));
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

describe('the log entry tally', () => {
	it('equals the entries’ own counts after inserts, edits, deletes and an account removed', async () => {
		const ids = await seedDemo(t.db, 'demo-password');
		await expectTallyMatches();
		await seedBulk(t.db, ids, 400);
		await expectTallyMatches();

		const next = random(7);
		const { rows } = await t.db.$client.execute('select id from log_entry order by id');
		const entryIds = rows.map((r) => String(r.id));
		const pick = () => entryIds[Math.floor(next() * entryIds.length)]!;
		const edits = [
			`update log_entry set status = 'approved' where id = ?`,
			`update log_entry set status = 'submitted', submitted_at = 1 where id = ?`,
			`update log_entry set area = 1 + (area % 4) where id = ?`,
			`update log_entry set minutes = minutes + 15 where id = ?`,
			`update log_entry set date = '2027-01-05' where id = ?`,
			`update log_entry set handling = 'restricted' where id = ?`,
			`update log_entry set title = title || '.' where id = ?`,
			`delete from log_entry where id = ?`,
		];
		for (let i = 0; i < 300; i++) {
			const edit = edits[Math.floor(next() * edits.length)]!;
			await t.db.$client.execute({ sql: edit, args: [pick()] });
		}
		await expectTallyMatches();

		await t.db.$client.execute({
			sql: 'delete from user where id = ?',
			args: [ids.participantIds[1]!],
		});
		await expectTallyMatches();
		const left = await t.db.$client.execute({
			sql: 'select count(*) as n from log_entry_tally where participant_id = ?',
			args: [ids.participantIds[1]!],
		});
		expect(Number(left.rows[0]!.n)).toBe(0);
	});
});
