/**
 * The one-row lookup by key that most modules need: a record by its id, a participant's letter
 * in a cohort, a section of a paper. Lookups return the row or null, never undefined.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '~db/client';
import { notFound } from './errors';

/** The row of `table` that meets every condition, or null when there is none. */
export async function findRow<T extends SQLiteTable>(
	db: Pick<Db, 'select'>,
	table: T,
	...conditions: SQL[]
): Promise<T['$inferSelect'] | null> {
	const rows = await db
		.select()
		.from(table as SQLiteTable)
		.where(and(...conditions));
	return (rows[0] as T['$inferSelect'] | undefined) ?? null;
}

/** A table of records that each belong to one participant. */
type OwnedTable = SQLiteTable & { id: SQLiteColumn; participantId: SQLiteColumn };

/** The record with this id when it belongs to the participant, else null. */
export function findOwnRow<T extends OwnedTable>(
	db: Pick<Db, 'select'>,
	table: T,
	participantId: string,
	id: string,
): Promise<T['$inferSelect'] | null> {
	return findRow(db, table, eq(table.id, id), eq(table.participantId, participantId));
}

/** The participant's own record with this id; a 404 naming `what` for a missing one or anyone else's. */
export async function ownRow<T extends OwnedTable>(
	db: Pick<Db, 'select'>,
	table: T,
	participantId: string,
	id: string,
	what: string,
): Promise<T['$inferSelect']> {
	const row = await findOwnRow(db, table, participantId, id);
	if (!row) throw notFound(what);
	return row;
}

/** Every record of `table` that belongs to the participant, sorted by `order`. */
export async function listOwnRows<T extends OwnedTable>(
	db: Pick<Db, 'select'>,
	table: T,
	participantId: string,
	...order: SQL[]
): Promise<T['$inferSelect'][]> {
	const rows = await db
		.select()
		.from(table as SQLiteTable)
		.where(eq(table.participantId, participantId))
		.orderBy(...order);
	return rows as T['$inferSelect'][];
}
