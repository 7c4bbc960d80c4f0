/** Participants' pre-arrival checklists. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { preparedOnce } from '~db/prepared';
import { checklistItemTable } from '~db/schema';
import { recordAudit } from '../audit';

/** When each item was ticked, by key, for one participant. */
export async function getChecklist(db: Db, userId: string): Promise<Map<string, Date>> {
	const rows = await ownChecklist(db).execute({ userId });
	return new Map(rows.map((r) => [r.itemKey, r.doneAt]));
}
const ownChecklist = preparedOnce((db) =>
	db
		.select()
		.from(checklistItemTable)
		.where(eq(checklistItemTable.userId, sql.placeholder('userId')))
		.prepare(),
);

/** Ticked items for several participants (mentor and admin overview). */
export async function getChecklists(db: Db, userIds: string[]) {
	if (!userIds.length) return [];
	return db.select().from(checklistItemTable).where(inArray(checklistItemTable.userId, userIds));
}

/** Ticks or unticks one item. */
export async function setChecklistItem(
	db: Db,
	userId: string,
	itemKey: string,
	done: boolean,
): Promise<void> {
	if (done)
		await db
			.insert(checklistItemTable)
			.values({ userId, itemKey, doneAt: new Date() })
			.onConflictDoNothing();
	else
		await db
			.delete(checklistItemTable)
			.where(and(eq(checklistItemTable.userId, userId), eq(checklistItemTable.itemKey, itemKey)));
	await recordAudit(db, {
		actorId: userId,
		action: done ? 'checklist.tick' : 'checklist.untick',
		subjectType: 'checklist_item',
		subjectId: itemKey,
	});
}
