/**
 * `npm run demo`: a fresh demo database (reset on every run), seeded with the fictional demo
 * cohort, served like production. Prints the demo sign-ins.
 */
import { rmSync } from 'node:fs';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { userTable } from '../../db/schema';
import { demoAccounts, seedDemo } from '../../db/seed-demo';
import { seedDemoLogbook } from '../../db/seed-demo-logbook';
import { seedDemoStudies } from '../../db/seed-demo-study';
import { seedDemoCourse } from '../../db/seed-demo-course';
import { seedDemoTests } from './seed-demo-tests';
import { seedDemoCen } from '../../db/seed-demo-cen';
import { oversightAccounts, seedDemoOversight } from '../../db/seed-demo-oversight';
import { seedDemoLab } from '../../db/seed-demo-lab';
import { seedDemoOffice } from '../../db/seed-demo-office';
import { secondedReviewer, seedDemoSelection } from './seed-demo-selection';
import { alumniAccounts, seedDemoEnrolment } from '../../db/seed-demo-enrolment';
import { seedDemoFollowUp } from '../../db/seed-demo-followup';
import { describeJobReport, runDueWork } from '../lib/server/clock/run-jobs';
import { jobSettingsFromEnv } from './job-settings';
import { serve } from './serve';

const url = process.env.DEMO_DATABASE_URL ?? 'file:data/demo.db';
const password = process.env.DEMO_PASSWORD ?? 'demo-password';

if (url.startsWith('file:'))
	for (const suffix of ['', '-wal', '-shm']) rmSync(url.slice(5) + suffix, { force: true });
const db = await createDb(url, process.env.DATABASE_AUTH_TOKEN);
await migrateDb(db);
const ids = await seedDemo(db, password);
await seedDemoLogbook(db, ids);
await seedDemoStudies(db, ids);
await seedDemoCourse(db, ids);
await seedDemoTests(db, ids);
await seedDemoCen(db, ids);
await seedDemoOversight(db, ids);
await seedDemoLab(db, ids);
await seedDemoOffice(db, ids.cohortId);
await seedDemoSelection(db, Number(process.env.APPLICATION_RETENTION_MONTHS) || 6);
await seedDemoEnrolment(db, ids);
await seedDemoFollowUp(db, ids.adminId);
// Every demo account signs in with the password alone, whatever roles must use a second factor.
await db.update(userTable).set({ secondFactorExempt: true });
// The demo opens at OJT week 3 with the reminders due at that moment already sent.
for (const line of describeJobReport(await runDueWork(db, jobSettingsFromEnv())))
	console.log(`clock: ${line}`);
db.$client.close();

process.env.DATABASE_URL = url;
const emails = [
	demoAccounts.admin.email,
	demoAccounts.mentor.email,
	...demoAccounts.participants.map((p) => p.email),
	`${secondedReviewer.email} (a second admin, seconded from Kestrel)`,
	oversightAccounts.secretariat.email,
	...oversightAccounts.home.map((h) => h.email),
	...alumniAccounts.map((a) => `${a.email} (past participant)`),
];
await serve(
	[
		'',
		'Demo portal — all people, administrations and records are fictional.',
		`Sign in with any of these, password "${password}":`,
		...emails.map((e) => `  ${e}`),
		'These accounts are exempt from the second-factor requirement (password alone); any of them',
		'can still set up an authenticator app on /account/second-factor.',
		'',
	].join('\n'),
);
