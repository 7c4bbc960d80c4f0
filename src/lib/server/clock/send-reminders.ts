/**
 * Sends reminders once. Each is claimed under its unique key (kind, subject, due day, recipient)
 * in the same transaction that writes its notification and queues its email, so two instances,
 * a restart or a rerun never send it twice, and a failure leaves nothing half-sent.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { notificationTable, reminderSentTable, userTable } from '~db/schema';
import { reminderKey, type Reminder } from '~/lib/clock/reminder';
import { newId } from '../ids';
import { queueMail } from '../notify/mail-queue';
import { modesFor } from '../notify/preferences';
import { absolute, addressMail, reminderMail, type LinkSettings } from './reminder-mail';

/** What sending needs: where links point, and whether an SMTP server takes the mail. */
export type SendSettings = LinkSettings & { smtpConfigured: boolean };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function claim(tx: Tx, reminder: Reminder, now: Date): Promise<boolean> {
	const to = 'userId' in reminder.recipient ? reminder.recipient.userId : reminder.recipient.email;
	const rows = await tx
		.insert(reminderSentTable)
		.values({
			key: reminderKey(reminder),
			kind: reminder.kind,
			subjectId: reminder.subjectId,
			due: reminder.due,
			recipient: to,
			sentAt: now,
		})
		.onConflictDoNothing()
		.returning({ key: reminderSentTable.key });
	return rows.length > 0;
}

/** Everything about a person the sending needs, read before the claiming transaction. */
async function prepareForUser(db: Db, r: Reminder, userId: string, s: SendSettings) {
	const [user] = await db
		.select({ email: userTable.email, name: userTable.name, disabledAt: userTable.disabledAt })
		.from(userTable)
		.where(eq(userTable.id, userId));
	if (!user || user.disabledAt) return null;
	const mode = (await modesFor(db, [userId], r.messageKind)).get(userId)!;
	const mail =
		mode === 'immediately'
			? await reminderMail(db, s, {
					to: user.email,
					name: user.name,
					userId,
					kind: r.messageKind,
					text: r.text,
					link: r.link,
					subject: r.subject,
				})
			: null;
	return { mode, mail };
}

async function sendToUser(db: Db, r: Reminder, userId: string, s: SendSettings, now: Date) {
	const prepared = await prepareForUser(db, r, userId, s);
	if (!prepared) return false;
	return db.transaction(async (tx) => {
		if (!(await claim(tx, r, now))) return false;
		// A digest-mode reminder waits (not emailed yet) for the person's morning digest.
		await tx.insert(notificationTable).values({
			id: newId(),
			userId,
			text: r.text.split('\n')[0]!,
			link: r.link,
			kind: r.messageKind,
			emailedAt: prepared.mode === 'digest' ? null : now,
			createdAt: now,
		});
		if (prepared.mail) await queueMail(tx, prepared.mail, s.smtpConfigured, now);
		return true;
	});
}

async function sendToAddress(
	db: Db,
	r: Reminder,
	to: { email: string; name: string },
	s: SendSettings,
	now: Date,
) {
	const mail = addressMail({
		to: to.email,
		name: to.name,
		subject: r.subject,
		text: r.text,
		// Someone without an account reads the mail outside the portal: the link must be whole.
		link: absolute(s, r.link),
	});
	return db.transaction(async (tx) => {
		if (!(await claim(tx, r, now))) return false;
		await queueMail(tx, mail, s.smtpConfigured, now);
		return true;
	});
}

/** Sends each reminder not sent before; returns the ones that went out now. */
export async function sendReminders(
	db: Db,
	reminders: Reminder[],
	settings: SendSettings,
	now = new Date(),
): Promise<Reminder[]> {
	const sent: Reminder[] = [];
	for (const r of reminders) {
		const went =
			'userId' in r.recipient
				? await sendToUser(db, r, r.recipient.userId, settings, now)
				: await sendToAddress(db, r, r.recipient, settings, now);
		if (went) sent.push(r);
	}
	return sent;
}
