/**
 * Taking the pre-test and the post-test: scored by option identity like the knowledge checks,
 * per blueprint topic, and stored once each for participants (others may try them unrecorded).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { assessmentAttemptTable, type AssessmentAttempt, type AssessmentKind } from '~db/schema';
import { scoreAnswers, type Verdict } from '~/lib/assessment/quiz';
import { scoreByTopic, type CourseTest, type TopicScores } from '~/lib/assessment/schema';
import { formatInstant } from '~/lib/dates';
import { timeZoneOf } from '../cohort/time-zone';
import { RuleError } from '../errors';
import { newId } from '../ids';
import { assertAllAnswered, type CheckSubmission } from './knowledge-check';
import type { SessionUser } from '../auth/session';
import { getCourseTest } from './content';
import { findRow } from '../find-row';

/** The scored test as the results page shows it. */
export type AssessmentOutcome = {
	kind: AssessmentKind;
	seed: number;
	score: number;
	total: number;
	verdicts: Verdict[];
	topics: TopicScores;
	saved: boolean;
	signedIn: boolean;
};

/** A participant's pre-test or post-test, or null before they take it. */
export async function findAssessmentAttempt(
	db: Db,
	userId: string,
	kind: AssessmentKind,
): Promise<AssessmentAttempt | null> {
	return findRow(
		db,
		assessmentAttemptTable,
		eq(assessmentAttemptTable.userId, userId),
		eq(assessmentAttemptTable.kind, kind),
	);
}

/** Why a participant may not take this test now (taken already; pre-test after the post-test), or null. */
export async function closedReason(
	db: Db,
	userId: string,
	kind: AssessmentKind,
): Promise<string | null> {
	const own = await findAssessmentAttempt(db, userId, kind);
	const name = kind === 'pre' ? 'pre-test' : 'post-test';
	if (own) {
		const when = formatInstant(own.createdAt, await timeZoneOf(db, userId));
		return `You took the ${name} on ${when}: it is taken once.`;
	}
	if (kind === 'pre' && (await findAssessmentAttempt(db, userId, 'post')))
		return 'The pre-test is closed: you have already taken the post-test, so it could no longer show your starting point.';
	return null;
}

/** Scores a test; a participant's first and only attempt at it is stored. */
export async function submitAssessment(
	db: Db,
	user: SessionUser | null,
	kind: AssessmentKind,
	submission: CheckSubmission,
	test: CourseTest = getCourseTest(kind),
): Promise<AssessmentOutcome> {
	assertAllAnswered(test.items, submission.answers);
	const { verdicts, score, total } = scoreAnswers(test.items, submission.answers);
	const topics = scoreByTopic(test.items, verdicts);
	const outcome = { kind, seed: submission.seed, score, total, verdicts, topics };
	if (user?.role !== 'participant') return { ...outcome, saved: false, signedIn: !!user };
	const closed = await closedReason(db, user.id, kind);
	if (closed) throw new RuleError('conflict', closed);
	const answers = Object.fromEntries(
		test.items.map((item, i) => [item.id, verdicts[i]!.chosen ?? '']),
	);
	const inserted = await db
		.insert(assessmentAttemptTable)
		.values({ id: newId(), userId: user.id, kind, answers, score, total, topics })
		.onConflictDoNothing()
		.returning({ id: assessmentAttemptTable.id });
	// Two tabs submitting at once: the unique index keeps the first, the second is told so.
	if (!inserted.length) throw new RuleError('conflict', (await closedReason(db, user.id, kind))!);
	return { ...outcome, saved: true, signedIn: true };
}
