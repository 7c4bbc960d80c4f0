/** The pre-test and post-test: one blueprint, taken once each, and the gain per topic. */
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { optionId } from '~/lib/assessment/quiz';
import { blueprintProblems } from '~/lib/assessment/schema';
import { getCourseTest, listTopics } from '~/lib/server/assessment/content';
import { submitAssessment } from '~/lib/server/assessment/attempt';
import { cohortGains, participantGain } from '~/lib/server/assessment/gain';
import type { AssessmentKind } from '~db/schema';
import type { SessionUser } from '~/lib/server/auth/session';

const t = useTestDb();

/** Answers the test right on the listed topics and wrong everywhere else. */
function answers(kind: AssessmentKind, rightOn: string[]) {
	return getCourseTest(kind).items.map((item) => {
		const index = rightOn.includes(item.topic)
			? item.answer
			: (item.answer + 1) % item.options.length;
		return optionId(item.options[index]!);
	});
}
const take = (who: SessionUser | null, kind: AssessmentKind, rightOn: string[]) =>
	submitAssessment(t.db, who, kind, { seed: 7, startedAt: 0, answers: answers(kind, rightOn) });

describe('the course tests', () => {
	it('follow one blueprint with different items, 24 to 32 each', () => {
		const pre = getCourseTest('pre');
		const post = getCourseTest('post');
		expect(blueprintProblems({ topics: listTopics() }, { pre, post })).toEqual([]);
		for (const test of [pre, post]) {
			expect(test.items.length).toBeGreaterThanOrEqual(24);
			expect(test.items.length).toBeLessThanOrEqual(32);
		}
		const preQuestions = new Set(pre.items.map((i) => i.question));
		expect(post.items.some((i) => preQuestions.has(i.question))).toBe(false);
	});

	it('shows the gain per topic once both tests are taken', async () => {
		const p = await makeUser(t.db, 'participant');
		await take(p, 'pre', ['objective-3-rilo-work']);
		const before = await participantGain(t.db, p.id);
		expect(before.topics.find((r) => r.topic.id === 'objective-3-rilo-work')).toMatchObject({
			pre: 100,
			post: null,
			gain: null,
		});
		const post = await take(p, 'post', [
			'objective-3-rilo-work',
			'objective-1b-data-intelligence',
			'objective-4-network',
		]);
		expect(post.saved).toBe(true);
		const gain = await participantGain(t.db, p.id);
		const byTopic = Object.fromEntries(gain.topics.map((r) => [r.topic.id, r]));
		expect(byTopic['objective-3-rilo-work']).toMatchObject({ pre: 100, post: 100, gain: 0 });
		expect(byTopic['objective-1b-data-intelligence']).toMatchObject({
			pre: 0,
			post: 100,
			gain: 100,
		});
		expect(byTopic['objective-2-wco-cen']).toMatchObject({ pre: 0, post: 0, gain: 0 });
	});

	it('is taken once each, and the pre-test closes once the post-test is taken', async () => {
		const p = await makeUser(t.db, 'participant');
		await take(p, 'pre', []);
		await expect(take(p, 'pre', ['objective-2-wco-cen'])).rejects.toThrow(/taken once/);
		const q = await makeUser(t.db, 'participant');
		await take(q, 'post', []);
		await expect(take(q, 'pre', [])).rejects.toThrow(/pre-test is closed/);
	});

	it('scores but records nothing for signed-out readers and mentors', async () => {
		for (const who of [null, await makeUser(t.db, 'mentor')]) {
			const outcome = await take(who, 'pre', ['objective-2-wco-cen']);
			expect(outcome).toMatchObject({ saved: false });
			expect(outcome.topics['objective-2-wco-cen']).toEqual({ correct: 4, total: 4 });
		}
		const rows = await t.db.$client.execute('select count(*) as n from assessment_attempt');
		expect(Number(rows.rows[0]!.n)).toBe(0);
	});

	it('gives mentors the cohort’s mean per topic, gain over those who took both', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, participants } = await makeCohort(t.db, admin, 3);
		const [a, b, c] = participants;
		await take(a!, 'pre', []);
		await take(a!, 'post', ['objective-5-recommendations']);
		await take(b!, 'pre', ['objective-5-recommendations']);
		await take(b!, 'post', ['objective-5-recommendations']);
		await take(c!, 'pre', []); // no post-test yet: in the means, not in the gain
		const { participants: rows, summary } = await cohortGains(t.db, cohort.id);
		expect(rows).toHaveLength(3);
		expect(summary.find((s) => s.topic.id === 'objective-5-recommendations')).toMatchObject({
			pre: 33,
			preN: 3,
			post: 100,
			postN: 2,
			gain: 50,
			n: 2,
		});
	});
});
