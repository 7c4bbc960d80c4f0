/**
 * Learning gain: the post-test against the pre-test, topic by topic, for one participant and
 * for a cohort. Scores are shares of the topic's items, so a gain is in percentage points.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	assessmentAttemptTable,
	cohortMemberTable,
	userTable,
	type AssessmentAttempt,
} from '~db/schema';
import type { Topic } from '~/lib/assessment/schema';
import { listTopics } from './content';

/** One topic's result: percent right before and after, and the difference (null until both exist). */
export type TopicGain = {
	topic: Topic;
	pre: number | null;
	post: number | null;
	gain: number | null;
};

/** Anything with per-topic scores: a stored attempt, or a just-scored unrecorded one. */
type Scored = Pick<AssessmentAttempt, 'topics'> | null | undefined;

const percentOf = (attempt: Scored, topicId: string): number | null => {
	const t = attempt?.topics[topicId];
	return t && t.total ? Math.round((t.correct / t.total) * 100) : null;
};

/** Per-topic results from a pre-test and a post-test (either may be missing). */
export function gainByTopic(topics: Topic[], pre: Scored, post: Scored): TopicGain[] {
	return topics.map((topic) => {
		const before = percentOf(pre, topic.id);
		const after = percentOf(post, topic.id);
		return {
			topic,
			pre: before,
			post: after,
			gain: before === null || after === null ? null : after - before,
		};
	});
}

/** A participant's tests and gain per topic. */
export async function participantGain(db: Db, userId: string, topics = listTopics()) {
	const rows = await db
		.select()
		.from(assessmentAttemptTable)
		.where(eq(assessmentAttemptTable.userId, userId));
	const pre = rows.find((r) => r.kind === 'pre');
	const post = rows.find((r) => r.kind === 'post');
	return { pre: pre ?? null, post: post ?? null, topics: gainByTopic(topics, pre, post) };
}

/** The mean of the values present, rounded, or null when there are none. */
function mean(values: (number | null)[]): number | null {
	const present = values.filter((v): v is number => v !== null);
	return present.length ? Math.round(present.reduce((a, b) => a + b, 0) / present.length) : null;
}

/**
 * A cohort's gains: every participant's per-topic results, and per topic the cohort's mean
 * before, after and gain (the gain over participants who took both tests). The caller checks
 * that the viewer may see the cohort.
 */
export async function cohortGains(db: Db, cohortId: string, topics = listTopics()) {
	const members = await db
		.select({
			userId: userTable.id,
			name: userTable.name,
			administration: cohortMemberTable.administration,
		})
		.from(cohortMemberTable)
		.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
		.where(and(eq(cohortMemberTable.cohortId, cohortId), eq(cohortMemberTable.role, 'participant')))
		.orderBy(userTable.name);
	const attempts = members.length
		? await db
				.select()
				.from(assessmentAttemptTable)
				.where(
					inArray(
						assessmentAttemptTable.userId,
						members.map((m) => m.userId),
					),
				)
		: [];
	const participants = members.map((m) => {
		const pre = attempts.find((a) => a.userId === m.userId && a.kind === 'pre');
		const post = attempts.find((a) => a.userId === m.userId && a.kind === 'post');
		return { ...m, pre: pre ?? null, post: post ?? null, topics: gainByTopic(topics, pre, post) };
	});
	const summary = topics.map((topic, i) => {
		const rows = participants.map((p) => p.topics[i]!);
		const both = rows.filter((r) => r.gain !== null);
		const count = (values: (number | null)[]) => values.filter((v) => v !== null).length;
		return {
			topic,
			pre: mean(rows.map((r) => r.pre)),
			/** Participants who took the pre-test (the pre-test mean's base). */
			preN: count(rows.map((r) => r.pre)),
			post: mean(rows.map((r) => r.post)),
			postN: count(rows.map((r) => r.post)),
			gain: mean(both.map((r) => r.gain)),
			/** Participants who took both tests (the gain's base). */
			n: both.length,
		};
	});
	return { participants, summary };
}
