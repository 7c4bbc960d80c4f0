/**
 * The restore drill in `npm test` (after the build): test/reliability/restore-drill.ts backs up
 * a running portal while saves go on, restores into a fresh folder, starts a portal on it and
 * finds every save acknowledged before the backup began. No browser: the script speaks HTTP.
 */
import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

test('a backup taken while people save restores into a portal that has every earlier save', async () => {
	// About 45 s on a quiet 2-core machine; several times that when it is shared.
	test.setTimeout(420_000);
	const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'test/reliability/restore-drill.ts'],
			{
				cwd: `${import.meta.dirname}/../..`,
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.once('exit', (code) => resolve({ code, output }));
	});
	console.log(output);
	expect(output).toMatch(/^ok {3}the restored portal shows (\d+) of the \1 saves acknowledged/m);
	expect(output).toMatch(/^ok {3}restore over the running portal's database is refused/m);
	expect(output).toMatch(/^OK in /m);
	expect(code).toBe(0);
});
