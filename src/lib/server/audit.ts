/** The audit log: who did what, to what, when. Details never carry secrets. */
import { desc, eq, lt, and, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import { auditEventTable, userTable } from '~db/schema';

/** One thing that happened, as the caller describes it. */
export type AuditInput = {
	actorId: string | null;
	action: string;
	subjectType: string;
	subjectId?: string | null;
	details?: Record<string, unknown>;
};

/** Any handle that can insert: the db itself or a transaction. */
type Writer = Pick<Db, 'insert'>;

/** Appends an event; call it inside the same transaction as the change it records. */
export async function recordAudit(db: Writer, event: AuditInput, now = Date.now()): Promise<void> {
	await db.insert(auditEventTable).values({
		at: new Date(now),
		actorId: event.actorId,
		action: event.action,
		subjectType: event.subjectType,
		subjectId: event.subjectId ?? null,
		details: event.details ?? null,
	});
}

/** A page of events, newest first, with the actor's name; `before` is the last id of the previous page. */
export async function listAuditEvents(
	db: Db,
	opts: { before?: number; action?: string; limit?: number } = {},
) {
	const filters: SQL[] = [];
	if (opts.before) filters.push(lt(auditEventTable.id, opts.before));
	if (opts.action) filters.push(eq(auditEventTable.action, opts.action));
	return db
		.select({ event: auditEventTable, actorName: userTable.name, actorEmail: userTable.email })
		.from(auditEventTable)
		.leftJoin(userTable, eq(userTable.id, auditEventTable.actorId))
		.where(filters.length ? and(...filters) : undefined)
		.orderBy(desc(auditEventTable.id))
		.limit(opts.limit ?? 50);
}
