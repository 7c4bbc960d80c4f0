/**
 * Everything the programme's clock does, once: the reminders due now for every running cohort,
 * the daily digests, offers of a place past their reply-by date, the mail queue, the retention
 * purge when due, the passport data of cohorts past its retention, and the clean-up of sent mail.
 * Each step is idempotent (keys claimed in the database), so the server's timer, `npm run jobs`
 * from cron, a second instance or a rerun can all call it at any time.
 */
import type { Db } from '~db/client';
import { followUpReminders } from '~/lib/clock/follow-up-reminders';
import { mentorReminders } from '~/lib/clock/mentor-reminders';
import { officeReminders } from '~/lib/clock/office-reminders';
import { oversightReminders } from '~/lib/clock/oversight-reminders';
import { participantReminders } from '~/lib/clock/participant-reminders';
import type { Reminder } from '~/lib/clock/reminder';
import { countPurgeDue, purgeApplications } from '../office/purge';
import { lapseOffers } from '../office/offer';
import { erasePassportData } from '../enrolment/passport-retention';
import { deliverMail } from '../notify/outbox';
import {
	deleteOldSentMail,
	deliverQueuedMail,
	type MailSettings,
	type QueueRun,
} from '../notify/mail-queue';
import { sendDigests } from './digest';
import { followUpFacts } from './follow-up-facts';
import { mentorFacts } from './mentor-facts';
import { officeFacts } from './office-facts';
import { oversightFacts } from './oversight-facts';
import { participantFacts } from './participant-facts';
import { runningCohorts } from './running-cohorts';
import { sendReminders } from './send-reminders';

/** What the jobs need from the environment. */
export type JobSettings = MailSettings & {
	publicUrl: string;
	retentionMonths: number;
	/** The programme office's address, in copy of the offers the scheduler sends (reserve list). */
	officeEmail?: string;
};

/** What one run did, for the log and for `npm run jobs`. */
export type JobReport = {
	reminders: Reminder[];
	digests: number;
	mail: QueueRun;
	purged: { nominations: number; applications: number };
	sentMailDeleted: number;
	/** Offers of a place not answered by their reply-by date (each offered to the reserve list). */
	offersLapsed: number;
	/** Cohorts whose passport data the retention rule erased in this run. */
	passportsErased: number;
};

/** The reminders due now across every running cohort and the programme office's calls. */
export async function dueReminders(db: Db, now: Date): Promise<Reminder[]> {
	const due: Reminder[] = [];
	for (const running of await runningCohorts(db, now)) {
		for (const f of await participantFacts(db, running))
			due.push(...participantReminders(f, running.today));
		for (const f of await mentorFacts(db, running)) due.push(...mentorReminders(f, running.today));
		const o = await oversightFacts(db, running);
		due.push(...oversightReminders(o.deliveries, o.versions, running.today));
	}
	// Former participants' cohorts are archived: the follow-up runs over accepted reports instead.
	for (const f of await followUpFacts(db, now)) due.push(...followUpReminders(f));
	// The office's calls run on Tokyo days, whether or not a cohort is running.
	due.push(...officeReminders(await officeFacts(db, now)));
	return due;
}

/** Runs everything due once and says what it did. */
export async function runDueWork(
	db: Db,
	settings: JobSettings,
	now = new Date(),
): Promise<JobReport> {
	const send = { publicUrl: settings.publicUrl, smtpConfigured: Boolean(settings.smtpUrl) };
	const reminders = await sendReminders(db, await dueReminders(db, now), send, now);
	const digests = await sendDigests(db, send, now);
	const offersLapsed = await lapseOffers(
		db,
		{
			link: (token) => `${settings.publicUrl}/apply/offer?token=${token}`,
			deliver: (m) => deliverMail(db, settings.smtpUrl, settings.from, m, now),
			copyTo: settings.officeEmail,
		},
		now.getTime(),
	);
	const mail = await deliverQueuedMail(db, settings, now);
	const due = await countPurgeDue(db, settings.retentionMonths, now.getTime());
	const purged = due.nominations
		? await purgeApplications(db, 'scheduler', settings.retentionMonths, now.getTime())
		: due;
	const sentMailDeleted = await deleteOldSentMail(db, now);
	const passportsErased = await erasePassportData(db, now);
	return { reminders, digests, mail, purged, sentMailDeleted, offersLapsed, passportsErased };
}

/** The report in lines a person reads (the jobs command prints it; the server logs it). */
export function describeJobReport(report: JobReport): string[] {
	const lines = report.reminders.map((r) => {
		const to = 'userId' in r.recipient ? r.recipient.userId : r.recipient.email;
		return `reminder ${r.kind} (due ${r.due}) to ${to}: ${r.subject}`;
	});
	if (report.digests) lines.push(`daily digests sent: ${report.digests}`);
	const { sent, retrying, failed } = report.mail;
	if (sent + retrying + failed)
		lines.push(`mail: ${sent} sent, ${retrying} to retry, ${failed} failed`);
	if (report.purged.nominations)
		lines.push(
			`retention purge: ${report.purged.nominations} nominations, ${report.purged.applications} applications deleted`,
		);
	if (report.offersLapsed)
		lines.push(
			`offers lapsed without an answer: ${report.offersLapsed} (offered to the reserve list)`,
		);
	if (report.passportsErased)
		lines.push(
			`passport data erased (retention rule) for ${report.passportsErased} ${report.passportsErased === 1 ? 'cohort' : 'cohorts'}`,
		);
	if (report.sentMailDeleted)
		lines.push(`sent mail older than 30 days deleted: ${report.sentMailDeleted}`);
	return lines;
}
