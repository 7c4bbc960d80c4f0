/**
 * Written interpretations for the data lab: a participant sends one in their own words; a
 * mentor of their cohort scores it on the rubric and comments; the participant reads the
 * result. Each submission is kept as it was sent. Who may see one: its author, the mentors of
 * the author's cohorts and admins; anyone else gets a 404.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cohortMemberTable,
	labInterpretationTable,
	userTable,
	type LabInterpretation,
} from '~db/schema';
import { exercises, interpretationRubric } from '../../../../content/data/exercises';
import { findVisibleParticipant } from '../access';
import { timeZoneColumn } from '../cohort/time-zone';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { mentorsOf } from '../logbook/entry';
import { notify } from '../notify/notification';
import { insertedLast } from '../row-order';
import type { SessionUser } from '../auth/session';
import { findRow } from '../find-row';

/** The exercise an interpretation answers, or a 404 for anything else. */
export function interpretationExercise(exerciseId: string) {
	const exercise = exercises.find((e) => e.id === exerciseId);
	if (!exercise || exercise.answer.kind !== 'interpretation') throw notFound('exercise');
	return { ...exercise, answer: exercise.answer };
}

/** Words as people count them: runs of letters or digits. */
export function countWords(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Stores a participant's interpretation and tells their mentors. */
export async function submitInterpretation(
	db: Db,
	participant: SessionUser,
	exerciseId: string,
	body: string,
): Promise<LabInterpretation> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only participants send interpretations for review.');
	const { title, answer } = interpretationExercise(exerciseId);
	const words = countWords(body);
	if (words < answer.minWords)
		throw new RuleError(
			'invalid',
			`Write at least ${answer.minWords} words (this has ${words}).`,
			'body',
		);
	if (words > answer.maxWords)
		throw new RuleError(
			'invalid',
			`Keep it to ${answer.maxWords} words at most (this has ${words}).`,
			'body',
		);
	const [row] = await db
		.insert(labInterpretationTable)
		.values({ id: newId(), participantId: participant.id, exerciseId, body: body.trim() })
		.returning();
	await recordAudit(db, {
		actorId: participant.id,
		action: 'lab_interpretation.submit',
		subjectType: 'lab_interpretation',
		subjectId: row!.id,
	});
	await notify(
		db,
		await mentorsOf(db, participant.id),
		`${participant.name} sent an interpretation (“${title}”) for review.`,
		`/lab/interpretations/${row!.id}`,
	);
	return row!;
}

/** An interpretation the viewer may see (author, their mentors, admins), or null. */
export async function findInterpretationForViewer(
	db: Db,
	viewer: SessionUser,
	id: string,
): Promise<LabInterpretation | null> {
	const row = await findRow(db, labInterpretationTable, eq(labInterpretationTable.id, id));
	if (!row || !(await findVisibleParticipant(db, viewer, row.participantId))) return null;
	return row;
}

/** Checks a level (1 to 3) for every criterion of the rubric. */
function checkScores(scores: Record<string, number>): Record<string, number> {
	const checked: Record<string, number> = {};
	for (const c of interpretationRubric) {
		const level = scores[c.id];
		if (!level || !Number.isInteger(level) || level < 1 || level > 3)
			throw new RuleError('invalid', `Choose a level for “${c.label}”.`, c.id);
		checked[c.id] = level;
	}
	return checked;
}

