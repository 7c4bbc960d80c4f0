/**
 * How a person gets each kind of message by email: the form on /account (signed in) and the
 * one-click buttons behind the link in every email (no session: the signed token is the proof).
 */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { deliveryModes } from '~db/schema';
import { messageKindInfo, messageKinds, type MessageKind } from '~/lib/clock/reminder-kinds';
import { getDb } from '~/lib/server/db';
import { readPreferenceToken } from '~/lib/server/notify/preference-link';
import { setPreference } from '~/lib/server/notify/preferences';
import { fieldErrors, requireUser, run } from './guard';

const mode = z.enum(deliveryModes, {
	error: 'Choose at once, daily digest or off.',
});

/** The kinds the form showed (a person sees only the kinds their role receives). */
const someKinds = z
	.object(
		Object.fromEntries(messageKinds.map((kind) => [kind, mode.optional()])) as Record<
			MessageKind,
			z.ZodOptional<typeof mode>
		>,
	)
	.refine((v) => messageKinds.some((kind) => v[kind] !== undefined), {
		error: 'Choose how you get at least one kind of message.',
	});

/** The kinds set to off that cannot be turned off, each with why (shown beside its choice). */
function offRefused(input: Partial<Record<MessageKind, string>>): Record<string, string> {
	const refused: Record<string, string> = {};
	for (const kind of messageKinds)
		if (input[kind] === 'off' && !messageKindInfo[kind].canTurnOff)
			refused[kind] =
				`${messageKindInfo[kind].label} cannot be turned off: a deadline must reach you. Choose at once or daily digest.`;
	return refused;
}

const linkProblem = 'This link is not valid. Sign in and choose on your account page instead.';

export const account = {
	savePreferences: defineAction({
		accept: 'form',
		input: someKinds,
		handler: async (input, context) => {
			const user = requireUser(context);
			const refused = offRefused(input);
			if (Object.keys(refused).length)
				throw fieldErrors(refused, 'Nothing was saved: one choice is not allowed (marked below).');
			const db = await getDb();
			const now = new Date();
			for (const kind of messageKinds) {
				const chosen = input[kind];
				if (chosen) await run(() => setPreference(db, user.id, kind, chosen, now));
			}
			return { saved: true };
		},
	}),
	setFromLink: defineAction({
		accept: 'form',
		input: z.object({
			token: z.string({ error: linkProblem }).min(10, { error: linkProblem }).max(200),
			mode,
		}),
		handler: async (input) => {
			const db = await getDb();
			const target = await readPreferenceToken(db, input.token);
			if (!target) throw new ActionError({ code: 'NOT_FOUND', message: linkProblem });
			await run(() => setPreference(db, target.userId, target.kind, input.mode));
			return { kind: target.kind, mode: input.mode };
		},
	}),
};
