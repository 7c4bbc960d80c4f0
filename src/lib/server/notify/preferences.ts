/**
 * Each person's choice of how they get each kind of message by email (src/lib/clock/reminder-kinds.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { notificationPreferenceTable, type DeliveryMode } from '~db/schema';
import {
	effectiveMode,
	messageKinds,
	messageKindInfo,
	type MessageKind,
} from '~/lib/clock/reminder-kinds';
import { RuleError } from '../errors';

type Reader = Pick<Db, 'select'>;

/** The mode in force for every kind, for one person (defaults filled in). */
export async function preferencesOf(
	db: Reader,
	userId: string,
): Promise<Record<MessageKind, DeliveryMode>> {
	const rows = await db
		.select()
		.from(notificationPreferenceTable)
		.where(eq(notificationPreferenceTable.userId, userId));
	const chosen = new Map(rows.map((r) => [r.kind, r.mode]));
	return Object.fromEntries(
		messageKinds.map((kind) => [kind, effectiveMode(kind, chosen.get(kind))]),
	) as Record<MessageKind, DeliveryMode>;
}

/** The modes of several people for one kind (one query), defaults filled in. */
export async function modesFor(
	db: Reader,
	userIds: string[],
	kind: MessageKind,
): Promise<Map<string, DeliveryMode>> {
	const rows = userIds.length
		? await db
				.select()
				.from(notificationPreferenceTable)
				.where(
					and(
						inArray(notificationPreferenceTable.userId, userIds),
						eq(notificationPreferenceTable.kind, kind),
					),
				)
		: [];
	const chosen = new Map(rows.map((r) => [r.userId, r.mode]));
	return new Map(userIds.map((id) => [id, effectiveMode(kind, chosen.get(id))]));
}

/** Records a person's choice for a kind; a deadline reminder cannot be turned off. */
export async function setPreference(
	db: Db,
	userId: string,
	kind: MessageKind,
	mode: DeliveryMode,
	now = new Date(),
): Promise<void> {
	if (mode === 'off' && !messageKindInfo[kind].canTurnOff)
		throw new RuleError(
			'invalid',
			`${messageKindInfo[kind].label} cannot be turned off: choose “immediately” or “daily digest”.`,
		);
	await db
		.insert(notificationPreferenceTable)
		.values({ userId, kind, mode, updatedAt: now })
		.onConflictDoUpdate({
			target: [notificationPreferenceTable.userId, notificationPreferenceTable.kind],
			set: { mode, updatedAt: now },
		});
}
