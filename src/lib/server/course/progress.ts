/** Curriculum progress: modules marked complete and knowledge-check attempts. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { preparedOnce } from '~db/prepared';
import { moduleProgressTable, quizAttemptTable } from '~db/schema';

/** Ids of the modules a person has completed. */
export async function listCompletedModules(db: Db, userId: string): Promise<Set<string>> {
	const rows = await completedModules(db).execute({ userId });
	return new Set(rows.map((r) => r.id));
}
const completedModules = preparedOnce((db) =>
	db
		.select({ id: moduleProgressTable.moduleId })
		.from(moduleProgressTable)
		.where(eq(moduleProgressTable.userId, sql.placeholder('userId')))
		.prepare(),
);

/** Marks a module complete (or not). Idempotent. */
export async function setModuleComplete(
	db: Db,
	userId: string,
	moduleId: string,
	complete: boolean,
): Promise<void> {
	if (complete)
		await db
			.insert(moduleProgressTable)
			.values({ userId, moduleId, completedAt: new Date() })
			.onConflictDoNothing();
	else
		await db
			.delete(moduleProgressTable)
			.where(
				and(eq(moduleProgressTable.userId, userId), eq(moduleProgressTable.moduleId, moduleId)),
			);
}

/** Best score and attempt count per module for a person. */
export async function bestScores(db: Db, userId: string) {
	const rows = await db
		.select({
			moduleId: quizAttemptTable.moduleId,
			best: sql<number>`max(${quizAttemptTable.score})`,
			total: sql<number>`max(${quizAttemptTable.total})`,
			attempts: sql<number>`count(*)`,
		})
		.from(quizAttemptTable)
		.where(eq(quizAttemptTable.userId, userId))
		.groupBy(quizAttemptTable.moduleId);
	return new Map(
		rows.map((r) => [
			r.moduleId,
			{ best: Number(r.best), total: Number(r.total), attempts: Number(r.attempts) },
		]),
	);
}

/** Completion and best scores for several participants (the cohort matrix). */
export async function progressMatrix(db: Db, userIds: string[]) {
	if (!userIds.length) return { completed: [], scores: [] };
	const completed = await db
		.select()
		.from(moduleProgressTable)
		.where(inArray(moduleProgressTable.userId, userIds));
	const scores = await db
		.select({
			userId: quizAttemptTable.userId,
			moduleId: quizAttemptTable.moduleId,
			best: sql<number>`max(${quizAttemptTable.score})`,
			total: sql<number>`max(${quizAttemptTable.total})`,
		})
		.from(quizAttemptTable)
		.where(inArray(quizAttemptTable.userId, userIds))
		.groupBy(quizAttemptTable.userId, quizAttemptTable.moduleId);
	return { completed, scores };
}
