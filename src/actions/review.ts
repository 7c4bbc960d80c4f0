/** Mentor review: decisions on entries, whole days, plan confirmation and check-ins. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { optionalText, recordId, requiredDay } from '~/lib/form-schemas';
import { approveDay, decideEntry, reopenEntry, undoDecision } from '~/lib/server/review/decide';
import { confirmPlan, saveCheckin } from '~/lib/server/logbook/ojt-plan';
import { asRole } from './guard';
import { emailNotifications } from './mailer';

const id = recordId();

export const review = {
	decide: defineAction({
		accept: 'form',
		input: z.object({
			id,
			decision: z.enum(['approved', 'changes_requested'], {
				error: 'Choose Approve or Request changes.',
			}),
			comment: optionalText(5000),
		}),
		handler: async (input, context) => {
			const entry = await asRole(context, ['mentor'], (db, mentor) =>
				decideEntry(db, mentor, input.id, input.decision, input.comment),
			);
			await emailNotifications(context.url);
			return { id: entry.id, decision: input.decision, participantId: entry.participantId };
		},
	}),
	reopen: defineAction({
		accept: 'form',
		input: z.object({ id, comment: optionalText(5000) }),
		handler: async (input, context) => {
			await asRole(context, ['mentor'], (db, mentor) =>
				reopenEntry(db, mentor, input.id, input.comment),
			);
			await emailNotifications(context.url);
			return { id: input.id };
		},
	}),
	undo: defineAction({
		accept: 'form',
		input: z.object({ id }),
		handler: async (input, context) => {
			await asRole(context, ['mentor'], (db, mentor) => undoDecision(db, mentor, input.id));
			return { id: input.id };
		},
	}),
	approveDay: defineAction({
		accept: 'form',
		input: z.object({ participantId: id, date: requiredDay() }),
		handler: async (input, context) => {
			const count = await asRole(context, ['mentor'], (db, mentor) =>
				approveDay(db, mentor, input.participantId, input.date),
			);
			await emailNotifications(context.url);
			return { count, date: input.date };
		},
	}),
	confirmPlan: defineAction({
		accept: 'form',
		input: z.object({ participantId: id }),
		handler: async (input, context) => {
			await asRole(context, ['mentor'], (db, mentor) =>
				confirmPlan(db, mentor, input.participantId),
			);
			return { participantId: input.participantId };
		},
	}),
	checkin: defineAction({
		accept: 'form',
		input: z.object({
			participantId: id,
			kind: z.enum(['start', 'mid', 'departure'], { error: 'Choose which check-in it was.' }),
			heldOn: requiredDay('Enter the day of the check-in.'),
			notes: optionalText(10_000),
		}),
		handler: async (input, context) => {
			await asRole(context, ['mentor'], (db, mentor) =>
				saveCheckin(db, mentor, input.participantId, input.kind, input.heldOn, input.notes),
			);
			return { participantId: input.participantId };
		},
	}),
};
