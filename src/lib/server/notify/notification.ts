/** In-app notifications (and their emails when SMTP is set). Texts never carry restricted content. */
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { notificationTable, userTable } from '~db/schema';
import { newId } from '../ids';
import { insertedLast } from '../row-order';

type Writer = Pick<Db, 'insert'>;

/** Queues a notification for each recipient. */
export async function notify(
	db: Writer,
	userIds: string[],
	text: string,
	link: string,
): Promise<void> {
	if (!userIds.length) return;
	await db
		.insert(notificationTable)
		.values(userIds.map((userId) => ({ id: newId(), userId, text, link })));
}

/** How many unread notifications a person has (shown in the navigation). */
export async function countUnread(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(notificationTable)
		.where(and(eq(notificationTable.userId, userId), isNull(notificationTable.readAt)));
	return Number(row?.n ?? 0);
}

/** Where a page of notifications starts: before this (time, insertion order). */
export type NotificationCursor = { at: number; rowid: number };

/** Parses `?before=1764650000000.42`; null when absent or malformed. */
export function parseNotificationCursor(value: string | null): NotificationCursor | null {
	const match = /^(\d{1,15})\.(\d{1,12})$/.exec(value ?? '');
	return match ? { at: Number(match[1]), rowid: Number(match[2]) } : null;
}

/**
 * A page of a person's notifications, newest first, by keyset on (created_at, rowid) over
 * notification_user_created_idx: each page costs the same and none repeats or skips a row
 * when new ones arrive. Returns the page and the cursor of the next one (null at the end).
 */
export async function listNotifications(
	db: Db,
	userId: string,
	before: NotificationCursor | null = null,
	limit = 50,
) {
	const t = notificationTable;
	const rows = await db
		.select({
			id: t.id,
			text: t.text,
			link: t.link,
			readAt: t.readAt,
			createdAt: t.createdAt,
			rowid: sql<number>`${t}.rowid`.as('row_order'),
		})
		.from(t)
		.where(
			and(
				eq(t.userId, userId),
				before ? sql`(${t.createdAt}, ${t}.rowid) < (${before.at}, ${before.rowid})` : undefined,
			),
		)
		.orderBy(desc(t.createdAt), insertedLast(t))
		.limit(limit + 1);
	const items = rows.slice(0, limit);
	const last = items.at(-1);
	const next =
		rows.length > limit && last ? `${last.createdAt.getTime()}.${Number(last.rowid)}` : null;
	return { items, next };
}

/** Marks all of a person's notifications read. */
export async function markAllRead(db: Db, userId: string): Promise<void> {
	await db
		.update(notificationTable)
		.set({ readAt: new Date() })
		.where(and(eq(notificationTable.userId, userId), isNull(notificationTable.readAt)));
}

/**
 * Sends the email copies of notifications not yet emailed. Each row is claimed with an
 * UPDATE … RETURNING first, so two instances never send the same one.
 */
export async function flushNotificationEmails(
	db: Db,
	send: (to: string, text: string, link: string) => Promise<void>,
): Promise<number> {
	const claimed = await db
		.update(notificationTable)
		.set({ emailedAt: new Date() })
		// Only recent ones: turning SMTP on later must not send a backlog of stale news.
		.where(
			and(
				isNull(notificationTable.emailedAt),
				gt(notificationTable.createdAt, new Date(Date.now() - 3_600_000)),
			),
		)
		.returning({
			userId: notificationTable.userId,
			text: notificationTable.text,
			link: notificationTable.link,
		});
	for (const n of claimed) {
		const [user] = await db
			.select({ email: userTable.email })
			.from(userTable)
			.where(eq(userTable.id, n.userId));
		if (user) await send(user.email, n.text, n.link);
	}
	return claimed.length;
}

/** Marks read a person's unread notifications that point at `links` (the page they opened). */
export async function markReadByLink(db: Db, userId: string, links: string[]): Promise<void> {
	await db
		.update(notificationTable)
		.set({ readAt: new Date() })
		.where(
			and(
				eq(notificationTable.userId, userId),
				isNull(notificationTable.readAt),
				inArray(notificationTable.link, links),
			),
		);
}
