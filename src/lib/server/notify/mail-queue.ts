/**
 * The outgoing mail queue. Every email the portal writes is a row of mail_outbox: `kept` for an
 * admin to pass on when there is no SMTP server, else `queued` until the scheduler sends it. A
 * refusal or failure is retried with growing waits; after the last try the message is `failed`
 * and an admin can send it again from /admin/outbox. Any number of instances may drain the queue:
 * each message is leased with a conditional UPDATE before it is sent.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { mailOutboxTable, type MailStatus } from '~db/schema';
import { newId } from '../ids';
import { sendMail, type Mail } from './mail';

type Writer = Pick<Db, 'insert'>;

/** Where mail goes: the SMTP server (none: mail is kept for an admin) and the sender. */
export type MailSettings = { smtpUrl: string | undefined; from: string };

/** Waits before the 2nd, 3rd … try; after the last one the message is marked failed. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

/** How long a message is held by the instance sending it before another may try. */
const leaseMs = 10 * 60_000;

/** Adds a message to the queue (or keeps it for an admin when there is no SMTP server). */
export async function queueMail(
	db: Writer,
	mail: Mail,
	smtpConfigured: boolean,
	now = new Date(),
): Promise<string> {
	const id = newId();
	await db.insert(mailOutboxTable).values({
		id,
		...mail,
		status: smtpConfigured ? 'queued' : 'kept',
		nextAttemptAt: smtpConfigured ? now : null,
		createdAt: now,
	});
	return id;
}

/** Claims up to `limit` messages due for a try, so no other instance sends them meanwhile. */
async function leaseDue(db: Db, now: Date, limit: number) {
	const due = await db
		.select({ id: mailOutboxTable.id })
		.from(mailOutboxTable)
		.where(and(eq(mailOutboxTable.status, 'queued'), lte(mailOutboxTable.nextAttemptAt, now)))
		.limit(limit);
	if (!due.length) return [];
	return db
		.update(mailOutboxTable)
		.set({
			attempts: sql`${mailOutboxTable.attempts} + 1`,
			nextAttemptAt: new Date(now.getTime() + leaseMs),
		})
		.where(
			and(
				inArray(
					mailOutboxTable.id,
					due.map((d) => d.id),
				),
				eq(mailOutboxTable.status, 'queued'),
				lte(mailOutboxTable.nextAttemptAt, now),
			),
		)
		.returning();
}

/** What one run of the queue did. */
export type QueueRun = { sent: number; retrying: number; failed: number };

/**
 * Sends the queued messages that are due. `send` is the SMTP call (replaceable in tests by a
 * real local SMTP server's address, never by a fake).
 */
export async function deliverQueuedMail(
	db: Db,
	settings: MailSettings,
	now = new Date(),
	limit = 50,
): Promise<QueueRun> {
	const run: QueueRun = { sent: 0, retrying: 0, failed: 0 };
	if (!settings.smtpUrl) return run;
	for (const message of await leaseDue(db, now, limit)) {
		const outcome = await sendMail(settings.smtpUrl, settings.from, message).then(
			() => null,
			(error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500),
		);
		run[await recordOutcome(db, message.id, message.attempts, outcome, now)]++;
	}
	return run;
}

async function recordOutcome(
	db: Db,
	id: string,
	attempts: number,
	error: string | null,
	now: Date,
): Promise<keyof QueueRun> {
	if (error === null) {
		await db
			.update(mailOutboxTable)
			.set({ status: 'sent', sentAt: now, lastError: null, nextAttemptAt: null })
			.where(eq(mailOutboxTable.id, id));
		return 'sent';
	}
	const wait = retryDelaysMs[attempts - 1];
	await db
		.update(mailOutboxTable)
		.set(
			wait === undefined
				? { status: 'failed', lastError: error, nextAttemptAt: null }
				: { lastError: error, nextAttemptAt: new Date(now.getTime() + wait) },
		)
		.where(eq(mailOutboxTable.id, id));
	return wait === undefined ? 'failed' : 'retrying';
}

/** An admin sends a kept or failed message again: it is queued for the next run, tries reset. */
export async function resendMail(
	db: Db,
	id: string,
	smtpConfigured: boolean,
	now = new Date(),
): Promise<boolean> {
	if (!smtpConfigured) return false;
	const moved = await db
		.update(mailOutboxTable)
		.set({ status: 'queued', attempts: 0, nextAttemptAt: now, lastError: null })
		.where(and(eq(mailOutboxTable.id, id), inArray(mailOutboxTable.status, ['kept', 'failed'])))
		.returning({ id: mailOutboxTable.id });
	return moved.length > 0;
}

/** How many messages are in each state (for /admin/outbox's filter). */
export async function countByStatus(db: Db): Promise<Record<MailStatus, number>> {
	const rows = await db
		.select({ status: mailOutboxTable.status, n: sql<number>`count(*)` })
		.from(mailOutboxTable)
		.groupBy(mailOutboxTable.status);
	const counts = { kept: 0, queued: 0, sent: 0, failed: 0 };
	for (const row of rows) counts[row.status] = Number(row.n);
	return counts;
}

/** Sent messages still hold links and names: they are deleted this long after sending. */
export const keepSentMailMs = 30 * 24 * 3_600_000;

/** Deletes sent messages older than the keeping period; returns how many. */
export async function deleteOldSentMail(db: Db, now = new Date()): Promise<number> {
	const gone = await db
		.delete(mailOutboxTable)
		.where(
			and(
				eq(mailOutboxTable.status, 'sent'),
				lte(mailOutboxTable.sentAt, new Date(now.getTime() - keepSentMailMs)),
			),
		)
		.returning({ id: mailOutboxTable.id });
	return gone.length;
}
