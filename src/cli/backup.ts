/**
 * `npm run backup [-- <file>]`: a consistent snapshot of the database while the portal runs.
 *
 * The copy is read page by page (SQLite's `sqlite_dbpage`) inside ONE read transaction, so it
 * is the database exactly as of its first read, whatever is written meanwhile. In WAL mode a
 * reader never takes a lock a writer waits for; what can still stall writers is the disk: one
 * big write of the whole copy (as `VACUUM INTO` does) makes every writer's commit wait behind
 * it. So the copy goes out in steps of 1 MiB, each flushed to disk before a short pause, and
 * writers' commits slip in between. While the backup runs the WAL grows (it cannot be folded
 * back past the snapshot); the next checkpoint after it shrinks the work again.
 * Restore: stop the portal, copy the snapshot over the database file (delete -wal/-shm), start.
 */
import {
	closeSync,
	fsyncSync,
	mkdirSync,
	openSync,
	renameSync,
	rmSync,
	statSync,
	writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Transaction } from '@libsql/client';

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

/** Writes a snapshot of the SQLite file at `url` to `target`; returns its integrity verdict. */
export async function backupDatabase(url: string, target: string): Promise<string> {
	mkdirSync(dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	const source = createClient({ url, timeout: 5000 });
	try {
		const tx = await source.transaction('read');
		try {
			await copyPages(tx, partial);
		} finally {
			tx.close();
		}
		renameSync(partial, target);
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		source.close();
	}
	const copy = createClient({ url: `file:${target}` });
	try {
		return String((await copy.execute('PRAGMA integrity_check')).rows[0]?.[0]);
	} finally {
		copy.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const url = process.env.DATABASE_URL ?? 'file:data/portal.db';
	if (!url.startsWith('file:')) {
		console.error(
			'Backups here work on a local database file. For a libSQL server, use its own backup tooling.',
		);
		process.exit(1);
	}
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const target = resolve(process.argv[2] ?? `data/backups/portal-${stamp}.db`);
	const integrity = await backupDatabase(url, target);
	console.log(`Backup written: ${target} (${statSync(target).size} bytes, integrity ${integrity})`);
	if (integrity !== 'ok') process.exit(1);
}
