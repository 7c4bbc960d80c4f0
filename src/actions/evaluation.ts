/** The end-of-week course evaluation: saving it, and copying it into the report as a start. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { listEvaluationItems, saveEvaluation } from '~/lib/server/evaluation/answers';
import { copyEvaluationToReport } from '~/lib/server/evaluation/copy-to-report';
import { asRole } from './guard';

export const evaluation = {
	/** Saves ratings (1–5, or none) and comments per day, module and the week. */
	save: defineAction({
		accept: 'form',
		input: z.object({
			// Every item posts a rating ('' = none), so a form without any is not the evaluation form.
			rating: z
				.object({}, { error: 'The form was incomplete. Reload the page and try again.' })
				.catchall(z.enum(['', '1', '2', '3', '4', '5'], { error: 'Choose a rating from 1 to 5.' }))
				.refine((r) => Object.keys(r).length > 0, {
					error: 'The form was incomplete. Reload the page and try again.',
				}),
			comment: z
				.object({})
				.catchall(z.string().max(2000, { error: 'Keep each comment under 2,000 characters.' }))
				.default({}),
		}),
		handler: async (input, context) => {
			return asRole(context, ['participant'], async (db, user) =>
				saveEvaluation(
					db,
					user,
					{ ratings: input.rating, comments: input.comment },
					await listEvaluationItems(),
				),
			);
		},
	}),
	/** Appends the saved evaluation to the report's evaluation section, unless the report is locked. */
	copyToReport: defineAction({
		accept: 'form',
		handler: async (_input, context) => {
			await asRole(context, ['participant'], async (db, user) =>
				copyEvaluationToReport(db, user, await listEvaluationItems()),
			);
			return { copied: true };
		},
	}),
};
