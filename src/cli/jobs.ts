/**
 * `npm run jobs`: runs everything the programme's clock has due, once, and prints what it did.
 * For cron-driven set-ups (the server also runs it every minute) and for tests. Safe to run
 * beside running servers: every reminder is claimed under a unique key first.
 */
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { describeJobReport, runDueWork } from '../lib/server/clock/run-jobs';
import { jobSettingsFromEnv } from './job-settings';

const settings = jobSettingsFromEnv();
const db = await createDb(
	process.env.DATABASE_URL ?? 'file:data/portal.db',
	process.env.DATABASE_AUTH_TOKEN,
);
await migrateDb(db);
const at = process.env.JOBS_NOW ? new Date(process.env.JOBS_NOW) : new Date();
const lines = describeJobReport(await runDueWork(db, settings, at));
console.log(lines.length ? lines.join('\n') : 'nothing due');
db.$client.close();
