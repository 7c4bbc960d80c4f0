/** In-app notifications (and their emails when SMTP is set). Texts never carry restricted content. */
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { preparedOnce } from '~db/prepared';
import { notificationTable, userTable, type DeliveryMode } from '~db/schema';
import { isMessageKind, type MessageKind } from '~/lib/clock/reminder-kinds';
import { modesFor } from './preferences';
import { newId } from '../ids';
import { insertedLast } from '../row-order';

type Writer = Pick<Db, 'insert'>;

/** Queues a notification for each recipient. */
export async function notify(
	db: Writer,
	userIds: string[],
	text: string,
	link: string,
	kind: MessageKind = 'activity',
): Promise<void> {
	if (!userIds.length) return;
	await db
		.insert(notificationTable)
		.values(userIds.map((userId) => ({ id: newId(), userId, text, link, kind })));
}

const unreadCount = preparedOnce((db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(notificationTable)
		.where(
			and(
				eq(notificationTable.userId, sql.placeholder('userId')),
				isNull(notificationTable.readAt),
			),
		)
		.prepare(),
);

/** How many unread notifications a person has (shown in the navigation, so on every page). */
export async function countUnread(db: Db, userId: string): Promise<number> {
	const [row] = await unreadCount(db).execute({ userId });
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
 * Sends the email copies of notifications not yet emailed, as each person chose for the kind:
 * at once, or later in their daily digest (left for the digest job), or not at all. Each row is
 * claimed with an UPDATE … RETURNING first, so two instances never send the same one.
 */
export async function flushNotificationEmails(
	db: Db,
	send: (
		to: string,
		text: string,
		link: string,
		userId: string,
		kind: MessageKind,
	) => Promise<void>,
	now = new Date(),
): Promise<number> {
	// Only recent ones: turning SMTP on later must not send a backlog of stale news.
	const pending = await db
		.select({
			id: notificationTable.id,
			userId: notificationTable.userId,
			kind: notificationTable.kind,
		})
		.from(notificationTable)
		.where(
			and(
				isNull(notificationTable.emailedAt),
				gt(notificationTable.createdAt, new Date(now.getTime() - 3_600_000)),
			),
		);
	const modes = await modesByUserAndKind(db, pending);
	const claimNow = pending.filter((n) => modes.get(`${n.userId}|${n.kind}`) !== 'digest');
	if (!claimNow.length) return 0;
	const claimed = await db
		.update(notificationTable)
		.set({ emailedAt: now })
		.where(
			and(
				isNull(notificationTable.emailedAt),
				inArray(
					notificationTable.id,
					claimNow.map((n) => n.id),
				),
			),
		)
		.returning({
			userId: notificationTable.userId,
			text: notificationTable.text,
			link: notificationTable.link,
			kind: notificationTable.kind,
		});
	let sent = 0;
	for (const n of claimed) {
		if (modes.get(`${n.userId}|${n.kind}`) === 'off') continue;
		const [user] = await db
			.select({ email: userTable.email })
			.from(userTable)
			.where(eq(userTable.id, n.userId));
		if (!user) continue;
		await send(user.email, n.text, n.link, n.userId, asKind(n.kind));
		sent++;
	}
	return sent;
}

function asKind(kind: string): MessageKind {
	return isMessageKind(kind) ? kind : 'activity';
}

/** The mode in force for each (person, kind) among `rows`, keyed `user|kind`. */
async function modesByUserAndKind(db: Db, rows: { userId: string; kind: string }[]) {
	const modes = new Map<string, DeliveryMode>();
	for (const kind of new Set(rows.map((r) => asKind(r.kind)))) {
		const users = [...new Set(rows.filter((r) => asKind(r.kind) === kind).map((r) => r.userId))];
		for (const [userId, mode] of await modesFor(db, users, kind))
			modes.set(`${userId}|${kind}`, mode);
	}
	return modes;
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
