/** The outbox: an admin sends a kept or failed message again. */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { SMTP_FROM, SMTP_URL } from 'astro:env/server';
import { recordId } from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import { deliverQueuedMail, resendMail } from '~/lib/server/notify/mail-queue';
import { requireRole } from './guard';

export const outbox = {
	resend: defineAction({
		accept: 'form',
		input: z.object({ id: recordId() }),
		handler: async (input, context) => {
			requireRole(context, 'admin');
			if (!SMTP_URL)
				throw new ActionError({
					code: 'CONFLICT',
					message:
						'No mail server is set up (SMTP_URL), so nothing can be sent: pass the message on by hand.',
				});
			const db = await getDb();
			const moved = await resendMail(db, input.id, true);
			if (!moved)
				throw new ActionError({
					code: 'CONFLICT',
					message: 'This message is already queued or sent: nothing was changed.',
				});
			// Try at once, so the admin sees the outcome; a refusal is retried by the scheduler.
			await deliverQueuedMail(db, { smtpUrl: SMTP_URL, from: SMTP_FROM }).catch((error) =>
				console.error('resending mail failed', error),
			);
			return { id: input.id };
		},
	}),
};
