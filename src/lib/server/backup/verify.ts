/**
 * Checks a database file as a restore would need it: SQLite's integrity check, the rows in each
 * table, and which migrations it has (against the ones this version of the portal knows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import type { Db } from '~db/client';
import { migrationsFolder } from '~db/migrate';
import { openDatabase, type DatabaseAccess } from './open';

/** Rows per table, by table name (SQLite's own tables left out). */
export type TableCounts = Record<string, number>;

/** The tables a person would look at first, named in reports; every table is counted. */
export const mainTables = ['user', 'cohort', 'log_entry', 'report_version', 'audit_event'];

export async function countRows(client: Pick<Client, 'execute'>): Promise<TableCounts> {
	const tables = await client.execute(
		"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
	);
	const counts: TableCounts = {};
	for (const row of tables.rows) {
		const name = String(row.name);
		const result = await client.execute(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`);
		counts[name] = Number(result.rows[0]![0]);
	}
	return counts;
}

/** The `when` of every migration this version knows, oldest first (drizzle's journal). */
export function knownMigrations(): number[] {
	const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
	return (journal.entries as { when: number }[]).map((e) => e.when);
}

export type FileCheck = {
	integrity: string;
	counts: TableCounts;
	/** Migrations recorded in the file, and how many of them this version does not know. */
	migrations: { applied: number; known: number; unknown: number; missing: number };
};

/**
 * Opens `path` (through createDb, as the server would) and checks it. Leaves the file in
 * rollback-journal mode with no `-wal` beside it (the server turns WAL on again when it opens
 * it), so a backup is one self-contained file. A file SQLite cannot read is reported, not thrown.
 */
export async function checkDatabaseFile(
	path: string,
	access: DatabaseAccess = {},
): Promise<FileCheck> {
	const known = knownMigrations();
	let db: Db | null = null;
	try {
		db = await openDatabase(`file:${path}`, access);
		const integrity = (await db.$client.execute('PRAGMA integrity_check')).rows
			.map((r) => String(r[0]))
			.join('; ');
		const counts = await countRows(db.$client);
		const applied =
			'__drizzle_migrations' in counts
				? (await db.$client.execute('SELECT created_at FROM __drizzle_migrations')).rows.map((r) =>
						Number(r[0]),
					)
				: [];
		const knownSet = new Set(known);
		await db.$client.execute('PRAGMA journal_mode = DELETE');
		return {
			integrity,
			counts,
			migrations: {
				applied: applied.length,
				known: known.length,
				unknown: applied.filter((when) => !knownSet.has(when)).length,
				missing: known.filter((when) => !applied.includes(when)).length,
			},
		};
	} catch (error) {
		const migrations = { applied: 0, known: known.length, unknown: 0, missing: known.length };
		return { integrity: (error as Error).message, counts: {}, migrations };
	} finally {
		db?.$client.close();
	}
}

/** One line on a file's contents: the main tables' rows, and the total. */
export function describeCounts(counts: TableCounts): string {
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	const main = mainTables
		.filter((t) => t in counts)
		.map((t) => `${t} ${counts[t]}`)
		.join(', ');
	return `${Object.keys(counts).length} tables, ${total} rows (${main})`;
}

/** The tables whose counts differ between what the snapshot saw and what the copy holds. */
export function countDifferences(expected: TableCounts, actual: TableCounts): string[] {
	const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
	return [...names]
		.filter((n) => expected[n] !== actual[n])
		.map((n) => `${n}: expected ${expected[n] ?? 'no table'}, found ${actual[n] ?? 'no table'}`);
}
