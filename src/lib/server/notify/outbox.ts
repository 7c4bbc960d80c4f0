/**
 * Mail for people without an account (nominating officers, candidates). With SMTP it is sent;
 * without, it waits in the outbox, where an admin reads it and passes it on.
 */
import { desc } from 'drizzle-orm';
import type { Db } from '~db/client';
import { mailOutboxTable } from '~db/schema';
import { sendMail, type Mail } from './mail';
import { newId } from '../ids';

/** Sends the message, or keeps it in the outbox when it could not be sent; says which. */
export async function deliverMail(
	db: Db,
	smtpUrl: string | undefined,
	from: string,
	mail: Mail,
): Promise<'sent' | 'kept'> {
	const sent = await sendMail(smtpUrl, from, mail).catch((error) => {
		console.error('mail failed', error);
		return false;
	});
	if (sent) return 'sent';
	await db.insert(mailOutboxTable).values({ id: newId(), ...mail });
	return 'kept';
}

/** Messages waiting in the outbox, newest first. */
export function listOutbox(db: Db, limit = 100) {
	return db
		.select()
		.from(mailOutboxTable)
		.orderBy(desc(mailOutboxTable.createdAt), desc(mailOutboxTable.id))
		.limit(limit);
}
