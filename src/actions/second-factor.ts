/**
 * The second factor: the code after the password, enrolling and removing an authenticator app,
 * ending one's own sessions, and the admin's setting and reset.
 */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { SMTP_FROM, SMTP_URL } from 'astro:env/server';
import { roles } from '~db/schema';
import { formatInstant } from '~/lib/dates';
import { resolveNext } from '~/lib/next-path';
import { optionalText, recordId, requiredText } from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import {
	enrolTotp,
	removeTotp,
	resetSecondFactor,
	verifySecondFactor,
} from '~/lib/server/auth/second-factor';
import { setRequiredRoles } from '~/lib/server/auth/factor-policy';
import { invalidateOwnSession } from '~/lib/server/auth/session';
import { deleteSessionCookie } from '~/lib/server/auth/session-cookie';
import { RuleError } from '~/lib/server/errors';
import { deliverMail } from '~/lib/server/notify/outbox';
import { asRole, asUser, clientAddress, fieldErrors } from './guard';
import { doneAnswer, formAction } from './form-action';

const password = requiredText('Enter your password.', 256);
const code = requiredText('Enter the 6-digit code from your app, or a recovery code.', 24);

/** The second step of signing in: a code from the app or a recovery code. */
const verify = defineAction({
	accept: 'form',
	input: z.object({ code, next: optionalText(500) }),
	handler: async (input, context) => {
		const session = context.locals.pendingSession;
		if (!session)
			throw new ActionError({
				code: 'UNAUTHORIZED',
				message: 'Sign in with your email and password first.',
			});
		const result = await verifySecondFactor(await getDb(), {
			sessionId: session.id,
			userId: session.userId,
			code: input.code,
			address: clientAddress(context),
		});
		if (!result.ok && result.reason === 'throttled')
			throw new ActionError({
				code: 'TOO_MANY_REQUESTS',
				message: `Too many wrong codes. Try again after ${formatInstant(result.retryAt)} (Tokyo time).`,
			});
		if (!result.ok)
			throw fieldErrors(
				{ code: 'That code is not right, or it was used already.' },
				'That code is not right. Enter the code your app shows now, or an unused recovery code.',
			);
		return { next: resolveNext(input.next, context.url.origin), method: result.method };
	},
});

/** Sets up an authenticator app (the key comes back from the form); answers the recovery codes. */
const enrolTotpAction = defineAction({
	accept: 'form',
	input: z.object({
		key: requiredText('The form lost its key. Start again.', 64),
		code: requiredText('Enter the 6 digits your app shows.', 6),
		password,
	}),
	handler: (input, context) =>
		asUser(context, async (db, user) => ({
			recoveryCodes: await enrolTotp(db, user.id, input),
		})),
});

const removeTotpAction = formAction(
	['participant', 'mentor', 'admin', 'secretariat', 'home'],
	z.object({ password }),
	(db, user, input) => removeTotp(db, user.id, input.password),
	doneAnswer,
);

/** Ends one of the person's own sessions (the sessions list on /account). */
const signOutSession = defineAction({
	accept: 'form',
	input: z.object({
		session: z.string().regex(/^[0-9a-f]{64}$/, { error: 'That session is not one of yours.' }),
	}),
	handler: async (input, context) => {
		await asUser(context, async (db, user) => {
			if (!(await invalidateOwnSession(db, user.id, input.session)))
				throw new RuleError('not_found', 'That session has already ended.');
		});
		if (input.session === context.locals.authSession?.id) deleteSessionCookie(context);
		return { done: true };
	},
});

/** Listed in the `auth` group (src/actions/auth.ts). */
export {
	verify as verifySecondFactor,
	enrolTotpAction as enrolTotp,
	removeTotpAction as removeTotp,
	signOutSession,
};

/** The admin's side: which roles must have a second factor, and a reset for someone who lost theirs. */
export const secondFactor = {
	setRoles: formAction(
		['admin'],
		z.object({
			roles: z
				.array(z.enum(roles, { error: 'Choose among the roles offered.' }))
				.min(1, { error: 'Tick at least one role: admins hold every record, so keep them ticked.' })
				.max(5),
		}),
		(db, admin, input) => setRequiredRoles(db, admin.id, input.roles),
		doneAnswer,
	),
	reset: defineAction({
		accept: 'form',
		input: z.object({ userId: recordId() }),
		handler: async (input, context) => {
			const person = await asRole(context, ['admin'], (db, admin) =>
				resetSecondFactor(db, admin.id, input.userId),
			);
			await deliverMail(await getDb(), SMTP_URL, SMTP_FROM, {
				to: person.email,
				subject: 'Your second factor for the RILO A/P Programme Portal was reset',
				text: [
					`Dear ${person.name},`,
					'',
					'The programme admin removed the second factor (authenticator app, recovery codes and passkeys) of your account, and signed you out everywhere.',
					'Sign in with your password; if your role requires a second factor you will be asked to set one up again.',
					'',
					'If you did not ask for this, tell the programme admin at once.',
				].join('\n'),
			});
			return { name: person.name };
		},
	}),
};
