/** Data-lab exercises: answers are graded on the server; participants' attempts are stored. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getDb } from '~/lib/server/db';
import { checkExerciseAnswer, gradeExerciseAnswer } from '~/lib/server/lab';
import { requireUser, run } from './guard';

export const lab = {
	submit: defineAction({
		accept: 'form',
		input: z.object({
			exerciseId: z.string().regex(/^[a-z0-9-]{1,80}$/, {
				error: 'There is no such exercise. Reload the page and try again.',
			}),
			answer: z
				.string()
				.trim()
				.min(1, { error: 'Give an answer.' })
				.max(200, { error: 'Keep the answer under 200 characters.' }),
		}),
		handler: async ({ exerciseId, answer }, context) => {
			const user = requireUser(context);
			// Mentors and admins may try an exercise; only participants' attempts count.
			const saved = user.role === 'participant';
			const verdict = await run(async () =>
				saved
					? checkExerciseAnswer(await getDb(), user.id, exerciseId, answer)
					: gradeExerciseAnswer(exerciseId, answer),
			);
			return { exerciseId, ...verdict, saved };
		},
	}),
};
