/**
 * The end-of-week course evaluation: a participant's ratings (1–5) and comments per day, per
 * module and for the week, kept per cohort; and the draft it gives the report's evaluation section.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { evaluationAnswerTable, type EvaluationAnswer } from '~db/schema';
import { evaluationItems, type EvaluationItem } from '~/lib/evaluation/items';
import { assertWritable, findCurrentCohort } from '../cohort/manage';
import { RuleError } from '../errors';
import { publishedModules } from '../course/modules';
import type { SessionUser } from '../auth/session';

/** The items of the current curriculum. */
export async function listEvaluationItems(): Promise<EvaluationItem[]> {
	return evaluationItems(await publishedModules());
}

/** A participant's answers, by item key. */
export async function findEvaluation(
	db: Db,
	userId: string,
): Promise<Map<string, EvaluationAnswer>> {
	const rows = await db
		.select()
		.from(evaluationAnswerTable)
		.where(eq(evaluationAnswerTable.userId, userId));
	return new Map(rows.map((r) => [r.item, r]));
}

/** What the form posts: rating ('' or '1'–'5') and comment per item key. */
export type EvaluationInput = { ratings: Record<string, string>; comments: Record<string, string> };

/**
 * Saves a participant's evaluation in their current cohort: answered items are written,
 * emptied ones removed, unknown keys ignored. Editable until the cohort is archived.
 */
export async function saveEvaluation(
	db: Db,
	participant: SessionUser,
	input: EvaluationInput,
	items: EvaluationItem[],
): Promise<{ answered: number }> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only participants evaluate the course.');
	const cohort = await findCurrentCohort(db, participant.id);
	if (!cohort)
		throw new RuleError(
			'conflict',
			'You are not in a cohort, so there is nothing to evaluate yet.',
		);
	assertWritable(cohort);
	const now = new Date();
	let answered = 0;
	await db.transaction(async (tx) => {
		for (const item of items) {
			const rating = Number(input.ratings[item.key]) || null;
			const comment = (input.comments[item.key] ?? '').trim();
			const mine = and(
				eq(evaluationAnswerTable.userId, participant.id),
				eq(evaluationAnswerTable.item, item.key),
			);
			if (!rating && !comment) {
				await tx.delete(evaluationAnswerTable).where(mine);
				continue;
			}
			answered += 1;
			const values = { cohortId: cohort.id, rating, comment, updatedAt: now };
			await tx
				.insert(evaluationAnswerTable)
				.values({ userId: participant.id, item: item.key, ...values })
				.onConflictDoUpdate({
					target: [evaluationAnswerTable.userId, evaluationAnswerTable.item],
					set: values,
				});
		}
	});
	return { answered };
}

/**
 * The participant's own answers as Markdown, a starting point for the report's programme
 * evaluation section (empty when they have not answered anything).
 */
export async function evaluationDraftMarkdown(
	db: Db,
	userId: string,
	items?: EvaluationItem[],
): Promise<string> {
	const answers = await findEvaluation(db, userId);
	const lines = (items ?? (await listEvaluationItems())).flatMap((item) => {
		const a = answers.get(item.key);
		if (!a) return [];
		const rating = a.rating ? `${a.rating} of 5` : 'no rating';
		const comment = a.comment ? ` — ${a.comment.replace(/\s*\n\s*/g, ' ')}` : '';
		return [`- ${item.kind === 'module' ? item.label : `**${item.label}**`}: ${rating}${comment}`];
	});
	if (!lines.length) return '';
	return `My end-of-week course evaluation (ratings from 1, poor, to 5, excellent):\n\n${lines.join('\n')}`;
}
