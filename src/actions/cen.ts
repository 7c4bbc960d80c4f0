/** The CEN practice environment: coded seizures and CENcomm-style messages. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { optionalText } from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import { cleanForm, createSeizure, practiceToday } from '~/lib/server/cen/seizure';
import { checkSeizure, seizureFields } from '~/lib/server/cen/seizure-rules';
import {
	createMessage,
	decideMessage,
	submitMessage,
	updateMessage,
} from '~/lib/server/cen/message';
import { checkMessage, type MessageForm } from '~/lib/server/cen/message-rules';
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

const id = z.string().min(1).max(40);
const version = z.number({ error: 'Reload the page and try again.' }).int().min(1);

const messageFields = {
	kind: optionalText(20),
	subject: optionalText(200),
	recipientGroup: optionalText(200),
	indicators: optionalText(5000),
	modusOperandi: optionalText(5000),
	routes: optionalText(2000),
	riskIndicators: optionalText(5000),
	requestedAction: optionalText(5000),
	inReplyTo: optionalText(200),
	result: optionalText(5000),
	seizureId: optionalText(40),
	basis: optionalText(5000),
	handling: optionalText(20),
};

/** Every message rule at once, each beside its field. */
function checkMessageInput(values: MessageForm, ctx: z.RefinementCtx) {
	for (const [field, message] of Object.entries(checkMessage(values)))
		ctx.addIssue({ code: 'custom', path: [field], message });
}

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
	draftMessage: defineAction({
		accept: 'form',
		input: z.object(messageFields).superRefine(checkMessageInput),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			const row = await run(async () => createMessage(await getDb(), user, input));
			return { id: row.id };
		},
	}),
	updateMessage: defineAction({
		accept: 'form',
		input: z.object({ ...messageFields, id, version }).superRefine(checkMessageInput),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			const row = await run(async () =>
				updateMessage(await getDb(), user, input.id, input.version, input),
			);
			return { id: row.id };
		},
	}),
	submitMessage: defineAction({
		accept: 'form',
		input: z.object({ id, version }),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			await run(async () => submitMessage(await getDb(), user, input.id, input.version));
			return { id: input.id };
		},
	}),
	reviewMessage: defineAction({
		accept: 'form',
		input: z.object({
			id,
			decision: z.enum(['approved', 'changes_requested'], { error: 'Choose a decision.' }),
			comment: optionalText(5000),
		}),
		handler: async (input, context) => {
			const mentor = requireRole(context, 'mentor');
			await run(async () =>
				decideMessage(await getDb(), mentor, input.id, input.decision, input.comment),
			);
			return { id: input.id };
		},
	}),
};
