/**
 * Data-lab exercises: answers are graded on the server; participants' attempts are stored.
 * Interpretations are sent by participants and scored by their mentors on the rubric.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { optionalText, recordId, requiredText } from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import { checkExerciseAnswer, gradeExerciseAnswer } from '~/lib/server/lab/exercises';
import { reviewInterpretation, submitInterpretation } from '~/lib/server/lab/interpretation';
import { interpretationRubric } from '../../content/data/exercises';
import { asRole, requireUser, run } from './guard';
import { emailNotifications } from './mailer';

const exerciseId = z.string().regex(/^[a-z0-9-]{1,80}$/, {
	error: 'There is no such exercise. Reload the page and try again.',
});

/** One level (1 to 3) per rubric criterion, each a radio group named by the criterion's id. */
const levels = Object.fromEntries(
	interpretationRubric.map((c) => [
		c.id,
		z.enum(['1', '2', '3'], { error: `Choose a level for “${c.label}”.` }).transform(Number),
	]),
);

export const lab = {
	submit: defineAction({
		accept: 'form',
		input: z.object({
			exerciseId,
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
	interpret: defineAction({
		accept: 'form',
		input: z.object({
			exerciseId,
			body: requiredText('Write your interpretation.', 5000),
		}),
		handler: async ({ exerciseId, body }, context) => {
			const row = await asRole(context, ['participant'], (db, participant) =>
				submitInterpretation(db, participant, exerciseId, body),
			);
			await emailNotifications(context.url);
			return { id: row.id, exerciseId };
		},
	}),
	review: defineAction({
		accept: 'form',
		input: z.object({ id: recordId(), comment: optionalText(5000), ...levels }),
		handler: async ({ id, comment, ...scores }, context) => {
			await asRole(context, ['mentor'], (db, mentor) =>
				reviewInterpretation(db, mentor, id, scores as Record<string, number>, comment),
			);
			await emailNotifications(context.url);
			return { id };
		},
	}),
};
