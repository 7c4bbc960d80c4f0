/**
 * The daily digest: notifications of the kinds a person chose to get "in a daily digest" go out
 * together in one email each morning (08:00 in the person's cohort's time zone), claimed under a
 * key per person and day so it goes once.
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cohortMemberTable,
	cohortTable,
	notificationTable,
	reminderSentTable,
	userTable,
} from '~db/schema';
import { digestHour } from '~/lib/clock/mentor-reminders';
import { isMessageKind, type MessageKind } from '~/lib/clock/reminder-kinds';
import { formatDay, todayIn } from '~/lib/dates';
import { modesFor } from '../notify/preferences';
import { absolute, reminderMail } from './reminder-mail';
import { hourIn } from './running-cohorts';
import type { SendSettings } from './send-reminders';
import { queueMail } from '../notify/mail-queue';

/** How far back a digest looks for notifications not yet emailed. */
const lookBackMs = 26 * 3_600_000;

async function timeZoneOf(db: Db, userId: string): Promise<string> {
	const [row] = await db
		.select({ tz: cohortTable.timezone })
		.from(cohortMemberTable)
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.where(and(eq(cohortMemberTable.userId, userId), isNull(cohortTable.archivedAt)))
		.limit(1);
	return row?.tz ?? 'Asia/Tokyo';
}

/** Digest-mode notifications waiting, per person. */
async function pendingDigestItems(db: Db, now: Date, smtpConfigured: boolean) {
	const rows = await db
		.select()
		.from(notificationTable)
		.where(
			and(
				isNull(notificationTable.emailedAt),
				gt(notificationTable.createdAt, new Date(now.getTime() - lookBackMs)),
			),
		)
		.orderBy(asc(notificationTable.createdAt));
	const byUser = new Map<string, typeof rows>();
	for (const kind of new Set(rows.map((r) => r.kind))) {
		if (!isMessageKind(kind)) continue;
		// Without SMTP, everyday news is not emailed at all; reminders and receipts are kept.
		if (kind === 'activity' && !smtpConfigured) continue;
		const ofKind = rows.filter((r) => r.kind === kind);
		const modes = await modesFor(
			db,
			[...new Set(ofKind.map((r) => r.userId))],
			kind as MessageKind,
		);
		for (const r of ofKind)
			if (modes.get(r.userId) === 'digest')
				byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
	}
	return byUser;
}

/** Sends each person's digest when their morning has come; returns how many went out. */
export async function sendDigests(
	db: Db,
	settings: SendSettings,
	now = new Date(),
): Promise<number> {
	let sent = 0;
	for (const [userId, items] of await pendingDigestItems(db, now, settings.smtpConfigured)) {
		const tz = await timeZoneOf(db, userId);
		if (hourIn(tz, now) < digestHour) continue;
		const today = todayIn(tz, now);
		const [user] = await db.select().from(userTable).where(eq(userTable.id, userId));
		if (!user || user.disabledAt) continue;
		const lines = items.map((n) => `- ${n.text}\n  ${absolute(settings, n.link)}`);
		const mail = await reminderMail(db, settings, {
			to: user.email,
			name: user.name,
			userId,
			kind: 'activity',
			subject: `Your daily digest, ${formatDay(today)}`,
			text: [`What happened and what waits for you (${items.length}):`, '', ...lines].join('\n'),
			link: '/notifications',
		});
		const claimed = await db.transaction(async (tx) => {
			const went = await claimDigest(tx, userId, today, now);
			if (!went) return false;
			await tx
				.update(notificationTable)
				.set({ emailedAt: now })
				.where(
					inArray(
						notificationTable.id,
						items.map((i) => i.id),
					),
				);
			await queueMail(tx, mail, settings.smtpConfigured, now);
			return true;
		});
		if (claimed) sent++;
	}
	return sent;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function claimDigest(tx: Tx, userId: string, today: string, now: Date): Promise<boolean> {
	const rows = await tx
		.insert(reminderSentTable)
		.values({
			key: `daily_digest|${userId}|${today}|${userId}`,
			kind: 'daily_digest',
			subjectId: userId,
			due: today,
			recipient: userId,
			sentAt: now,
		})
		.onConflictDoNothing()
		.returning({ key: reminderSentTable.key });
	return rows.length > 0;
}
