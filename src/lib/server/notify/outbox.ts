/**
 * Mail for people without an account (nominating officers, candidates). With SMTP it is sent at
 * once and recorded as sent, or queued for retries when the server refuses it; without SMTP it
 * waits in the outbox, where an admin reads it and passes it on.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import { mailOutboxTable, type MailStatus } from '~db/schema';
import { sendMail, type Mail } from './mail';
import { queueMail, retryDelaysMs } from './mail-queue';
import { newId } from '../ids';

/** Sends the message, or keeps it in the outbox when it could not be sent; says which. */
export async function deliverMail(
	db: Db,
	smtpUrl: string | undefined,
	from: string,
	mail: Mail,
	now = new Date(),
): Promise<'sent' | 'kept'> {
	if (!smtpUrl) {
		await queueMail(db, mail, false, now);
		return 'kept';
	}
	const error = await sendMail(smtpUrl, from, mail).then(
		() => null,
		(e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500),
	);
	await db.insert(mailOutboxTable).values({
		id: newId(),
		...mail,
		status: error ? 'queued' : 'sent',
		attempts: 1,
		lastError: error,
		sentAt: error ? null : now,
		nextAttemptAt: error ? new Date(now.getTime() + retryDelaysMs[0]!) : null,
		createdAt: now,
	});
	return error ? 'kept' : 'sent';
}

/** Messages in the outbox, newest first; `status` narrows to one state. */
export function listOutbox(db: Db, status: MailStatus | null = null, limit = 100, recipient = '') {
	const where: SQL[] = [];
	if (status) where.push(eq(mailOutboxTable.status, status));
	// The admin looks for one person's messages: part of the address is enough.
	if (recipient)
		where.push(sql`instr(lower(${mailOutboxTable.to}), ${recipient.toLowerCase()}) > 0`);
	return db
		.select()
		.from(mailOutboxTable)
		.where(and(...where))
		.orderBy(desc(mailOutboxTable.createdAt), desc(mailOutboxTable.id))
		.limit(limit);
}
