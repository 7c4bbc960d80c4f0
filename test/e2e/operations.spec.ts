/**
 * Operations checks in `npm test` (after the build), each a script of test/reliability/ run
 * against the real built server. No browser: the scripts speak HTTP.
 * - the restore drill (restore-drill.ts): back up a running portal while saves go on, restore
 *   into a fresh folder, start a portal on it, find every save acknowledged before the backup;
 * - two instances on one file (two-instances.ts): started together on a fresh file, a session
 *   of one valid on the other, a save through one seen at once on the other's cached page.
 */
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/** Runs `test/reliability/<name>.ts` with tsx; resolves with its exit code and output. */
function runScript(name: string) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', `test/reliability/${name}.ts`], {
			cwd: `${import.meta.dirname}/../..`,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

test('a backup taken while people save restores into a portal that has every earlier save', async () => {
	// About 45 s on a quiet 2-core machine; several times that when it is shared.
	test.setTimeout(420_000);
	const { code, output } = await runScript('restore-drill');
	console.log(output);
	expect(output).toMatch(/^ok {3}the restored portal shows (\d+) of the \1 saves acknowledged/m);
	expect(output).toMatch(/^ok {3}restore over the running portal's database is refused/m);
	expect(output).toMatch(/^OK in /m);
	expect(code).toBe(0);
});

test('two instances on one file share sessions and never serve each other stale pages', async () => {
	test.setTimeout(420_000);
	const { code, output } = await runScript('two-instances');
	console.log(output);
	expect(output).not.toMatch(/^FAIL/m);
	expect(output).toMatch(/^ok {3}A shows, at once, an entry saved through B/m);
	expect(output).toMatch(/^OK$/m);
	expect(code).toBe(0);
});
