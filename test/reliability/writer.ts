/**
 * A writing process for the reliability tests. Saves log entries (and, if asked, sessions)
 * through the real server functions and prints one line per save *after* the database has
 * acknowledged it — `entry <id> <milliseconds the save took>` or `session <id>` — so the parent knows exactly what was
 * promised. Prints `done` at the end, or `error <message>` and exits 1 on the first failure.
 *
 *   node --import tsx test/reliability/writer.ts '{"url":"file:/tmp/x.db","participant":{…},"count":200}'
 *
 * count 0 writes until stdin closes (the parent ends it to stop the stream cleanly).
 */
import { createDb } from '~db/client';
import { createEntry } from '~/lib/server/logbook/entry';
import { createSession, type SessionUser } from '~/lib/server/auth/session';
import { entryInput } from '../helpers/entries';

export type WriterConfig = {
	url: string;
	participant: SessionUser;
	/** Entries to write; 0 = until stdin closes. */
	count: number;
	/** Also start one session per entry. */
	sessions?: boolean;
};

const config = JSON.parse(process.argv[2] ?? '{}') as WriterConfig;
let stopped = false;
if (config.count === 0) {
	process.stdin.on('end', () => (stopped = true));
	process.stdin.resume();
}

// Pipes are synchronous on Linux, so a printed line is out before the next save starts.
const say = (line: string) => process.stdout.write(`${line}\n`);

const db = await createDb(config.url);
try {
	for (let i = 0; config.count === 0 ? !stopped : i < config.count; i++) {
		const started = performance.now();
		const entry = await createEntry(
			db,
			config.participant,
			entryInput({ title: `Reliability entry ${process.pid}-${i}`, minutes: 15 + (i % 90) }),
		);
		// How long this save took, waiting for locks included.
		say(`entry ${entry.id} ${Math.round(performance.now() - started)}`);
		// libSQL answers embedded queries without a trip through the event loop; yield to it so
		// the end of stdin (the parent's "stop") is noticed.
		await new Promise((resolve) => setImmediate(resolve));
		if (config.sessions) {
			const { session } = await createSession(db, config.participant.id, 'reliability test');
			say(`session ${session.id}`);
		}
	}
	say('done');
} catch (error) {
	say(`error ${(error as Error).message.replace(/\s+/g, ' ')}`);
	process.exitCode = 1;
} finally {
	db.$client.close();
	process.stdin.destroy();
}