/** A mentor's review: a level per criterion and a comment. Once per submission. */
export async function reviewInterpretation(
	db: Db,
	mentor: SessionUser,
	id: string,
	scores: Record<string, number>,
	comment: string,
): Promise<LabInterpretation> {
	if (mentor.role !== 'mentor')
		throw new RuleError('forbidden', 'Only mentors review interpretations.');
	const found = await findInterpretationForViewer(db, mentor, id);
	if (!found) throw notFound('interpretation');
	if (found.reviewedAt)
		throw new RuleError(
			'conflict',
			'This interpretation has already been reviewed. Reload to see the review.',
		);
	const checked = checkScores(scores);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(labInterpretationTable)
			.set({
				reviewerId: mentor.id,
				scores: checked,
				comment: comment.trim(),
				reviewedAt: new Date(),
			})
			.where(and(eq(labInterpretationTable.id, id), isNull(labInterpretationTable.reviewedAt)))
			.returning();
		if (!row)
			throw new RuleError(
				'conflict',
				'Another mentor reviewed this interpretation meanwhile. Reload to see the review.',
			);
		await recordAudit(tx, {
			actorId: mentor.id,
			action: 'lab_interpretation.review',
			subjectType: 'lab_interpretation',
			subjectId: id,
		});
		await notify(
			tx,
			[row.participantId],
			`${mentor.name} reviewed your interpretation (“${interpretationExercise(row.exerciseId).title}”).`,
			`/lab/interpretations/${id}`,
		);
		return row;
	});
}

/** The sum of the levels and the most there is, e.g. 7 of 9. */
export function rubricTotal(scores: Record<string, number> | null) {
	const max = interpretationRubric.length * 3;
	if (!scores) return null;
	return { total: interpretationRubric.reduce((n, c) => n + (scores[c.id] ?? 0), 0), max };
}

/** A participant's own interpretations, newest first. */
export function listOwnInterpretations(db: Db, participantId: string) {
	return db
		.select()
		.from(labInterpretationTable)
		.where(eq(labInterpretationTable.participantId, participantId))
		.orderBy(desc(labInterpretationTable.createdAt), insertedLast(labInterpretationTable));
}

/** Interpretations a mentor (their cohorts) or an admin (everyone) may read: waiting first, then newest. */
export async function listInterpretationsToReview(db: Db, viewer: SessionUser, limit = 200) {
	const cohorts = db
		.select({ id: cohortMemberTable.cohortId })
		.from(cohortMemberTable)
		.where(and(eq(cohortMemberTable.userId, viewer.id), eq(cohortMemberTable.role, 'mentor')));
	const participants = db
		.select({ id: cohortMemberTable.userId })
		.from(cohortMemberTable)
		.where(
			and(eq(cohortMemberTable.role, 'participant'), inArray(cohortMemberTable.cohortId, cohorts)),
		);
	return db
		.select({
			id: labInterpretationTable.id,
			exerciseId: labInterpretationTable.exerciseId,
			createdAt: labInterpretationTable.createdAt,
			reviewedAt: labInterpretationTable.reviewedAt,
			scores: labInterpretationTable.scores,
			participantName: userTable.name,
			// An admin's list spans cohorts: each time in its participant's cohort's zone.
			timeZone: timeZoneColumn(labInterpretationTable.participantId),
		})
		.from(labInterpretationTable)
		.innerJoin(userTable, eq(userTable.id, labInterpretationTable.participantId))
		.where(
			viewer.role === 'admin'
				? undefined
				: inArray(labInterpretationTable.participantId, participants),
		)
		.orderBy(
			sql`${labInterpretationTable.reviewedAt} is not null`,
			desc(labInterpretationTable.createdAt),
		)
		.limit(limit);
}

/** The latest interpretation per participant and exercise, for the cohort's progress matrix. */
export async function latestInterpretations(db: Db, userIds: string[]) {
	if (!userIds.length) return [];
	const rows = await db
		.select({
			id: labInterpretationTable.id,
			participantId: labInterpretationTable.participantId,
			exerciseId: labInterpretationTable.exerciseId,
			scores: labInterpretationTable.scores,
		})
		.from(labInterpretationTable)
		.where(inArray(labInterpretationTable.participantId, userIds))
		.orderBy(desc(labInterpretationTable.createdAt), insertedLast(labInterpretationTable));
	const latest = new Map<string, (typeof rows)[number]>();
	for (const r of rows) {
		const key = `${r.participantId}/${r.exerciseId}`;
		if (!latest.has(key)) latest.set(key, r);
	}
	return [...latest.values()];
}
