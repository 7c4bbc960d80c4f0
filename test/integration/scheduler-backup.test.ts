/**
 * The clock's tick runs the scheduled backup's work after the programme's jobs, logs what it
 * says, and runs it even when the jobs of that tick failed.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { startScheduler } from '~/lib/server/clock/scheduler';
import { useTestDb } from '../helpers/db';
import { jobSettings } from '../helpers/clock';

const t = useTestDb();
afterEach(() => {
	vi.useRealTimers();
});

function logger() {
	const lines: string[] = [];
	return {
		lines,
		log: {
			log: (line: string) => lines.push(line),
			error: (line: string) => lines.push(`ERROR ${line}`),
		},
	};
}

it('logs the scheduled backup on the first tick', async () => {
	vi.useFakeTimers();
	const { lines, log } = logger();
	let runs = 0;
	const stop = startScheduler(t.db, jobSettings(), log as unknown as Console, [
		async () => ((runs += 1), ['backup: Backup written: /x (integrity ok)']),
	]);
	await vi.advanceTimersByTimeAsync(5_000);
	await vi.waitFor(() => expect(runs).toBe(1));
	stop();
	expect(lines).toContain('clock: backup: Backup written: /x (integrity ok)');
});

it('runs the backup even when the jobs of the tick fail', async () => {
	vi.useFakeTimers();
	const { lines, log } = logger();
	let runs = 0;
	t.db.$client.close(); // every job now fails
	const stop = startScheduler(t.db, jobSettings(), log as unknown as Console, [
		async () => ((runs += 1), ['backup: taken']),
	]);
	await vi.advanceTimersByTimeAsync(5_000);
	await vi.waitFor(() => expect(runs).toBe(1));
	stop();
	expect(lines[0]).toMatch(/^ERROR clock: a run failed/);
	expect(lines).toContain('clock: backup: taken');
});
