/**
 * The participant's receipts for their final report: one when they submit a version, one when
 * it reaches its recipients (and one more when a pending recipient finally gets it by link).
 * Dates are the cohort's, as every date the participant reads.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportDeliveryTable, type Recipient } from '~db/schema';
import { formatDay, todayIn } from '~/lib/dates';
import { notify } from '../notify/notification';
import { participantMembership } from './access';

type Version = { id: string; number: number; participantId: string };

/** Where the participant sees their versions and the state of each delivery. */
const reportLink = '/report#delivery';

async function placeAndZone(db: Pick<Db, 'select'>, participantId: string) {
	const membership = await participantMembership(db, participantId);
	return {
		timeZone: membership?.cohort.timezone ?? 'Asia/Tokyo',
		home: membership?.administration ?? 'your home administration',
	};
}

/** "A, B and C" */
function listed(names: string[]): string {
	return names.length < 2
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Tells the participant that version N is recorded as submitted. */
export async function confirmSubmission(
	db: Pick<Db, 'select' | 'insert'>,
	version: Version,
	now: Date,
): Promise<void> {
	const { timeZone } = await placeAndZone(db, version.participantId);
	await notify(
		db,
		[version.participantId],
		`Receipt: you submitted version ${version.number} of your final report on ${formatDay(todayIn(timeZone, now))}. It goes to RILO A/P, the WCO Secretariat and your home administration.`,
		reportLink,
		'receipt',
	);
}

/**
 * Tells the participant where version N now is: delivered to whom and on which day, and which
 * recipient is still pending because nobody there has an account yet.
 */
export async function confirmDelivery(db: Db, version: Version, now: Date): Promise<void> {
	const { timeZone, home } = await placeAndZone(db, version.participantId);
	const names: Record<Recipient, string> = {
		rilo_ap: 'RILO A/P',
		wco_secretariat: 'the WCO Secretariat',
		home_administration: home,
	};
	const rows = await db
		.select()
		.from(reportDeliveryTable)
		.where(eq(reportDeliveryTable.versionId, version.id));
	const delivered = rows.filter((r) => r.deliveredAt).map((r) => names[r.recipient]);
	const pending = rows.filter((r) => !r.deliveredAt).map((r) => names[r.recipient]);
	const day = formatDay(todayIn(timeZone, now));
	const text = [
		delivered.length
			? `Version ${version.number} of your final report was delivered to ${listed(delivered)} on ${day}.`
			: `Version ${version.number} of your final report is not delivered yet.`,
		pending.length
			? ` Delivery to ${listed(pending)} is pending: nobody there has an account yet, so the programme office will send them a link.`
			: '',
	].join('');
	await notify(db, [version.participantId], text, reportLink, 'receipt');
}

/** Tells the participant that a pending recipient has now received version N (by link). */
export async function confirmLateDelivery(
	db: Db,
	version: Version,
	recipient: Recipient,
	now: Date,
): Promise<void> {
	const { timeZone, home } = await placeAndZone(db, version.participantId);
	const name =
		recipient === 'home_administration'
			? home
			: recipient === 'rilo_ap'
				? 'RILO A/P'
				: 'the WCO Secretariat';
	await notify(
		db,
		[version.participantId],
		`Version ${version.number} of your final report was delivered to ${name} on ${formatDay(todayIn(timeZone, now))}.`,
		reportLink,
		'receipt',
	);
}
