/** Curriculum progress: completing modules and submitting knowledge checks. */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { answersInOrder } from '~/lib/assessment/quiz';
import { staleFormSentence } from '~/lib/action-error';
import '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import { setModuleComplete } from '~/lib/server/course/progress';
import { findKnowledgeCheck, submitKnowledgeCheck } from '~/lib/server/assessment/knowledge-check';
import { requireRole, run } from './guard';

const moduleId = z
	.string({ error: 'There is no such module. Go back to the curriculum and try again.' })
	.regex(/^[a-z0-9-]{1,80}$/, {
		error: 'There is no such module. Go back to the curriculum and try again.',
	});

/** What every shuffled test form posts: its order, when it opened, and `answers.<question>` = option id. */
export const attemptFields = {
	seed: z
		.number({ error: 'The form was incomplete. Reload the page and try again.' })
		.int()
		.min(0)
		.max(2 ** 32 - 1),
	startedAt: z.number().int().min(0).default(0),
	answers: z
		.object({})
		.catchall(z.string().max(20, { error: 'Unknown answer.' }))
		.default({}),
};

export const progress = {
	setComplete: defineAction({
		accept: 'form',
		input: z.object({
			moduleId,
			complete: z.enum(['true', 'false'], { error: staleFormSentence }),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			if (!(await findKnowledgeCheck(input.moduleId)))
				throw new ActionError({
					code: 'NOT_FOUND',
					message: 'There is no such module. Go back to the curriculum and try again.',
				});
			await setModuleComplete(await getDb(), user.id, input.moduleId, input.complete === 'true');
			return { moduleId: input.moduleId };
		},
	}),
};

export const quiz = {
	/**
	 * Scores a knowledge check by option identity (answers never reach the page); anyone may
	 * try it, and participants' attempts are stored.
	 */
	submit: defineAction({
		accept: 'form',
		input: z.object({ moduleId, ...attemptFields }),
		handler: async (input, context) => {
			const check = await findKnowledgeCheck(input.moduleId);
			if (!check)
				throw new ActionError({
					code: 'NOT_FOUND',
					message: 'There is no such module. Go back to the curriculum and try again.',
				});
			const answers = answersInOrder(input.answers, check.questions.length);
			return run(async () =>
				submitKnowledgeCheck(await getDb(), context.locals.user ?? null, check, {
					seed: input.seed,
					startedAt: input.startedAt,
					answers,
				}),
			);
		},
	}),
};
