/**
 * Item statistics for the people who deliver the course: per knowledge-check question (first
 * attempts only) and per course-test item, the share right and the discrimination, from the
 * stored attempts of all participants. No names: the numbers are per item. Mentors and admins
 * only; for anyone else there is nothing (the page answers 404).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { assessmentAttemptTable, quizAttemptTable, type AssessmentKind } from '~db/schema';
import { itemStatistics, type ItemStatistic } from '~/lib/assessment/item-statistics';
import { optionId } from '~/lib/assessment/quiz';
import type { SessionUser } from '../auth/session';
import { mayReadFacilitatorNotes } from '../course/facilitator';
import { publishedModules } from '../course/modules';
import { getCourseTest } from './content';
import { findKnowledgeCheck } from './knowledge-check';

export type ItemRow = ItemStatistic & { question: string };
export type ItemGroup = { id: string; title: string; respondents: number; items: ItemRow[] };

/** True when the stored answer (an option id, or an index in old rows) is the key. */
function isRight(stored: string | number | undefined, options: string[], answer: number): boolean {
	return typeof stored === 'number' ? stored === answer : stored === optionId(options[answer]!);
}

/** Knowledge checks: one group per published module, from participants' first attempts. */
async function checkGroups(db: Db): Promise<ItemGroup[]> {
	const attempts = await db
		.select({ moduleId: quizAttemptTable.moduleId, answers: quizAttemptTable.answers })
		.from(quizAttemptTable)
		.where(eq(quizAttemptTable.first, true));
	const groups: ItemGroup[] = [];
	for (const module of await publishedModules()) {
		const check = await findKnowledgeCheck(module.id);
		if (!check) continue;
		const qs = check.questions;
		// An attempt made on another version of the check (other number of questions) is left out.
		const rows = attempts
			.filter((a) => a.moduleId === module.id && a.answers.length === qs.length)
			.map((a) => qs.map((q, i) => isRight(a.answers[i], q.options, q.answer)));
		const stats = itemStatistics(rows, qs.length);
		groups.push({
			id: module.id,
			title: check.title,
			respondents: rows.length,
			items: qs.map((q, i) => ({ question: q.question, ...stats[i]! })),
		});
	}
	return groups;
}

/** The pre-test and the post-test: one group each. */
async function testGroups(db: Db): Promise<ItemGroup[]> {
	const attempts = await db
		.select({ kind: assessmentAttemptTable.kind, answers: assessmentAttemptTable.answers })
		.from(assessmentAttemptTable);
	return (['pre', 'post'] as AssessmentKind[]).map((kind) => {
		const test = getCourseTest(kind);
		const rows = attempts
			.filter((a) => a.kind === kind)
			.map((a) =>
				test.items.map((item) =>
					item.id in a.answers ? isRight(a.answers[item.id], item.options, item.answer) : null,
				),
			);
		const stats = itemStatistics(rows, test.items.length);
		return {
			id: kind,
			title: test.title,
			respondents: rows.length,
			items: test.items.map((item, i) => ({ question: item.question, ...stats[i]! })),
		};
	});
}

/** Every check's and test's item statistics, for a viewer who delivers the course; else null. */
export async function listItemStatistics(
	db: Db,
	viewer: Pick<SessionUser, 'role'> | null,
): Promise<{ checks: ItemGroup[]; tests: ItemGroup[] } | null> {
	if (!mayReadFacilitatorNotes(viewer)) return null;
	const [checks, tests] = await Promise.all([checkGroups(db), testGroups(db)]);
	return { checks, tests };
}
