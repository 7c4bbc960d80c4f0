/**
 * The cohort's course evaluation as the programme office sees it: anonymous, and a result
 * (ratings or comments) is shown only when at least three participants gave one.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { evaluationAnswerTable } from '~db/schema';
import { anonymityThreshold, type EvaluationItem } from '~/lib/evaluation/items';

/** One item's results; `ratings` and `comments` are null when too few answered to stay anonymous. */
export type ItemResult = {
	item: EvaluationItem;
	ratings: { count: number; mean: number; counts: number[] } | null;
	/** How many gave a rating (shown even below the threshold: a count names nobody). */
	ratingCount: number;
	/** Sorted alphabetically, so the order says nothing about who wrote what. */
	comments: string[] | null;
	commentCount: number;
};

/** Results per item for a cohort, and how many participants answered anything. */
export async function evaluationResults(db: Db, cohortId: string, items: EvaluationItem[]) {
	const rows = await db
		.select()
		.from(evaluationAnswerTable)
		.where(eq(evaluationAnswerTable.cohortId, cohortId));
	const results: ItemResult[] = items.map((item) => {
		const answers = rows.filter((r) => r.item === item.key);
		const rated = answers.flatMap((r) => (r.rating ? [r.rating] : []));
		const comments = answers.flatMap((r) => (r.comment ? [r.comment] : []));
		const enough = (n: number) => n >= anonymityThreshold;
		return {
			item,
			ratingCount: rated.length,
			ratings: enough(rated.length)
				? {
						count: rated.length,
						mean: Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10,
						counts: [1, 2, 3, 4, 5].map((v) => rated.filter((r) => r === v).length),
					}
				: null,
			commentCount: comments.length,
			comments: enough(comments.length) ? comments.sort((a, b) => a.localeCompare(b)) : null,
		};
	});
	return { respondents: new Set(rows.map((r) => r.userId)).size, results };
}
