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
	it('follow one blueprint with different items, 12 to 16 each', () => {
		const pre = getCourseTest('pre');
		const post = getCourseTest('post');
		expect(blueprintProblems({ topics: listTopics() }, { pre, post })).toEqual([]);
		for (const test of [pre, post]) {
			expect(test.items.length).toBeGreaterThanOrEqual(12);
			expect(test.items.length).toBeLessThanOrEqual(16);
		}
		const preQuestions = new Set(pre.items.map((i) => i.question));
		expect(post.items.some((i) => preQuestions.has(i.question))).toBe(false);
	});

	it('shows the gain per topic once both tests are taken', async () => {
		const p = await makeUser(t.db, 'participant');
		await take(p, 'pre', ['rilo-network']);
		const before = await participantGain(t.db, p.id);
		expect(before.topics.find((r) => r.topic.id === 'rilo-network')).toMatchObject({
			pre: 100,
			post: null,
			gain: null,
		});
		const post = await take(p, 'post', ['rilo-network', 'intelligence', 'data-analysis']);
		expect(post.saved).toBe(true);
		const gain = await participantGain(t.db, p.id);
		const byTopic = Object.fromEntries(gain.topics.map((r) => [r.topic.id, r]));
		expect(byTopic['rilo-network']).toMatchObject({ pre: 100, post: 100, gain: 0 });
		expect(byTopic['intelligence']).toMatchObject({ pre: 0, post: 100, gain: 100 });
		expect(byTopic['cen-suite']).toMatchObject({ pre: 0, post: 0, gain: 0 });
	});

	it('is taken once each, and the pre-test closes once the post-test is taken', async () => {
		const p = await makeUser(t.db, 'participant');
		await take(p, 'pre', []);
		await expect(take(p, 'pre', ['cen-suite'])).rejects.toThrow(/taken once/);
		const q = await makeUser(t.db, 'participant');
		await take(q, 'post', []);
		await expect(take(q, 'pre', [])).rejects.toThrow(/pre-test is closed/);
	});

	it('scores but records nothing for signed-out readers and mentors', async () => {
		for (const who of [null, await makeUser(t.db, 'mentor')]) {
			const outcome = await take(who, 'pre', ['cen-suite']);
			expect(outcome).toMatchObject({ saved: false });
			expect(outcome.topics['cen-suite']).toEqual({ correct: 2, total: 2 });
		}
		const rows = await t.db.$client.execute('select count(*) as n from assessment_attempt');
		expect(Number(rows.rows[0]!.n)).toBe(0);
	});

	it('gives mentors the cohort’s mean per topic, gain over those who took both', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort, participants } = await makeCohort(t.db, admin, 3);
		const [a, b, c] = participants;
		await take(a!, 'pre', []);
		await take(a!, 'post', ['risk-management']);
		await take(b!, 'pre', ['risk-management']);
		await take(b!, 'post', ['risk-management']);
		await take(c!, 'pre', []); // no post-test yet: in the means, not in the gain
		const { participants: rows, summary } = await cohortGains(t.db, cohort.id);
		expect(rows).toHaveLength(3);
		expect(summary.find((s) => s.topic.id === 'risk-management')).toMatchObject({
			pre: 33,
			preN: 3,
			post: 100,
			postN: 2,
			gain: 50,
			n: 2,
		});
	});
});
