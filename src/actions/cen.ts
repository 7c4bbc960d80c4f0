/** The CEN practice environment: coded seizures and CENcomm-style messages. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { optionalText } from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import { cleanForm, createSeizure, practiceToday } from '~/lib/server/cen/seizure';
import { checkSeizure, seizureFields } from '~/lib/server/cen/seizure-rules';
import { requireRole, run } from './guard';

const seizureInput = z
	.object({
		...Object.fromEntries(
			seizureFields.map((f) => [f, optionalText(f === 'remarks' ? 2000 : 200)]),
		),
		caseId: optionalText(60),
		confirmWarnings: z.boolean().optional(),
	})
	.superRefine((values, ctx) => {
		// Every rule at once, so each field shows its own message beside it.
		const form = cleanForm(values as Record<string, string>);
		const { errors, warnings } = checkSeizure(form, practiceToday());
		for (const [field, message] of Object.entries(errors))
			ctx.addIssue({ code: 'custom', path: [field], message });
		if (!Object.keys(errors).length && Object.keys(warnings).length && !values.confirmWarnings)
			ctx.addIssue({
				code: 'custom',
				path: ['confirmWarnings'],
				message:
					'Some values look odd (see the warnings beside the fields). Correct them, or tick this box to save as it is.',
			});
	});

export const cen = {
	codeSeizure: defineAction({
		accept: 'form',
		input: seizureInput,
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			const values = input as Record<string, string>;
			const row = await run(async () =>
				createSeizure(await getDb(), user, cleanForm(values), {
					caseId: input.caseId,
					confirmWarnings: input.confirmWarnings ?? false,
				}),
			);
			return { id: row.id };
		},
	}),
};
