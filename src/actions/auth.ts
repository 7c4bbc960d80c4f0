/** Signing in and out, passwords, invitations and the first-admin setup. */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { badCredentialsMessage, changePassword, signIn } from '~/lib/server/auth/sign-in';
import { getDb } from '~/lib/server/db';
import { acceptInvitation, completeSetup, useResetLink } from '~/lib/server/auth/invitation';
import {
	describeDevice,
	invalidateSession,
	invalidateUserSessions,
} from '~/lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '~/lib/server/auth/session-cookie';
import { recordAudit } from '~/lib/server/audit';
import { formatInstant } from '~/lib/dates';
import { resolveNext } from '~/lib/next-path';
import { optionalText, requiredText } from '~/lib/form-schemas';
import { clientAddress, requireUser, run } from './guard';
import type { Db } from '~db/client';
import { enrolTotp, removeTotp, signOutSession, verifySecondFactor } from './second-factor';
import { sessionAfterPassword } from '~/lib/server/auth/second-factor';
import { newDeviceMail } from '~/lib/server/auth/new-device';
import { findUserById } from '~/lib/server/auth/user';
import { deliverMail } from '~/lib/server/notify/outbox';
import { SMTP_FROM, SMTP_URL } from 'astro:env/server';

const email = z.email({ error: 'Enter an email address like name@customs.example.' }).max(200);
const password = requiredText('Enter your password.', 256);
const newPassword = z
	.string({ error: 'Choose a password of at least 12 characters.' })
	.min(12, { error: 'Use at least 12 characters — a few unrelated words make a good passphrase.' })
	.max(256);
const name = requiredText('Enter your name as it should appear.', 120, 2);
const linkProblem = 'This link is incomplete or has expired. Ask for a new one.';
const token = z
	.string({ error: linkProblem })
	.min(10, { error: linkProblem })
	.max(100, { error: linkProblem });

/** Sign-in: same answer for unknown email and wrong password; throttled per account and address. */
const signInAction = defineAction({
	accept: 'form',
	input: z.object({ email, password, next: optionalText(500) }),
	handler: async (input, context) => {
		const db = await getDb();
		const result = await signIn(db, {
			email: input.email,
			password: input.password,
			address: clientAddress(context),
			device: describeDevice(context.request.headers.get('user-agent')),
		});
		if (!result.ok && result.reason === 'throttled')
			throw new ActionError({
				code: 'TOO_MANY_REQUESTS',
				message: `Too many failed sign-ins. Try again after ${formatInstant(result.retryAt)} (Tokyo time), in about ${Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60000))} minute(s).`,
			});
		if (!result.ok) throw new ActionError({ code: 'UNAUTHORIZED', message: badCredentialsMessage });
		setSessionCookie(context, result.token, result.expiresAt);
		if (result.newDevice) await tellNewDevice(db, result.userId, context.request);
		const next = resolveNext(input.next, context.url.origin);
		return {
			next: result.secondFactor ? `/login/second-factor?next=${encodeURIComponent(next)}` : next,
		};
	},
});

/** Emails the person that their account was signed in from a device it had not used before. */
async function tellNewDevice(db: Db, userId: string, request: Request) {
	const user = await findUserById(db, userId);
	if (!user) return;
	const mail = newDeviceMail({
		to: user.email,
		name: user.name,
		device: describeDevice(request.headers.get('user-agent')),
		when: `${formatInstant(new Date())} (Tokyo time)`,
	});
	await deliverMail(db, SMTP_URL, SMTP_FROM, mail).catch((e: unknown) =>
		console.error('the new-device email failed', e),
	);
}

const signOut = defineAction({
	accept: 'form',
	handler: async (_input, context) => {
		const session = context.locals.authSession ?? context.locals.pendingSession;
		if (session) {
			const db = await getDb();
			await invalidateSession(db, session.id);
			await recordAudit(db, {
				actorId: session.userId,
				action: 'auth.sign_out',
				subjectType: 'user',
				subjectId: session.userId,
			});
		}
		deleteSessionCookie(context);
		return { signedOut: true };
	},
});

const changePasswordAction = defineAction({
	accept: 'form',
	input: z
		.object({ current: password, next: newPassword, confirm: optionalText(256) })
		.refine((v) => v.next === v.confirm, {
			error: 'The two new passwords differ.',
			path: ['confirm'],
		}),
	handler: async (input, context) => {
		const user = requireUser(context);
		const db = await getDb();
		const sessionId = context.locals.authSession!.id;
		await run(() =>
			changePassword(db, { userId: user.id, sessionId, current: input.current, next: input.next }),
		);
		return { changed: true };
	},
});

const signOutOthers = defineAction({
	accept: 'form',
	handler: async (_input, context) => {
		const user = requireUser(context);
		await invalidateUserSessions(await getDb(), user.id, context.locals.authSession!.id);
		return { done: true };
	},
});

/**
 * Runs the work of a link (it names the person who now has a password), then starts a session
 * for that person; the answer is what the work returned.
 */
async function signInFresh<T>(
	context: ActionAPIContext,
	work: (db: Db) => Promise<T>,
	personOf: (done: T) => string,
): Promise<T> {
	const db = await getDb();
	const done = await run(async () => work(db));
	// A password set by a link does not replace the second factor: it is still asked for.
	const userId = personOf(done);
	const { token: cookieToken, session } = await sessionAfterPassword(
		db,
		userId,
		describeDevice(context.request.headers.get('user-agent')),
	);
	setSessionCookie(context, cookieToken, session.expiresAt);
	return done;
}

/** The password chosen on `form`, typed twice: refused beside the second box where the two differ. */
function confirmedPassword<S extends z.ZodType<{ password: string; confirm: string }>>(form: S) {
	return form.refine((v) => v.password === v.confirm, {
		error: 'The two passwords differ.',
		path: ['confirm'],
	});
}

/** The two password boxes of a form that sets one. */
const passwordPair = { password: newPassword, confirm: optionalText(256) };

const accept = defineAction({
	accept: 'form',
	input: confirmedPassword(
		z.object({ token, name, administration: optionalText(120), ...passwordPair }),
	),
	handler: async (input, context) => {
		const user = await signInFresh(
			context,
			(db) => acceptInvitation(db, input.token, input),
			(u) => u.id,
		);
		return { welcome: user.name };
	},
});

const reset = defineAction({
	accept: 'form',
	input: confirmedPassword(z.object({ token, ...passwordPair })),
	handler: async (input, context) => {
		await signInFresh(
			context,
			(db) => useResetLink(db, input.token, input.password),
			(link) => link.userId!,
		);
		return { done: true };
	},
});

const setup = defineAction({
	accept: 'form',
	input: confirmedPassword(z.object({ token, email, name, ...passwordPair })),
	handler: async (input, context) => {
		await signInFresh(
			context,
			(db) => completeSetup(db, input.token, input),
			(u) => u.id,
		);
		return { done: true };
	},
});

export const auth = {
	signIn: signInAction,
	signOut,
	changePassword: changePasswordAction,
	signOutOthers,
	signOutSession,
	verifySecondFactor,
	enrolTotp,
	removeTotp,
	accept,
	reset,
	setup,
};
