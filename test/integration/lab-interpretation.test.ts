/** Data-lab interpretations: sending, the mentor's rubric review, what the participant sees, and who may see what. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEventTable, labInterpretationTable, notificationTable } from '~db/schema';
import { checkExerciseAnswer, listExercises } from '~/lib/server/lab/exercises';
import {
	countWords,
	findInterpretationForViewer,
	listInterpretationsToReview,
	listOwnInterpretations,
	reviewInterpretation,
	rubricTotal,
	submitInterpretation,
} from '~/lib/server/lab/interpretation';
import { interpretationRubric } from '../../content/data/exercises';
import { makeUser, useTwoCohortsDb } from '../helpers/factories';

const { t, setup } = useTwoCohortsDb();

const exerciseId = 'interpret-concealment-shift';
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const good = `Tea packaging fell and machinery parts rose. ${words(70)}`;
const levels = { evidence: 3, alternatives: 2, limits: 1 };

describe('the exercises', () => {
	it('offers three interpretation exercises with the length asked for, and grades none of them', async () => {
		const written = listExercises().filter((e) => e.kind === 'interpretation');
		expect(written.map((e) => e.id)).toEqual([
			'interpret-concealment-shift',
			'interpret-inspection-rise',
			'interpret-linked-cluster',
		]);
		expect(written.every((e) => e.words && e.words.min > 0 && e.hint)).toBe(true);
		expect(JSON.stringify(written)).not.toContain('modelAnswer');
		const p = await makeUser(t.db, 'participant');
		await expect(checkExerciseAnswer(t.db, p.id, exerciseId, 'anything')).rejects.toMatchObject({
			code: 'invalid',
		});
	});

	it('counts words the way people do', () => {
		expect(countWords('  The route’s rise — 35 to 113 records, year-on-year. ')).toBe(8);
		expect(countWords('')).toBe(0);
	});
});

describe('sending and reviewing', () => {
	it('stores the text, notifies the mentors, and records an audit event', async () => {
		const { mentor, otherMentor, p1 } = await setup();
		const sent = await submitInterpretation(t.db, p1, exerciseId, `  ${good}  `);
		expect(sent).toMatchObject({ participantId: p1.id, exerciseId, body: good, reviewedAt: null });
		const notes = await t.db.select().from(notificationTable);
		expect(notes.map((n) => n.userId)).toEqual([mentor.id]);
		expect(notes[0]!.link).toBe(`/lab/interpretations/${sent.id}`);
		expect(notes.map((n) => n.userId)).not.toContain(otherMentor.id);
		const audit = await t.db
			.select()
			.from(auditEventTable)
			.where(eq(auditEventTable.subjectId, sent.id));
		expect(audit.map((a) => a.action)).toEqual(['lab_interpretation.submit']);
	});

	it('refuses too short, too long, an unknown exercise, a graded exercise and other roles', async () => {
		const { mentor, p1 } = await setup();
		await expect(submitInterpretation(t.db, p1, exerciseId, words(10))).rejects.toMatchObject({
			code: 'invalid',
			field: 'body',
			message: expect.stringContaining('at least 60 words (this has 10)'),
		});
		await expect(submitInterpretation(t.db, p1, exerciseId, words(401))).rejects.toMatchObject({
			code: 'invalid',
			field: 'body',
		});
		await expect(submitInterpretation(t.db, p1, 'no-such', good)).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(submitInterpretation(t.db, p1, 'seasonal-peak', good)).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(submitInterpretation(t.db, mentor, exerciseId, good)).rejects.toMatchObject({
			code: 'forbidden',
		});
		expect(await t.db.select().from(labInterpretationTable)).toEqual([]);
	});

	it('lets a mentor of the cohort score it once; the participant sees levels, total and comment', async () => {
		const { mentor, p1 } = await setup();
		const sent = await submitInterpretation(t.db, p1, exerciseId, good);
		const reviewed = await reviewInterpretation(t.db, mentor, sent.id, levels, ' Cite the view. ');
		expect(reviewed).toMatchObject({
			reviewerId: mentor.id,
			scores: levels,
			comment: 'Cite the view.',
		});
		expect(reviewed.reviewedAt).toBeInstanceOf(Date);
		expect(rubricTotal(reviewed.scores)).toEqual({ total: 6, max: 9 });
		const seen = await findInterpretationForViewer(t.db, p1, sent.id);
		expect(seen?.scores).toEqual(levels);
		const told = await t.db
			.select()
			.from(notificationTable)
			.where(eq(notificationTable.userId, p1.id));
		expect(told).toHaveLength(1);
		expect(told[0]!.text).toContain('reviewed your interpretation');
		await expect(
			reviewInterpretation(t.db, mentor, sent.id, levels, 'again'),
		).rejects.toMatchObject({ code: 'conflict' });
		// A new version is a new submission, reviewed on its own; the first review stays.
		const second = await submitInterpretation(t.db, p1, exerciseId, `${good} More.`);
		const own = await listOwnInterpretations(t.db, p1.id);
		expect(own.map((r) => r.id)).toEqual([second.id, sent.id]);
		expect(own[1]!.comment).toBe('Cite the view.');
	});

	it('refuses a missing or impossible level, and other roles', async () => {
		const { admin, otherMentor, mentor, p1, p2 } = await setup();
		const sent = await submitInterpretation(t.db, p1, exerciseId, good);
		await expect(
			reviewInterpretation(t.db, mentor, sent.id, { evidence: 3, alternatives: 2 }, ''),
		).rejects.toMatchObject({ code: 'invalid', field: 'limits' });
		await expect(
			reviewInterpretation(t.db, mentor, sent.id, { ...levels, evidence: 4 }, ''),
		).rejects.toMatchObject({ code: 'invalid', field: 'evidence' });
		await expect(reviewInterpretation(t.db, admin, sent.id, levels, '')).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(reviewInterpretation(t.db, p2, sent.id, levels, '')).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(
			reviewInterpretation(t.db, otherMentor, sent.id, levels, ''),
		).rejects.toMatchObject({ code: 'not_found' });
		const [row] = await t.db.select().from(labInterpretationTable);
		expect(row!.reviewedAt).toBeNull();
		expect(interpretationRubric.map((c) => c.id)).toEqual(['evidence', 'alternatives', 'limits']);
	});
});

describe('who sees what', () => {
	it('shows an interpretation to its author, their mentors and admins; to anyone else it does not exist', async () => {
		const { admin, mentor, otherMentor, p1, p2, outsider } = await setup();
		const sent = await submitInterpretation(t.db, p1, exerciseId, good);
		const sees = async (u: Parameters<typeof findInterpretationForViewer>[1]) =>
			(await findInterpretationForViewer(t.db, u, sent.id)) !== null;
		expect(await sees(p1)).toBe(true);
		expect(await sees(mentor)).toBe(true);
		expect(await sees(admin)).toBe(true);
		expect(await sees(p2)).toBe(false);
		expect(await sees(outsider)).toBe(false);
		expect(await sees(otherMentor)).toBe(false);
		expect(await findInterpretationForViewer(t.db, admin, 'no-such-id')).toBeNull();
	});

	it("lists a mentor's cohorts only, waiting first; admins see every cohort", async () => {
		const { admin, mentor, otherMentor, p1, p2, outsider } = await setup();
		const first = await submitInterpretation(t.db, p1, exerciseId, good);
		await reviewInterpretation(t.db, mentor, first.id, levels, '');
		const waiting = await submitInterpretation(t.db, p2, exerciseId, good);
		const elsewhere = await submitInterpretation(t.db, outsider, exerciseId, good);
		expect((await listInterpretationsToReview(t.db, mentor)).map((r) => r.id)).toEqual([
			waiting.id,
			first.id,
		]);
		expect((await listInterpretationsToReview(t.db, otherMentor)).map((r) => r.id)).toEqual([
			elsewhere.id,
		]);
		expect(await listInterpretationsToReview(t.db, admin)).toHaveLength(3);
		expect((await listOwnInterpretations(t.db, p2.id)).map((r) => r.id)).toEqual([waiting.id]);
	});
});
