/**
 * Passkeys: registering one (signed in) and using one as the second step of signing in. The
 * browser side is src/components/account/PasskeyRegister.astro and PasskeySignIn.astro.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { optionalText, requiredText } from '~/lib/form-schemas';
import { resolveNext } from '~/lib/next-path';
import { getDb } from '~/lib/server/db';
import { baseUrl } from '~/lib/server/http/links';
import {
	authenticationOptions,
	registerPasskey,
	registrationOptions,
	removePasskey,
	verifyPasskey,
	type RelyingParty,
} from '~/lib/server/auth/passkey';
import { asUser, clientAddress, run } from './guard';

/** The site as the browser sees it: the host name is the relying-party id. */
function relyingParty(context: ActionAPIContext): RelyingParty {
	const base = new URL(baseUrl(context.url));
	return { id: base.hostname, origin: base.origin };
}

const encoded = (what: string) => requiredText(`The browser sent no ${what}. Try again.`, 20_000);

/** The session waiting for the second factor, or a 401. */
function pendingSession(context: ActionAPIContext) {
	const session = context.locals.pendingSession;
	if (!session)
		throw new ActionError({
			code: 'UNAUTHORIZED',
			message: 'Sign in with your email and password first.',
		});
	return session;
}

export const passkey = {
	registrationOptions: defineAction({
		accept: 'form',
		handler: (_input, context) =>
			asUser(context, (db, user) => registrationOptions(db, user, relyingParty(context))),
	}),
	register: defineAction({
		accept: 'form',
		input: z.object({
			attestationObject: encoded('passkey'),
			clientDataJSON: encoded('passkey data'),
			name: optionalText(60),
		}),
		handler: async (input, context) => {
			await asUser(context, (db, user) =>
				registerPasskey(db, user.id, input, relyingParty(context)),
			);
			return { done: true };
		},
	}),
	remove: defineAction({
		accept: 'form',
		input: z.object({ id: requiredText('Choose a passkey to remove.', 400) }),
		handler: async (input, context) => {
			await asUser(context, (db, user) => removePasskey(db, user.id, input.id));
			return { done: true };
		},
	}),
	authenticationOptions: defineAction({
		accept: 'form',
		handler: async (_input, context) => {
			const session = pendingSession(context);
			return authenticationOptions(await getDb(), session.userId);
		},
	}),
	verify: defineAction({
		accept: 'form',
		input: z.object({
			credentialId: encoded('passkey id'),
			authenticatorData: encoded('passkey data'),
			clientDataJSON: encoded('passkey data'),
			signature: encoded('signature'),
			next: optionalText(500),
		}),
		handler: async (input, context) => {
			const session = pendingSession(context);
			const db = await getDb();
			await run(() =>
				verifyPasskey(
					db,
					{
						...input,
						sessionId: session.id,
						userId: session.userId,
						address: clientAddress(context),
					},
					relyingParty(context),
				),
			);
			return { next: resolveNext(input.next, context.url.origin) };
		},
	}),
};
