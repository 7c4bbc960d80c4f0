/**
 * The shape most actions have, written once: a form that people holding certain roles send, its
 * schema, and the domain work it does. Actions with more to do (mail, throttling, a redirect
 * target built from several results) keep writing defineAction themselves.
 */
import { defineAction, type ActionAPIContext } from 'astro:actions';
import type { z } from 'astro/zod';
import type { SessionUser } from '~/lib/server/auth/session';
import type { Db } from '~db/client';
import { asRole } from './guard';
import { emailNotifications } from './mailer';

/** The handler defineAction expects for schema `S` (a conditional type, so a generic one is cast). */
type Handler<S extends z.ZodType, A> = Parameters<typeof defineAction<A, 'form', S>>[0]['handler'];

/** What the action does for the person, with the parsed form; its result is the answer. */
type FormWork<S extends z.ZodType, T> = (
	db: Db,
	user: SessionUser,
	input: z.output<S>,
) => Promise<T>;

/**
 * A form action that a person holding one of `roles` may send (else 401 or 403): `input` is
 * checked, then `work` runs and its RuleError becomes the matching action error. The answer is
 * what `work` returns, or what `answer` makes of the input and that result (the page only needs
 * to know which record to show).
 */
export function formAction<S extends z.ZodType, T, A = T>(
	roles: readonly SessionUser['role'][],
	input: S,
	work: FormWork<S, T>,
	answer?: (input: z.output<S>, done: T) => A,
) {
	return buildAction(roles, input, work, answer, false);
}

/** A formAction whose work notifies people: the notification emails it created go out after it. */
export const notifyingAction: typeof formAction = (roles, input, work, answer) =>
	buildAction(roles, input, work, answer, true);

function buildAction<S extends z.ZodType, T, A>(
	roles: readonly SessionUser['role'][],
	input: S,
	work: FormWork<S, T>,
	answer: ((input: z.output<S>, done: T) => A) | undefined,
	notify: boolean,
) {
	const handler = async (parsed: z.output<S>, context: ActionAPIContext) => {
		const done = await asRole(context, roles, (db, user) => work(db, user, parsed));
		if (notify) await emailNotifications(context.url);
		return answer ? answer(parsed, done) : (done as unknown as A);
	};
	return defineAction<A, 'form', S>({ accept: 'form', input, handler: handler as Handler<S, A> });
}

/** The answer of an action on one record: its id, for the page to show it. */
export const recordAnswer = (input: { id: string }) => ({ id: input.id });

/** The answer of an action on one participant's record: whose, for the page to show it. */
export const participantAnswer = (input: { participantId: string }) => ({
	participantId: input.participantId,
});

/** The answer of an action that made or changed a named record: its id and name. */
export const namedAnswer = (_input: unknown, row: { id: string; name: string }) => ({
	id: row.id,
	name: row.name,
});

/** The answer of an action whose page only needs to know it went through. */
export const doneAnswer = () => ({ done: true });
