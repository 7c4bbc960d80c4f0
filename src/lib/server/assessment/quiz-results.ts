/**
 * Knowledge-check results per participant and module: the first attempt (kept apart: it shows
 * what the module taught at first reading), the best, the number of attempts, and the pass.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import { cohortMemberTable, quizAttemptTable, type QuizAttempt } from '~db/schema';
import { insertedFirst } from '../row-order';

/** One participant's results on one module's check. */
export type QuizResult = {
	userId: string;
	moduleId: string;
	firstScore: number;
	firstTotal: number;
	bestScore: number;
	bestTotal: number;
	attempts: number;
	/** True once any attempt reached the module's pass mark (as it was at the time). */
	passed: boolean;
	firstAt: Date;
};

/** One result from one person's attempts at one module, oldest first. */
function summarise(attempts: QuizAttempt[]): QuizResult {
	// Rows from before the "first" flag existed have none: the oldest stands in for it.
	const first = attempts.find((a) => a.first) ?? attempts[0]!;
	const best = attempts.reduce((b, a) => (a.score > b.score ? a : b));
	return {
		userId: first.userId,
		moduleId: first.moduleId,
		firstScore: first.score,
		firstTotal: first.total,
		bestScore: best.score,
		bestTotal: best.total,
		attempts: attempts.length,
		passed: attempts.some((a) => a.passed),
		firstAt: first.createdAt,
	};
}

/** Groups attempts (oldest first) by person and module, one result each. */
function fold(attempts: QuizAttempt[]): QuizResult[] {
	const groups = new Map<string, QuizAttempt[]>();
	for (const a of attempts) {
		const key = `${a.userId}/${a.moduleId}`;
		groups.set(key, [...(groups.get(key) ?? []), a]);
	}
	return [...groups.values()].map(summarise);
}

async function attemptsWhere(db: Db, where: SQL | undefined): Promise<QuizAttempt[]> {
	return db
		.select({ attempt: quizAttemptTable })
		.from(quizAttemptTable)
		.innerJoin(cohortMemberTable, eq(cohortMemberTable.userId, quizAttemptTable.userId))
		.where(where)
		.orderBy(insertedFirst(quizAttemptTable))
		.then((rows) => rows.map((r) => r.attempt));
}

/**
 * First score, best score, attempts and pass for every participant × module of a cohort that
 * has at least one attempt (the cohort matrix for mentors and admins). The caller checks that
 * the viewer may see the cohort.
 */
export async function listQuizResults(db: Db, cohortId: string): Promise<QuizResult[]> {
	return fold(
		await attemptsWhere(
			db,
			and(eq(cohortMemberTable.cohortId, cohortId), eq(cohortMemberTable.role, 'participant')),
		),
	);
}

/** One person's result on one module, or null before their first attempt. */
export async function findQuizResult(
	db: Db,
	userId: string,
	moduleId: string,
): Promise<QuizResult | null> {
	const rows = await db
		.select()
		.from(quizAttemptTable)
		.where(and(eq(quizAttemptTable.userId, userId), eq(quizAttemptTable.moduleId, moduleId)))
		.orderBy(insertedFirst(quizAttemptTable));
	return fold(rows)[0] ?? null;
}
