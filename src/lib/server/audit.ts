/** The audit log: who did what, to what, when. Details never carry secrets. */
import { and, asc, desc, eq, getTableName, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '~db/client';
import { auditEventTable, userTable } from '~db/schema';
import { addDays } from '~/lib/dates';
import { keysetPage } from './paging';

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

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Writes one row and records the event about it in a single transaction: the event's subject is
 * the row written, so neither exists without the other. Returns the row.
 */
export function writeAudited<R extends { id: string }>(
	db: Db,
	write: (tx: Tx) => Promise<R[]>,
	event: Omit<AuditInput, 'subjectId'>,
): Promise<R> {
	return db.transaction(async (tx) => {
		const [row] = await write(tx);
		await recordAudit(tx, { ...event, subjectId: row!.id });
		return row!;
	});
}

/**
 * Deletes the row of `table` with this id and records the event about it in one transaction;
 * the event's subject is the deleted row, its type the table's name.
 */
export async function deleteAudited(
	db: Db,
	table: SQLiteTable & { id: SQLiteColumn },
	id: string,
	event: Omit<AuditInput, 'subjectType' | 'subjectId'>,
): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.delete(table).where(eq(table.id, id));
		await recordAudit(tx, { ...event, subjectType: getTableName(table), subjectId: id });
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

/** What the audit log page can be narrowed to. */
export type AuditFilter = {
	actorId?: string;
	action?: string;
	/** First and last day ('YYYY-MM-DD', Tokyo time), inclusive. */
	from?: string;
	to?: string;
};

/** Events per page of the audit log. */
export const auditPageSize = 50;

const tokyoMidnight = (day: string) => new Date(`${day}T00:00:00+09:00`);

/** The record's name, and the participant it belongs to, looked up per event (one page at a time). */
const subjectLabel = sql<string | null>`case ${auditEventTable.subjectType}
	when 'log_entry' then (select title from log_entry where id = ${auditEventTable.subjectId})
	when 'cohort' then (select edition from cohort where id = ${auditEventTable.subjectId})
	when 'user' then (select name from "user" where id = ${auditEventTable.subjectId})
	when 'report' then (select name from "user" where id = ${auditEventTable.subjectId})
	when 'study' then (select name from "user" where id = ${auditEventTable.subjectId})
	when 'administration' then (select name from administration where id = ${auditEventTable.subjectId})
	when 'invitation' then (select email from invitation where id = ${auditEventTable.subjectId})
	when 'report_section' then (select title from report_section where id = ${auditEventTable.subjectId})
	when 'study_milestone' then (select title from study_milestone where id = ${auditEventTable.subjectId})
	when 'study_source' then (select citation from study_source where id = ${auditEventTable.subjectId})
	when 'study_activity' then (select what from study_activity where id = ${auditEventTable.subjectId})
	when 'study_paper_section' then (select title from study_paper_section where id = ${auditEventTable.subjectId})
	when 'report_version' then (select 'version ' || number from report_version where id = ${auditEventTable.subjectId})
	when 'cen_message' then (select subject from cen_message where id = ${auditEventTable.subjectId})
	when 'cen_seizure' then (select commodity_type || ', ' || seizure_date from cen_seizure where id = ${auditEventTable.subjectId})
	when 'material' then (select title from material where id = ${auditEventTable.subjectId})
	when 'lab_interpretation' then (select exercise_id from lab_interpretation where id = ${auditEventTable.subjectId})
	when 'edition' then (select name from edition where id = ${auditEventTable.subjectId})
	when 'nomination' then (select candidate_name from nomination where id = ${auditEventTable.subjectId})
	when 'application' then (select n.candidate_name from application a join nomination n on n.id = a.nomination_id where a.id = ${auditEventTable.subjectId})
	end`;
const ownerId = sql<string | null>`case
	when ${auditEventTable.subjectType} = 'log_entry' then (select participant_id from log_entry where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} in ('report', 'study') then ${auditEventTable.subjectId}
	when ${auditEventTable.subjectType} = 'user' and (${auditEventTable.action} like 'plan.%' or ${auditEventTable.action} like 'checkin.%') then ${auditEventTable.subjectId}
	when ${auditEventTable.subjectType} = 'report_section' then (select participant_id from report_section where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'study_milestone' then (select participant_id from study_milestone where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'study_source' then (select participant_id from study_source where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'study_activity' then (select participant_id from study_activity where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'study_paper_section' then (select participant_id from study_paper_section where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'report_version' then coalesce((select participant_id from report_version where id = ${auditEventTable.subjectId}), json_extract(${auditEventTable.details}, '$.participant'))
	when ${auditEventTable.subjectType} = 'cen_message' then (select participant_id from cen_message where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'cen_seizure' then (select participant_id from cen_seizure where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'material' then (select participant_id from material where id = ${auditEventTable.subjectId})
	when ${auditEventTable.subjectType} = 'lab_interpretation' then (select participant_id from lab_interpretation where id = ${auditEventTable.subjectId})
	end`;

/** One page of events (newest first, keyset on id) with the names a sentence needs. */
export async function listAuditPage(
	db: Db,
	filter: AuditFilter,
	before: number | null,
	limit = auditPageSize,
) {
	const rows = await db
		.select({
			event: auditEventTable,
			actorName: userTable.name,
			subjectLabel,
			ownerId,
		})
		.from(auditEventTable)
		.leftJoin(userTable, eq(userTable.id, auditEventTable.actorId))
		.where(
			and(
				before ? lt(auditEventTable.id, before) : undefined,
				filter.actorId ? eq(auditEventTable.actorId, filter.actorId) : undefined,
				filter.action ? eq(auditEventTable.action, filter.action) : undefined,
				filter.from ? gte(auditEventTable.at, tokyoMidnight(filter.from)) : undefined,
				filter.to ? lt(auditEventTable.at, tokyoMidnight(addDays(filter.to, 1))) : undefined,
			),
		)
		.orderBy(desc(auditEventTable.id))
		.limit(limit + 1);
	const { items, next } = keysetPage(rows, limit, (last) => last.event.id);
	const ownerIds = [...new Set(items.map((r) => r.ownerId).filter((id): id is string => !!id))];
	const owners = ownerIds.length
		? await db
				.select({ id: userTable.id, name: userTable.name })
				.from(userTable)
				.where(inArray(userTable.id, ownerIds))
		: [];
	return {
		items: items.map((r) => ({
			...r,
			ownerName: owners.find((o) => o.id === r.ownerId)?.name ?? null,
		})),
		next,
	};
}

/** The actions that occur in the log, for the filter's list (reads the action index only). */
export async function listAuditActions(db: Db): Promise<string[]> {
	const rows = await db
		.selectDistinct({ action: auditEventTable.action })
		.from(auditEventTable)
		.orderBy(asc(auditEventTable.action));
	return rows.map((r) => r.action);
}
