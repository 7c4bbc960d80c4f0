/**
 * Insertion order as a tie-break. `created_at` has millisecond resolution, and two rows written
 * in the same millisecond (a decision and its undo, a comment and its reply) would otherwise come
 * back in any order. SQLite's rowid grows with every insert.
 */
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Oldest row first. */
export function insertedFirst(table: SQLiteTable): SQL {
	return asc(sql`${table}.rowid`);
}

/** Newest row first. */
export function insertedLast(table: SQLiteTable): SQL {
	return desc(sql`${table}.rowid`);
}
