/** Curriculum progress: completing modules and submitting knowledge checks. */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { staleFormSentence } from '~/lib/action-error';
import '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import { findQuiz, scoreQuiz } from '~/lib/server/modules';
import { recordQuizAttempt, setModuleComplete } from '~/lib/server/progress';
import { requireRole } from './guard';

const moduleId = z
	.string({ error: 'There is no such module. Go back to the curriculum and try again.' })
	.regex(/^[a-z0-9-]{1,80}$/, {
		error: 'There is no such module. Go back to the curriculum and try again.',
	});

export const progress = {
	setComplete: defineAction({
		accept: 'form',
		input: z.object({
			moduleId,
			complete: z.enum(['true', 'false'], { error: staleFormSentence }),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			if (!(await findQuiz(input.moduleId)))
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
	/** Scores a knowledge check on the server (answers never reach the page); stores participants' attempts. */
	submit: defineAction({
		accept: 'form',
		input: z.object({
			moduleId,
			answers: z.array(z.number().int().min(-1).max(10)).max(50),
			durationSeconds: z.number().int().min(0).max(86_400).default(0),
		}),
		handler: async (input, context) => {
			const quizQuestions = await findQuiz(input.moduleId);
			if (!quizQuestions)
				throw new ActionError({
					code: 'NOT_FOUND',
					message: 'There is no such module. Go back to the curriculum and try again.',
				});
			const { results, score, total } = scoreQuiz(quizQuestions, input.answers);
			const user = context.locals.user;
			const saved = user?.role === 'participant';
			if (saved)
				await recordQuizAttempt(await getDb(), {
					userId: user.id,
					moduleId: input.moduleId,
					answers: results.map((r) => r.chosen),
					score,
					total,
					durationSeconds: input.durationSeconds,
				});
			return { results, score, total, saved, signedIn: Boolean(user) };
		},
	}),
};
