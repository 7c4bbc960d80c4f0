/** Delivering the final report: recipients acknowledge receipt; admins send a link to one without an account. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { SMTP_FROM, SMTP_URL } from 'astro:env/server';
import { recordId } from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import {
	acknowledgeByLink,
	acknowledgeDelivery,
	deliveryLinkLifetimeMs,
	issueDeliveryLink,
} from '~/lib/server/oversight/delivery';
import { baseUrl } from '~/lib/server/http/links';
import { deliveryLinkMail, sendMail } from '~/lib/server/notify/mail';
import { findUserById } from '~/lib/server/auth/user';
import { asUser, requireUser, run } from './guard';
import { emailNotifications } from './mailer';

export const delivery = {
	/** The signed-in recipient (RILO A/P, WCO Secretariat or home contact) acknowledges a version. */
	acknowledge: defineAction({
		accept: 'form',
		input: z.object({ versionId: recordId() }),
		handler: async (input, context) => {
			await asUser(context, (db, user) => acknowledgeDelivery(db, user, input.versionId));
			await emailNotifications(context.url);
			return { done: true };
		},
	}),
	/** An admin sends the report by link to a recipient without an account (the link is shown once). */
	sendLink: defineAction({
		accept: 'form',
		input: z.object({
			deliveryId: recordId(),
			email: z.email({ error: 'Enter the email address the link goes to.' }).max(200),
		}),
		handler: async (input, context) => {
			const user = requireUser(context);
			const db = await getDb();
			const { token, version } = await run(async () =>
				issueDeliveryLink(db, user, input.deliveryId, input.email),
			);
			const link = `${baseUrl(context.url)}/delivery/${token}`;
			const participant = await findUserById(db, version.participantId);
			const emailed = await sendMail(
				SMTP_URL,
				SMTP_FROM,
				deliveryLinkMail({
					to: input.email,
					participant: participant?.name ?? 'a participant',
					number: version.number,
					link,
					days: Math.round(deliveryLinkLifetimeMs / 86_400_000),
				}),
			).catch(() => false);
			return { link, email: input.email.trim().toLowerCase(), emailed };
		},
	}),
	/** Someone holding an open delivery link acknowledges receipt (no account needed). */
	acknowledgeByLink: defineAction({
		accept: 'form',
		input: z.object({
			token: z.string({ error: 'This link is not valid.' }).regex(/^[a-z0-9]{20,100}$/, {
				error: 'This link is not valid.',
			}),
		}),
		handler: async (input, context) => {
			await run(async () => acknowledgeByLink(await getDb(), input.token));
			await emailNotifications(context.url);
			return { done: true };
		},
	}),
};
