/**
 * The real production server (src/cli/serve.ts over the built dist/) as a child process, for
 * benchmarks and reliability scripts. Node runs serve.ts itself (through src/cli/launch.mjs, as
 * `npm run serve` does: no second process), so the pid we hold is the server's: its
 * RSS is the server's memory, and a kill -9 really kills the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (the one holding package.json). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Throws a clear message when there is no build: these scripts never build. */
export function assertBuilt(root = projectRoot): void {
	if (!existsSync(join(root, 'dist/server/entry.mjs')))
		throw new Error(`No build in ${join(root, 'dist')}: run \`npm run build\` first.`);
}

/** True when nothing listens on 127.0.0.1:port. */
function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer()
			.once('error', () => resolve(false))
			.once('listening', () => probe.close(() => resolve(true)))
			.listen(port, '127.0.0.1');
	});
}

/** A port the system has just given out as free (listening on port 0). */
function systemPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
			.once('error', reject)
			.listen(0, '127.0.0.1', () => {
				const { port } = probe.address() as AddressInfo;
				probe.close(() => resolve(port));
			});
	});
}

/**
 * The port for the benchmark's n-th server: BENCH_PORT + n when BENCH_PORT is set (so a
 * firewall or a busy machine can choose), otherwise any port the system says is free.
 */
export async function freePort(n = 0): Promise<number> {
	const base = process.env.BENCH_PORT;
	if (!base) return systemPort();
	const port = Number(base) + n;
	if (!(await isFree(port)))
		throw new Error(`Port ${port} (BENCH_PORT + ${n}) is in use: choose another BENCH_PORT.`);
	return port;
}

export type RunningServer = {
	pid: number;
	origin: string;
	child: ChildProcess;
	/** Everything the server printed, for error messages. */
	output: string[];
	/** SIGTERM (graceful), then SIGKILL if it has not exited within 15 s. */
	stop: () => Promise<void>;
	/** kill -9, resolved once the process is gone. */
	crash: () => Promise<void>;
};

/** Resolves when the child has exited (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `serve.ts` on 127.0.0.1:port against `databaseUrl` and waits until it listens; `entry`
 * names another TypeScript server started the same way (the floor: test/bench/floor.ts).
 */
export async function startServer(
	databaseUrl: string,
	port: number,
	root = projectRoot,
	extraEnv: Record<string, string> = {},
	entry = 'src/cli/serve.ts',
): Promise<RunningServer> {
	assertBuilt(root);
	const env: NodeJS.ProcessEnv = {
		// As `npm run serve` starts it (scripts/node24.mjs).
		MALLOC_ARENA_MAX: '2',
		...process.env,
		...extraEnv,
		DATABASE_URL: databaseUrl,
		HOST: '127.0.0.1',
		PORT: String(port),
	};
	delete env.PUBLIC_URL;
	delete env.SMTP_URL;
	const child = spawn(
		process.execPath,
		[
			// As `npm run serve` starts it (see src/cli/launch.mjs for why).
			'--max-semi-space-size=8',
			'--heap-growing-percent=50',
			// e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
			...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
			'src/cli/launch.mjs',
			entry,
		],
		{
			cwd: root,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const output: string[] = [];
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`Server did not start:\n${output.join('')}`)),
			90_000,
		);
		const onData = (chunk: Buffer) => {
			output.push(chunk.toString());
			if (output.join('').includes('listening on')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`Server exited (${code}) before listening:\n${output.join('')}`));
		});
	});
	return {
		pid: child.pid!,
		origin: `http://127.0.0.1:${port}`,
		child,
		output,
		stop: async () => {
			const done = exited(child);
			child.kill('SIGTERM');
			const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await done;
			clearTimeout(late);
		},
		crash: async () => {
			const done = exited(child);
			child.kill('SIGKILL');
			await done;
		},
	};
}

/** Resident and peak resident memory of a process, in MiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) =>
		Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
	return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

/** Signs in through the real form (Origin set, as a browser does) and returns the cookie pair. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
	const res = await fetch(`${origin}/login?_action=auth.signIn`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, next: '' }),
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('auth_session=') && c.length > 'auth_session='.length);
	if (res.status !== 303 || !cookie)
		throw new Error(`Sign-in as ${email} failed: HTTP ${res.status}`);
	return cookie;
}
