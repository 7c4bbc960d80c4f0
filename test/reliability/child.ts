/**
 * Starts a writer process (writer.ts) and follows what it acknowledges. Node runs the script
 * itself (`node --import tsx`, no wrapper process), so a kill -9 hits the writer directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WriterConfig } from './writer';

const root = fileURLToPath(new URL('../../', import.meta.url));

export type Writer = {
	child: ChildProcess;
	/** Ids the writer printed after the database acknowledged the save. */
	entries: string[];
	sessions: string[];
	/** For each acknowledged entry: when it arrived (ms, parent's clock) and how long its save took. */
	saves: { at: number; ms: number }[];
	/** `error …` lines and anything on stderr. */
	problems: string[];
	/** Resolves once `test` is true of the writer (checked on every line), or rejects on timeout. */
	until: (test: (w: Writer) => boolean, timeoutMs?: number) => Promise<void>;
	/** Resolves with the exit code (null when killed by a signal). */
	exit: Promise<number | null>;
};

/** Spawns a writer; `stdin: 'pipe'` keeps its input open so count 0 runs until it is ended. */
export function startWriter(config: WriterConfig): Writer {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'test/reliability/writer.ts', JSON.stringify(config)],
		{
			cwd: root,
			stdio: ['pipe', 'pipe', 'pipe'],
		},
	);
	const waiters = new Set<() => void>();
	const writer: Writer = {
		child,
		entries: [],
		sessions: [],
		saves: [],
		problems: [],
		until: (test, timeoutMs = 60_000) =>
			new Promise<void>((resolve, reject) => {
				const check = () => {
					if (!test(writer)) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve();
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(
						new Error(`writer: condition not met in ${timeoutMs} ms; ${writer.problems.join(' ')}`),
					);
				}, timeoutMs);
				waiters.add(check);
				check();
			}),
		exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
	};
	let partial = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		const lines = (partial + chunk.toString()).split('\n');
		// Only whole lines count: a line cut by a kill -9 was never an acknowledgement.
		partial = lines.pop()!;
		for (const line of lines) {
			const [kind, id, ms] = line.split(' ', 3);
			if (kind === 'entry') {
				writer.entries.push(id!);
				writer.saves.push({ at: performance.now(), ms: Number(ms) });
			} else if (kind === 'session') writer.sessions.push(id!);
			else if (kind === 'error') writer.problems.push(line);
		}
		for (const check of [...waiters]) check();
	});
	child.stderr!.on('data', (chunk: Buffer) => writer.problems.push(chunk.toString()));
	child.stdin!.on('error', () => undefined);
	return writer;
}
