/**
 * The data lab on the server: the synthetic data file, and the graded exercises whose answers
 * never leave the server (pages receive questions and options only).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { exerciseAttemptTable, type ExerciseAttempt } from '~db/schema';
import { exercises, type Exercise } from '../../../../content/data/exercises';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { insertedLast } from '../row-order';

let dataFile: Promise<Buffer> | null = null;

/** The committed, gzipped data set, read once per process (it only changes with a deploy). */
export function readSeizureData(): Promise<Buffer> {
	dataFile ??= readFile(join(process.cwd(), 'content/data/seizures.csv.gz')).catch((error) => {
		dataFile = null;
		throw error;
	});
	return dataFile;
}

/** Bytes of the CSV once unzipped: gzip keeps it (mod 2^32) in its last four bytes. */
export function unzippedSize(gz: Buffer): number {
	return gz.readUInt32LE(gz.length - 4);
}

/** An exercise as a page may show it: everything but the answer. */
export type ExerciseQuestion = Pick<Exercise, 'id' | 'title' | 'question' | 'hint'> & {
	kind: Exercise['answer']['kind'];
	options: string[];
	unit?: string;
	placeholder?: string;
	/** For an interpretation: the length asked for, in words. */
	words?: { min: number; max: number };
};

/** Every exercise, without answers, in teaching order. */
export function listExercises(): ExerciseQuestion[] {
	return exercises.map(({ id, title, question, hint, answer }) => ({
		id,
		title,
		question,
		// Hints of graded exercises come after a wrong answer; an interpretation's says what to cover.
		hint: answer.kind === 'interpretation' ? hint : '',
		kind: answer.kind,
		options: answer.kind === 'choice' ? answer.options : [],
		unit: answer.kind === 'number' ? answer.unit : undefined,
		placeholder: answer.kind === 'text' ? answer.placeholder : undefined,
		words:
			answer.kind === 'interpretation' ? { min: answer.minWords, max: answer.maxWords } : undefined,
	}));
}

/** The expected answer in words, for mentors' answer key. */
export function expectedAnswer(exerciseId: string): string | null {
	const answer = exercises.find((e) => e.id === exerciseId)?.answer;
	if (!answer || answer.kind === 'interpretation') return null;
	if (answer.kind !== 'number') return answer.value;
	const within = answer.tolerance ? ` (± ${answer.tolerance.toLocaleString('en')})` : '';
	return `${answer.value.toLocaleString('en')}${answer.unit ? ` ${answer.unit}` : ''}${within}`;
}

/** Letters and digits only, upper-cased: "cne yg6p6" and "CNE-YG6P6" compare equal. */
const normaliseText = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** A number as people type it: "8,486", "8 486 kg" and "8486.0" all read 8486; else null. */
export function readNumber(text: string): number | null {
	const cleaned = text.replace(/[\s,_]/g, '').replace(/kg$/i, '');
	return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

function isRight(exercise: Exercise, given: string): boolean {
	const { answer } = exercise;
	if (answer.kind === 'choice') {
		if (!answer.options.includes(given))
			throw new RuleError('invalid', 'Choose one of the options.', 'answer');
		return given === answer.value;
	}
	if (answer.kind === 'text') return normaliseText(given) === normaliseText(answer.value);
	if (answer.kind === 'interpretation')
		throw new RuleError(
			'invalid',
			'This exercise asks for a written interpretation: send it with the interpretation form.',
			'answer',
		);
	const value = readNumber(given);
	if (value === null) throw new RuleError('invalid', 'Give a number, for example 1234.', 'answer');
	return Math.abs(value - answer.value) <= answer.tolerance;
}

/** The verdict on an answer and what to tell the person; 404 for an unknown exercise. */
export function gradeExerciseAnswer(exerciseId: string, answer: string) {
	const exercise = exercises.find((e) => e.id === exerciseId);
	if (!exercise) throw notFound('exercise');
	const correct = isRight(exercise, answer.trim());
	return { correct, feedback: correct ? exercise.explanation : exercise.hint };
}

/** Grades a participant's answer and stores it as an attempt. */
export async function checkExerciseAnswer(
	db: Db,
	userId: string,
	exerciseId: string,
	answer: string,
) {
	const verdict = gradeExerciseAnswer(exerciseId, answer);
	await db.insert(exerciseAttemptTable).values({
		id: newId(),
		userId,
		exerciseId,
		answer: answer.trim(),
		correct: verdict.correct,
	});
	return verdict;
}

/** One person's attempts, newest first. */
export function listExerciseAttempts(db: Db, userId: string): Promise<ExerciseAttempt[]> {
	return db
		.select()
		.from(exerciseAttemptTable)
		.where(eq(exerciseAttemptTable.userId, userId))
		.orderBy(desc(exerciseAttemptTable.createdAt), insertedLast(exerciseAttemptTable));
}

/** Per person and exercise: how many attempts, and whether any was right (the cohort matrix). */
export async function bestExerciseResults(db: Db, userIds: string[]) {
	if (!userIds.length) return [];
	const rows = await db
		.select({
			userId: exerciseAttemptTable.userId,
			exerciseId: exerciseAttemptTable.exerciseId,
			attempts: sql<number>`count(*)`,
			correct: sql<number>`max(${exerciseAttemptTable.correct})`,
		})
		.from(exerciseAttemptTable)
		.where(inArray(exerciseAttemptTable.userId, userIds))
		.groupBy(exerciseAttemptTable.userId, exerciseAttemptTable.exerciseId);
	return rows.map((r) => ({
		...r,
		attempts: Number(r.attempts),
		correct: Number(r.correct) === 1,
	}));
}
