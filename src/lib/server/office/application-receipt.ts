/**
 * Receipts for a submitted application: one email to the candidate (with the link to the
 * printable receipt) and one to the nominating officer (without it: the candidate's link is
 * theirs alone). Queued in the transaction that submits, so a submission never lacks them.
 */
import type { Db } from '~db/client';
import type { Administration, Edition, Nomination } from '~db/schema';
import { formatInstant } from '~/lib/dates';
import type { Answers } from '~/lib/office/application-form';
import { answeredSections, receiptLines } from '~/lib/office/application-receipt';
import { addressMail } from '../clock/reminder-mail';
import { queueMail } from '../notify/mail-queue';

/** Where the receipts' links point and whether an SMTP server takes the mail. */
export type ReceiptSettings = { publicUrl: string; token: string; smtpConfigured: boolean };

/** The path of the printable receipt for the application behind `token`. */
export function receiptPath(token: string): string {
	return `/apply/receipt?token=${encodeURIComponent(token)}`;
}

/** Queues the two receipts for an application submitted at `now`. */
export async function queueApplicationReceipts(
	db: Pick<Db, 'insert'>,
	found: { nomination: Nomination; edition: Edition; administration: Administration },
	answers: Answers,
	settings: ReceiptSettings,
	now: Date,
): Promise<void> {
	const { nomination, edition, administration } = found;
	const base = settings.publicUrl.replace(/\/$/, '');
	const text = receiptLines({
		edition: edition.name,
		candidate: nomination.candidateName,
		administration: administration.name,
		submittedAt: formatInstant(now),
		sections: answeredSections(answers),
	}).join('\n');
	const subject = `receipt of the application of ${nomination.candidateName} (${edition.name})`;
	const toCandidate = addressMail({
		to: nomination.candidateEmail,
		name: nomination.candidateName,
		subject,
		text: `${text}\n\nA printable receipt stays at this link (keep it to yourself):`,
		link: `${base}${receiptPath(settings.token)}`,
	});
	const toOfficer = addressMail({
		to: nomination.officerEmail,
		name: nomination.officerName,
		subject,
		text: `${text}\n\nThe call for applications:`,
		link: `${base}/apply/${edition.slug}`,
	});
	await queueMail(db, toCandidate, settings.smtpConfigured, now);
	await queueMail(db, toOfficer, settings.smtpConfigured, now);
}
