/**
 * One writer at a time per process, for embedded SQLite files.
 *
 * libSQL runs each statement synchronously, and waits for a busy lock synchronously too. If
 * one pooled connection holds a write transaction while another connection of the same
 * process tries to write, the second blocks the event loop, so the first can never finish:
 * both fail after the busy timeout. Queueing every write and every transaction (reads stay
 * concurrent: WAL lets them run beside a writer) removes that deadlock. Other processes
 * (a second app instance, a backup) still meet the busy timeout, which they can wait out.
 */
import type {
	Client,
	InArgs,
	InStatement,
	ResultSet,
	Transaction,
	TransactionMode,
} from '@libsql/client';

const readOnly = /^\s*(select|with|explain|pragma\s+\w+\s*(;|$))/i;

function sqlOf(stmt: InStatement): string {
	return typeof stmt === 'string' ? stmt : stmt.sql;
}

/** The queue of each database file, shared by every client this process opens on that file. */
const queues = new Map<string, { tail: Promise<unknown> }>();

function queueFor(file: string | undefined): { tail: Promise<unknown> } {
	if (!file) return { tail: Promise.resolve() };
	let queue = queues.get(file);
	if (!queue) queues.set(file, (queue = { tail: Promise.resolve() }));
	return queue;
}

/**
 * Wraps a client so writes and transactions run one after another. Clients of the same `file`
 * share one queue: two clients of one process on one file (two app instances in a test, a
 * command beside the server) would otherwise meet the same synchronous-wait deadlock.
 */
export function queueWrites(client: Client, file?: string): Client {
	const queue = queueFor(file);

	/** Runs `work` after every earlier write has settled. */
	function exclusive<T>(work: () => Promise<T>): Promise<T> {
		const run = queue.tail.then(work);
		queue.tail = run.catch(() => undefined);
		return run;
	}

	/** Holds the queue from BEGIN until the transaction commits, rolls back or closes. */
	async function transaction(mode?: TransactionMode): Promise<Transaction> {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const before = queue.tail;
		queue.tail = before.then(() => held);
		await before;
		let tx: Transaction;
		try {
			tx = await client.transaction(mode);
		} catch (error) {
			release();
			throw error;
		}
		const end =
			<A extends unknown[], R>(fn: (...args: A) => R) =>
			(...args: A): R => {
				try {
					const result = fn(...args);
					if (result instanceof Promise) return result.finally(release) as R;
					release();
					return result;
				} catch (error) {
					release();
					throw error;
				}
			};
		const endings: Record<string, unknown> = {
			commit: end(tx.commit.bind(tx)),
			rollback: end(tx.rollback.bind(tx)),
			close: end(tx.close.bind(tx)),
		};
		// A proxy, not a copy: the transaction's methods use private fields of the real object.
		return new Proxy(tx, {
			get(target, prop) {
				if (typeof prop === 'string' && prop in endings) return endings[prop];
				const value = Reflect.get(target, prop, target);
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
	}

	return new Proxy(client, {
		get(target, prop, receiver) {
			switch (prop) {
				case 'execute': {
					// execute() is overloaded (statement, or sql + args); one signature covers both.
					const execute = target.execute.bind(target) as (
						stmt: InStatement,
						args?: InArgs,
					) => Promise<ResultSet>;
					return (stmt: InStatement, args?: InArgs) =>
						readOnly.test(sqlOf(stmt)) ? execute(stmt, args) : exclusive(() => execute(stmt, args));
				}
				case 'batch':
					return (...a: Parameters<Client['batch']>) => exclusive(() => target.batch(...a));
				case 'migrate':
					return (...a: Parameters<Client['migrate']>) => exclusive(() => target.migrate(...a));
				case 'executeMultiple':
					return (sql: string) => exclusive(() => target.executeMultiple(sql));
				case 'transaction':
					return transaction;
				default: {
					const value = Reflect.get(target, prop, receiver);
					return typeof value === 'function' ? value.bind(target) : value;
				}
			}
		},
	});
}
