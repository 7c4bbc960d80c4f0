/**
 * Knowledge checks on the server: a module's questions and pass mark, scoring an attempt by
 * option identity, and recording participants' attempts (the first one marked apart).
 */
import { getEntry } from 'astro:content';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { quizAttemptTable } from '~db/schema';
import {
	passMarkOf,
	scoreAnswers,
	unansweredQuestions,
	type AuthoredQuestion,
	type Verdict,
} from '~/lib/assessment/quiz';
import { RuleError } from '../errors';
import { newId } from '../ids';
import type { SessionUser } from '../auth/session';

/** A published module's check: its questions (with answers: server only) and pass mark. */
export type KnowledgeCheck = {
	moduleId: string;
	title: string;
	day: number;
	questions: AuthoredQuestion[];
	passMark: number;
};

/** The check of a published module, or null for an unknown or draft module. */
export async function findKnowledgeCheck(moduleId: string): Promise<KnowledgeCheck | null> {
	const entry = await getEntry('modules', moduleId);
	if (!entry || entry.data.draft) return null;
	const { title, day, quiz, passMark } = entry.data;
	return { moduleId, title, day, questions: quiz, passMark: passMarkOf(quiz.length, passMark) };
}

/** What the form posts: the order it showed, when it was opened, one option id per question. */
export type CheckSubmission = { seed: number; startedAt: number; answers: (string | null)[] };

/** The scored attempt as the results page shows it. */
export type CheckOutcome = {
	moduleId: string;
	seed: number;
	score: number;
	total: number;
	passMark: number;
	passed: boolean;
	verdicts: Verdict[];
	/** Stored in the participant's progress. */
	saved: boolean;
	/** True when this was the participant's first attempt at the module. */
	first: boolean;
	signedIn: boolean;
};

/** Refuses a submission with unanswered questions, naming them (the page marks each one). */
export function assertAllAnswered(questions: AuthoredQuestion[], answers: (string | null)[]) {
	const missing = unansweredQuestions(questions, answers);
	if (!missing.length) return;
	const list = missing.map((i) => i + 1).join(', ');
	throw new RuleError(
		'invalid',
		missing.length === 1
			? `Question ${list} has no answer yet. Choose one, then check your answers.`
			: `Questions ${list} have no answer yet. Choose one answer for each, then check your answers.`,
	);
}

/**
 * Scores an attempt; a participant's is stored (signed-out readers, mentors and admins may
 * try the check, and nothing is recorded for them).
 */
export async function submitKnowledgeCheck(
	db: Db,
	user: SessionUser | null,
	check: KnowledgeCheck,
	submission: CheckSubmission,
	now = Date.now(),
): Promise<CheckOutcome> {
	assertAllAnswered(check.questions, submission.answers);
	const { verdicts, score, total } = scoreAnswers(check.questions, submission.answers);
	const passed = score >= check.passMark;
	const outcome = { moduleId: check.moduleId, seed: submission.seed, score, total };
	const base = { ...outcome, passMark: check.passMark, passed, verdicts, signedIn: !!user };
	if (user?.role !== 'participant') return { ...base, saved: false, first: false };
	const { first } = await recordQuizAttempt(db, {
		userId: user.id,
		moduleId: check.moduleId,
		answers: verdicts.map((v) => v.chosen ?? ''),
		score,
		total,
		passed,
		durationSeconds: secondsBetween(submission.startedAt, now),
	});
	return { ...base, saved: true, first };
}

/** Seconds the form was open, within a day; 0 when the browser's start time makes no sense. */
function secondsBetween(startedAt: number, now: number): number {
	const seconds = Math.round((now - startedAt) / 1000);
	return seconds >= 0 && seconds <= 86_400 ? seconds : 0;
}

/**
 * Stores one attempt. "First" is decided in the same statement that inserts the row (and a
 * partial unique index keeps it to one per person and module), so two tabs cannot both be first.
 */
export async function recordQuizAttempt(
	db: Db,
	attempt: {
		userId: string;
		moduleId: string;
		answers: string[];
		score: number;
		total: number;
		passed: boolean;
		durationSeconds: number;
	},
): Promise<{ first: boolean }> {
	const t = quizAttemptTable;
	const noEarlier = sql`not exists (select 1 from ${t} where ${and(
		eq(t.userId, attempt.userId),
		eq(t.moduleId, attempt.moduleId),
	)})`;
	try {
		const [row] = await db
			.insert(t)
			.values({ id: newId(), ...attempt, first: noEarlier })
			.returning({ first: t.first });
		return { first: Boolean(row?.first) };
	} catch (error) {
		if (!String((error as Error)?.message ?? error).includes('UNIQUE')) throw error;
		await db.insert(t).values({ id: newId(), ...attempt, first: false });
		return { first: false };
	}
}
