/** Mentor review: decisions on entries, whole days, plan confirmation and check-ins. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { optionalText, recordId, requiredDay } from '~/lib/form-schemas';
import { approveDay, decideEntry, reopenEntry, undoDecision } from '~/lib/server/review/decide';
import { confirmPlan, saveCheckin } from '~/lib/server/logbook/ojt-plan';
import { asRole } from './guard';
import { emailNotifications } from './mailer';
import { formAction, notifyingAction, participantAnswer, recordAnswer } from './form-action';

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
	reopen: notifyingAction(
		['mentor'],
		z.object({ id, comment: optionalText(5000) }),
		(db, mentor, input) => reopenEntry(db, mentor, input.id, input.comment),
		recordAnswer,
	),
	undo: formAction(
		['mentor'],
		z.object({ id }),
		(db, mentor, input) => undoDecision(db, mentor, input.id),
		recordAnswer,
	),
	approveDay: notifyingAction(
		['mentor'],
		z.object({ participantId: id, date: requiredDay() }),
		(db, mentor, input) => approveDay(db, mentor, input.participantId, input.date),
		(input, count) => ({ count, date: input.date }),
	),
	confirmPlan: formAction(
		['mentor'],
		z.object({ participantId: id }),
		(db, mentor, input) => confirmPlan(db, mentor, input.participantId),
		participantAnswer,
	),
	checkin: formAction(
		['mentor'],
		z.object({
			participantId: id,
			kind: z.enum(['start', 'mid', 'departure'], { error: 'Choose which check-in it was.' }),
			heldOn: requiredDay('Enter the day of the check-in.'),
			notes: optionalText(10_000),
		}),
		(db, mentor, input) =>
			saveCheckin(db, mentor, input.participantId, input.kind, input.heldOn, input.notes),
		participantAnswer,
	),
};
