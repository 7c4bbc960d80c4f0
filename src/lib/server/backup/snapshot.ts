/**
 * A consistent snapshot of an embedded database file while the portal runs.
 *
 * The copy is read page by page (SQLite's `sqlite_dbpage`) inside ONE read transaction, so it
 * is the database exactly as of its first read, whatever is written meanwhile. In WAL mode a
 * reader never takes a lock a writer waits for; what can still stall writers is the disk: one
 * big write of the whole copy (as `VACUUM INTO` does) makes every writer's commit wait behind
 * it. So the copy goes out in steps of 1 MiB, each flushed to disk before a short pause, and
 * writers' commits slip in between. While the backup runs the WAL grows (it cannot be folded
 * back past the snapshot); the next checkpoint after it shrinks the work again.
 *
 * An encrypted database (docs/security.md) is copied with `VACUUM INTO` instead: `sqlite_dbpage`
 * hands out decrypted pages, which must never reach the disk, while `VACUUM INTO` writes the
 * copy encrypted with the same key.
 *
 * Run it in a process of its own (`npm run backup`, which the server's schedule starts): the
 * database client queues a process's writes behind its transactions, so a long read
 * transaction inside the server would hold the server's own saves up.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from '@libsql/client';
import { openDatabase } from './open';
import { countRows, type TableCounts } from './verify';

/** Pages per step: 256 pages of 4 KiB is 1 MiB between two flushes. */
const pagesPerStep = 256;
/** Pause after each flushed step, so queued commits of other processes go first. */
const pauseMs = 5;

/** Copies every page of the transaction's snapshot into `file`; returns the bytes written. */
async function copyPages(tx: Transaction, file: string): Promise<number> {
	const pageCount = Number((await tx.execute('PRAGMA page_count')).rows[0]![0]);
	const pageSize = Number((await tx.execute('PRAGMA page_size')).rows[0]![0]);
	const fd = openSync(file, 'w');
	try {
		for (let first = 1; first <= pageCount; first += pagesPerStep) {
			const { rows } = await tx.execute({
				sql: 'SELECT pgno, data FROM sqlite_dbpage WHERE pgno >= ? AND pgno < ?',
				args: [first, first + pagesPerStep],
			});
			// Each page at its own offset: a page SQLite never uses (the lock-byte page) stays zero.
			for (const row of rows)
				writeSync(
					fd,
					new Uint8Array(row.data as ArrayBuffer),
					0,
					pageSize,
					(Number(row.pgno) - 1) * pageSize,
				);
			fsyncSync(fd);
			await sleep(pauseMs);
		}
		return pageCount * pageSize;
	} finally {
		closeSync(fd);
	}
}

export type SnapshotOptions = { authToken?: string; encryptionKey?: string };

/**
 * Writes a snapshot of the database at `url` (a `file:` URL) to `target`, whole or not at all
 * (a `.partial` file renamed at the end). Returns the rows per table the snapshot saw, or null
 * when they cannot be read at the same instant (`VACUUM INTO`).
 */
export async function snapshotDatabase(
	url: string,
	target: string,
	{ authToken, encryptionKey }: SnapshotOptions = {},
): Promise<TableCounts | null> {
	mkdirSync(dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	const source = await openDatabase(url, { authToken, encryptionKey });
	try {
		let counts: TableCounts | null = null;
		if (encryptionKey) {
			await source.$client.execute({ sql: 'VACUUM INTO ?', args: [partial] });
		} else {
			const tx = await source.$client.transaction('read');
			try {
				counts = await countRows(tx);
				await copyPages(tx, partial);
			} finally {
				tx.close();
			}
		}
		renameSync(partial, target);
		return counts;
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		source.$client.close();
	}
}
