/** Answers on the follow-up of a former participant's recommendations (3 and 6 months after departure). */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getDb } from '~/lib/server/db';
import { saveFollowUp } from '~/lib/server/followup/save';
import { requireRole, run } from './guard';

const answer = z.enum(['', 'adopted', 'in_progress', 'not_adopted'], {
	error: 'Choose adopted, in progress or not adopted.',
});

export const followUp = {
	/** Saves a round's answers; only the alumnus and their home contacts answer. */
	save: defineAction({
		accept: 'form',
		input: z.object({
			participant: z.string().min(1, { error: 'The form was incomplete. Reload the page.' }),
			round: z.enum(['3', '6'], { error: 'The form was incomplete. Reload the page.' }),
			answer: z.object({}).catchall(answer).default({}),
			note: z
				.object({})
				.catchall(z.string().max(1000, { error: 'Keep each note under 1,000 characters.' }))
				.default({}),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant', 'home');
			const answers = Object.entries(input.answer)
				.filter(([, value]) => value !== '')
				.map(([item, value]) => ({
					item: Number(item),
					answer: value as Exclude<typeof value, ''>,
					note: (input.note[item] ?? '').trim(),
				}));
			const saved = await run(async () =>
				saveFollowUp(await getDb(), user, input.participant, Number(input.round), answers),
			);
			return { saved, round: input.round };
		},
	}),
};
