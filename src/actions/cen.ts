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
import {
	addRecord,
	attachMaterial,
	detachMaterial,
	saveChart,
	saveSearch,
	uploadMaterial,
} from '~/lib/server/cen/material';
import { formAction, recordAnswer } from './form-action';
import { asRole, requireRole, run } from './guard';

const seizureInput = z
	.object({
		...(Object.fromEntries(
			seizureFields.map((f) => [f, optionalText(f === 'remarks' ? 2000 : 200)]),
		) as Record<(typeof seizureFields)[number], ReturnType<typeof optionalText>>),
		caseId: optionalText(60),
		confirmWarnings: z.boolean().optional(),
	})
	.superRefine((values, ctx) => {
		// Every rule at once, so each field shows its own message beside it.
		const form = cleanForm(values);
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

/** Title, handling marking and links every material has. */
const materialMeta = {
	title: z
		.string({ error: 'Give the material a title (at least 3 characters).' })
		.trim()
		.min(3, { error: 'Give the material a title (at least 3 characters).' })
		.max(200, { error: 'Use at most 200 characters.' }),
	handling: z.enum(['restricted', 'unrestricted'], { error: 'Choose a handling marking.' }),
	logEntryId: optionalText(40),
	studyPart: optionalText(20),
};

export const cen = {
	codeSeizure: defineAction({
		accept: 'form',
		input: seizureInput,
		handler: async (input, context) => {
			const row = await asRole(context, ['participant'], (db, user) =>
				createSeizure(db, user, cleanForm(input), {
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
			const row = await asRole(context, ['participant'], (db, user) =>
				createMessage(db, user, input),
			);
			return { id: row.id };
		},
	}),
	updateMessage: defineAction({
		accept: 'form',
		input: z.object({ ...messageFields, id, version }).superRefine(checkMessageInput),
		handler: async (input, context) => {
			const row = await asRole(context, ['participant'], (db, user) =>
				updateMessage(db, user, input.id, input.version, input),
			);
			return { id: row.id };
		},
	}),
	submitMessage: formAction(
		['participant'],
		z.object({ id, version }),
		(db, user, input) => submitMessage(db, user, input.id, input.version),
		recordAnswer,
	),
	reviewMessage: formAction(
		['mentor'],
		z.object({
			id,
			decision: z.enum(['approved', 'changes_requested'], { error: 'Choose a decision.' }),
			comment: optionalText(5000),
		}),
		(db, mentor, input) => decideMessage(db, mentor, input.id, input.decision, input.comment),
		recordAnswer,
	),
	saveSearch: defineAction({
		accept: 'form',
		input: z.object({ ...materialMeta, query: optionalText(2000) }),
		handler: async (input, context) => {
			const row = await asRole(context, ['participant'], (db, user) =>
				saveSearch(db, user, input.query, input),
			);
			return { id: row.id, query: row.query };
		},
	}),
	addToMaterials: defineAction({
		accept: 'form',
		input: z.object({
			...materialMeta,
			// 'seizure:<id>' or 'message:<id>', from one select of the participant's records.
			record: z
				.string({ error: 'Choose a coded seizure or a message.' })
				.regex(/^(seizure|message):\w{1,40}$/, { error: 'Choose a coded seizure or a message.' }),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			const [kind, refId] = input.record.split(':') as ['seizure' | 'message', string];
			const row = await run(async () => addRecord(await getDb(), user, kind, refId, input));
			return { id: row.id };
		},
	}),
	upload: defineAction({
		accept: 'form',
		input: z.object({
			...materialMeta,
			file: z.instanceof(File, { error: 'Choose a file to upload.' }),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			const bytes = new Uint8Array(await input.file.arrayBuffer());
			const row = await run(async () =>
				uploadMaterial(await getDb(), user, { name: input.file.name, bytes }, input),
			);
			return { id: row.id };
		},
	}),
	saveChart: defineAction({
		accept: 'form',
		input: z.object({
			...materialMeta,
			image: z.instanceof(File, {
				error: 'The chart image did not arrive. Draw the chart again and save it.',
			}),
			settings: optionalText(8000),
			description: optionalText(2000),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			const png = new Uint8Array(await input.image.arrayBuffer());
			const row = await run(async () =>
				saveChart(
					await getDb(),
					user,
					{ png, settings: input.settings, description: input.description },
					input,
				),
			);
			return { id: row.id, title: row.title };
		},
	}),
	attachMaterial: formAction(
		['participant'],
		z
			.object({
				material: z
					.string({ error: 'Choose a material from your register.' })
					.min(1, { error: 'Choose a material from your register.' })
					.max(40),
				logEntryId: optionalText(40),
				studyPart: optionalText(20),
			})
			.refine((v) => v.logEntryId || v.studyPart, {
				path: ['studyPart'],
				error: 'Choose a part of the study.',
			}),
		(db, user, input) =>
			attachMaterial(
				db,
				user,
				input.material,
				input.logEntryId ? { logEntryId: input.logEntryId } : { studyPart: input.studyPart },
			),
		(input) => ({ id: input.material }),
	),
	detachMaterial: formAction(
		['participant'],
		z.object({
			id,
			from: z.enum(['log', 'study'], { error: 'Say what to detach the material from.' }),
		}),
		(db, user, input) => detachMaterial(db, user, input.id, input.from),
		recordAnswer,
	),
};
