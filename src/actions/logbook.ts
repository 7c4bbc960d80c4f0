/** The OJT logbook: entries, the plan, and the comment thread. */
import { defineAction, type ActionAPIContext } from 'astro:actions';
import type { LogEntry } from '~db/schema';
import type { SessionUser } from '~/lib/server/auth/session';
import { z } from 'astro/zod';
import { flashAfterSave, type SaveIntent } from '~/lib/logbook/entry-form';
import { entrySchema, entryUpdateSchema, type EntryFields } from '~/lib/logbook/entry-schema';
import {
	confirmTick,
	optionalText,
	recordId,
	recordVersion,
	requiredText,
} from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import {
	createEntry,
	deleteEntry,
	submitEntry,
	updateEntry,
	type EntryInput,
} from '~/lib/server/logbook/entry';
import { addComment, resolveComment } from '~/lib/server/logbook/comment';
import { savePlan } from '~/lib/server/logbook/ojt-plan';
import { markAllRead } from '~/lib/server/notify/notification';
import { asUser, requireRole, requireUser, run } from './guard';
import { formAction, notifyingAction, recordAnswer } from './form-action';
import type { Db } from '~db/client';
import { emailNotifications } from './mailer';

const id = recordId();
const version = recordVersion();

function toEntryInput(v: EntryFields): EntryInput {
	const { hours, confirmOutsideWindow: _confirm, intent: _intent, ...rest } = v;
	return { ...rest, area: v.area as EntryInput['area'], minutes: Math.round(hours * 60) };
}

/**
 * After a save: "Save and submit" sends the entry for review at the version just written (so
 * nothing can slip in between); the page is told which message to show once.
 */
async function saveEntry(
	context: ActionAPIContext,
	intent: SaveIntent,
	write: (db: Db, user: SessionUser) => Promise<LogEntry>,
) {
	const user = requireRole(context, 'participant');
	const entry = await run(async () => write(await getDb(), user));
	if (intent === 'submit') {
		await run(async () => submitEntry(await getDb(), user, entry.id, entry.version));
		await emailNotifications(context.url);
	}
	return { id: entry.id, done: flashAfterSave(intent, entry.status) };
}

export const logbook = {
	create: defineAction({
		accept: 'form',
		input: entrySchema,
		handler: (input, context) =>
			saveEntry(context, input.intent, (db, user) =>
				createEntry(db, user, toEntryInput(input), input.confirmOutsideWindow),
			),
	}),
	update: defineAction({
		accept: 'form',
		input: entryUpdateSchema,
		handler: (input, context) =>
			saveEntry(context, input.intent, (db, user) =>
				updateEntry(
					db,
					user,
					input.id,
					input.version,
					toEntryInput(input),
					input.confirmOutsideWindow,
				),
			),
	}),
	submit: notifyingAction(
		['participant'],
		z.object({ id, version }),
		(db, user, input) => submitEntry(db, user, input.id, input.version),
		recordAnswer,
	),
	delete: formAction(
		['participant'],
		z.object({ id, confirm: confirmTick() }),
		(db, user, input) => deleteEntry(db, user, input.id),
		() => ({ deleted: true }),
	),
	// Hours are required: the form always sends them, so a request without them (malformed, or
	// not from the form) is refused instead of blanking the plan.
	savePlan: defineAction({
		accept: 'form',
		input: z.object(
			Object.fromEntries(
				[1, 2, 3, 4].flatMap((a) => [
					[`objectives${a}`, optionalText(5000)],
					[`tasks${a}`, optionalText(5000)],
					[
						`hours${a}`,
						z
							.number({ error: 'Enter planned hours (0 or more).' })
							.int({ error: 'Whole hours, please.' })
							.min(0)
							.max(200),
					],
				]),
			) as Record<
				`objectives${1 | 2 | 3 | 4}` | `tasks${1 | 2 | 3 | 4}`,
				ReturnType<typeof optionalText>
			> &
				Record<`hours${1 | 2 | 3 | 4}`, z.ZodNumber>,
		),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			const areas = ([1, 2, 3, 4] as const).map((area) => ({
				area,
				objectives: input[`objectives${area}`],
				tasks: input[`tasks${area}`],
				plannedHours: input[`hours${area}`],
			}));
			await run(async () => savePlan(await getDb(), user, areas));
			await emailNotifications(context.url);
			return { saved: true };
		},
	}),
};

export const comment = {
	add: defineAction({
		accept: 'form',
		input: z.object({ entryId: id, body: requiredText('Write a comment first.', 5000) }),
		handler: async (input, context) => {
			await asUser(context, (db, user) => addComment(db, user, input.entryId, input.body));
			await emailNotifications(context.url);
			return { entryId: input.entryId };
		},
	}),
	resolve: defineAction({
		accept: 'form',
		input: z.object({ commentId: id }),
		handler: async (input, context) => {
			const entryId = await asUser(context, (db, user) =>
				resolveComment(db, user, input.commentId),
			);
			return { entryId };
		},
	}),
};

export const notifications = {
	markRead: defineAction({
		accept: 'form',
		handler: async (_input, context) => {
			const user = requireUser(context);
			await markAllRead(await getDb(), user.id);
			return { done: true };
		},
	}),
};
