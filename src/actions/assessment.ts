/** The pre-test and the post-test: scored on the server; participants' attempts are stored once each. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { assessmentKinds } from '~db/schema';
import { answersInOrder } from '~/lib/assessment/quiz';
import { getCourseTest } from '~/lib/server/assessment/content';
import { submitAssessment } from '~/lib/server/assessment/attempt';
import { getDb } from '~/lib/server/db';
import { attemptFields } from './curriculum';
import { run } from './guard';

export const assessment = {
	/** Scores the pre-test or post-test by option identity; anyone may try, participants' count. */
	submit: defineAction({
		accept: 'form',
		input: z.object({
			kind: z.enum(assessmentKinds, { error: 'Unknown test.' }),
			...attemptFields,
		}),
		handler: async (input, context) => {
			const test = getCourseTest(input.kind);
			const answers = answersInOrder(input.answers, test.items.length);
			return run(async () =>
				submitAssessment(await getDb(), context.locals.user ?? null, input.kind, {
					seed: input.seed,
					startedAt: input.startedAt,
					answers,
				}),
			);
		},
	}),
};
