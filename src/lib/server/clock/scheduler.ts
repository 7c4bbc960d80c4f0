/**
 * The server's timer for the programme's clock. Plain timers rather than a cron library: there is
 * one schedule (every minute), each run is idempotent and quick, and a run never overlaps the
 * previous one. Restarts lose nothing: what is due is recomputed from the records each time.
 */
import type { Db } from '~db/client';
import { describeJobReport, runDueWork, type JobSettings } from './run-jobs';

/** How often the server looks for due work. */
export const tickMs = 60_000;

/**
 * Starts the timer; returns a function that stops it. The first run comes a few seconds after
 * start. `more`: further work on the same tick (the scheduled backup), each returning lines to log.
 */
export function startScheduler(
	db: Db,
	settings: JobSettings,
	log = console,
	more: (() => Promise<string[]>)[] = [],
): () => void {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			for (const line of describeJobReport(await runDueWork(db, settings)))
				log.log(`clock: ${line}`);
		} catch (error) {
			log.error('clock: a run failed; the next one retries', error);
		}
		try {
			for (const work of more) for (const line of await work()) log.log(`clock: ${line}`);
		} catch (error) {
			log.error('clock: a run failed; the next one retries', error);
		} finally {
			running = false;
		}
	};
	const first = setTimeout(tick, 5_000);
	const every = setInterval(tick, tickMs);
	// The timers must not keep a stopping server alive.
	first.unref();
	every.unref();
	return () => {
		clearTimeout(first);
		clearInterval(every);
	};
}
