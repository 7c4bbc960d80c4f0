/** Data-lab exercises: grading on the server, stored attempts, and who sees whose attempts. */
import { describe, expect, it } from 'vitest';
import { exerciseAttemptTable } from '~db/schema';
import {
	bestExerciseResults,
	checkExerciseAnswer,
	gradeExerciseAnswer,
	listExerciseAttempts,
	listExercises,
} from '~/lib/server/lab/exercises';
import truth from '../../content/data/ground-truth.json';
import { useTestDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const t = useTestDb();

const peak = truth.exercises['seasonal-peak'].answer;
const wrongMonth = peak === 'January' ? 'February' : 'January';

describe('checking an answer', () => {
	it('stores a right and a wrong answer with their verdicts, newest first', async () => {
		const p = await makeUser(t.db, 'participant');
		const wrong = await checkExerciseAnswer(t.db, p.id, 'seasonal-peak', wrongMonth);
		const right = await checkExerciseAnswer(t.db, p.id, 'seasonal-peak', peak);
		expect(wrong.correct).toBe(false);
		expect(right.correct).toBe(true);
		expect(wrong.feedback).not.toContain(peak);
		const attempts = await listExerciseAttempts(t.db, p.id);
		expect(attempts.map((a) => [a.answer, a.correct])).toEqual([
			[peak, true],
			[wrongMonth, false],
		]);
	});

	it('rejects an unknown exercise and stores nothing', async () => {
		const p = await makeUser(t.db, 'participant');
		await expect(checkExerciseAnswer(t.db, p.id, 'no-such-exercise', 'x')).rejects.toMatchObject({
			code: 'not_found',
		});
		expect(await t.db.select().from(exerciseAttemptTable)).toEqual([]);
	});

	it('rejects an option that is not offered, and text where a number is due', async () => {
		const p = await makeUser(t.db, 'participant');
		await expect(checkExerciseAnswer(t.db, p.id, 'seasonal-peak', 'Smarch')).rejects.toMatchObject({
			code: 'invalid',
			field: 'answer',
		});
		await expect(checkExerciseAnswer(t.db, p.id, 'exact-duplicates', 'many')).rejects.toMatchObject(
			{
				code: 'invalid',
			},
		);
		expect(await t.db.select().from(exerciseAttemptTable)).toEqual([]);
	});

	it('reads numbers and references the way people type them', () => {
		const dupes = truth.exercises['exact-duplicates'].answer;
		expect(gradeExerciseAnswer('exact-duplicates', ` ${dupes} `).correct).toBe(true);
		expect(gradeExerciseAnswer('exact-duplicates', String(dupes + 1)).correct).toBe(false);
		const kg = Math.round(truth.exercises['cocaine-2024-kg'].answer);
		expect(gradeExerciseAnswer('cocaine-2024-kg', `${kg.toLocaleString('en')} kg`).correct).toBe(
			true,
		);
		expect(gradeExerciseAnswer('cocaine-2024-kg', String(Math.round(kg * 1.02))).correct).toBe(
			false,
		);
		const ref = truth.exercises['cluster-consignee'].answer;
		expect(
			gradeExerciseAnswer('cluster-consignee', ref.toLowerCase().replace('-', ' ')).correct,
		).toBe(true);
	});
});

describe('who sees which attempts', () => {
	it("never returns another participant's attempts", async () => {
		const [p1, p2] = [await makeUser(t.db, 'participant'), await makeUser(t.db, 'participant')];
		await checkExerciseAnswer(t.db, p1.id, 'seasonal-peak', peak);
		await checkExerciseAnswer(t.db, p2.id, 'seasonal-peak', wrongMonth);
		await checkExerciseAnswer(t.db, p2.id, 'exact-duplicates', '1');
		const mine = await listExerciseAttempts(t.db, p1.id);
		expect(mine).toHaveLength(1);
		expect(mine.every((a) => a.userId === p1.id)).toBe(true);
	});

	it('sums attempts per participant and exercise for mentors', async () => {
		const [p1, p2] = [await makeUser(t.db, 'participant'), await makeUser(t.db, 'participant')];
		await checkExerciseAnswer(t.db, p1.id, 'seasonal-peak', wrongMonth);
		await checkExerciseAnswer(t.db, p1.id, 'seasonal-peak', peak);
		await checkExerciseAnswer(t.db, p2.id, 'seasonal-peak', wrongMonth);
		const results = await bestExerciseResults(t.db, [p1.id, p2.id]);
		const of = (id: string) =>
			results.find((r) => r.userId === id && r.exerciseId === 'seasonal-peak');
		expect(of(p1.id)).toMatchObject({ attempts: 2, correct: true });
		expect(of(p2.id)).toMatchObject({ attempts: 1, correct: false });
		expect(await bestExerciseResults(t.db, [])).toEqual([]);
	});
});

describe('what pages receive', () => {
	it('lists at least five exercises without their answers', () => {
		const listed = listExercises();
		expect(listed.length).toBeGreaterThanOrEqual(5);
		const text = JSON.stringify(listed);
		expect(text).not.toContain(truth.exercises['cluster-consignee'].answer);
		expect(listed.every((e) => !('answer' in e) && !('value' in e))).toBe(true);
	});
});
