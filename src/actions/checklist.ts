/** The pre-arrival checklist: participants tick their own items. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { isChecklistKey } from '~/lib/todo/checklist';
import { staleFormSentence } from '~/lib/action-error';
import '~/lib/form-schemas';
import { setChecklistItem } from '~/lib/server/todo/checklist';
import { getDb } from '~/lib/server/db';
import { requireRole } from './guard';

export const checklist = {
	set: defineAction({
		accept: 'form',
		input: z.object({
			key: z
				.string({ error: 'There is no such checklist item. Reload the page and try again.' })
				.refine(isChecklistKey, {
					error: 'There is no such checklist item. Reload the page and try again.',
				}),
			done: z.enum(['true', 'false'], { error: staleFormSentence }),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			await setChecklistItem(await getDb(), user.id, input.key, input.done === 'true');
			return { key: input.key };
		},
	}),
};
