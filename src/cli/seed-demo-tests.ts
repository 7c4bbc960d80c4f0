/**
 * Demo pre-tests and post-tests, answered from the real items and scored by the real rules, so
 * mentors see a cohort gain in the demo. Participant 3 has taken neither (the browser tests take
 * them as that person); participant 4 has taken only the pre-test.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Db } from '../../db/client';
import { assessmentAttemptTable, type AssessmentKind } from '../../db/schema';
import type { DemoIds } from '../../db/seed-demo';
import { scoreByTopic, testSchema, type CourseTest } from '../lib/assessment/schema';
import { optionId, scoreAnswers } from '../lib/assessment/quiz';

const read = (kind: AssessmentKind): CourseTest =>
	testSchema.parse(parse(readFileSync(`content/assessments/${kind}-test.yaml`, 'utf8')));

/** Topics each demo participant answers right, per test (anything else is answered wrong). */
const plan: { participant: number; pre: string[]; post?: string[] }[] = [
	{
		participant: 0,
		pre: ['objective-3-rilo-work', 'objective-2-wco-cen'],
		post: [
			'objective-3-rilo-work',
			'objective-2-wco-cen',
			'objective-1b-data-intelligence',
			'objective-5-recommendations',
			'objective-1a-illicit-trade',
		],
	},
	{
		participant: 1,
		pre: ['objective-1b-data-intelligence'],
		post: [
			'objective-1b-data-intelligence',
			'objective-3-rilo-work',
			'objective-4-network',
			'objective-5-recommendations',
		],
	},
	{ participant: 3, pre: ['objective-3-rilo-work'] },
];

/** Stores one participant's attempt at a test, right on `rightOn` topics. */
async function take(db: Db, userId: string, kind: AssessmentKind, rightOn: string[], at: Date) {
	const test = read(kind);
	const chosen = test.items.map((item) =>
		optionId(
			item.options[
				rightOn.includes(item.topic) ? item.answer : (item.answer + 1) % item.options.length
			]!,
		),
	);
	const { verdicts, score, total } = scoreAnswers(test.items, chosen);
	await db.insert(assessmentAttemptTable).values({
		id: `demo${kind}test${userId}`,
		userId,
		kind,
		answers: Object.fromEntries(test.items.map((item, i) => [item.id, chosen[i]!])),
		score,
		total,
		topics: scoreByTopic(test.items, verdicts),
		createdAt: at,
	});
}

/** The demo cohort's tests: pre-tests on the first training day, post-tests on the last. */
export async function seedDemoTests(db: Db, ids: Pick<DemoIds, 'participantIds'>) {
	const dayMs = 86_400_000;
	for (const p of plan) {
		const userId = ids.participantIds[p.participant]!;
		await take(db, userId, 'pre', p.pre, new Date(Date.now() - 21 * dayMs));
		if (p.post) await take(db, userId, 'post', p.post, new Date(Date.now() - 17 * dayMs));
	}
}
