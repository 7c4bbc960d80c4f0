/**
 * Decision notices: to every submitted candidate of an edition and their nominating officer,
 * once its selection is recorded. Each goes by email when it can, else waits in the outbox.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	decisionNoticeTable,
	offerTable,
	selectionCandidateTable,
	selectionTable,
} from '~db/schema';
import { formatInstant } from '~/lib/dates';
import { noticeSubject, noticeText, type NoticeFacts } from '~/lib/office/notice';
import type { Mail } from '../notify/mail';
import { recordAudit } from '../audit';
import { RuleError } from '../errors';
import { readApplication } from './application';
import { selectionBoard } from './selection';
import { assertInEffect, findSelection } from './selection-state';
import { findRow } from '../find-row';
import { editionCohort, programmeDates } from './invite';
import { copyOf, openOffers } from './offer';

/** Formats the decision day the way notices say it (Tokyo). */
export function decisionDay(at: Date): string {
	return new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Asia/Tokyo',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
	}).format(at);
}

/** The facts of one candidate's notice. */
export function noticeFacts(
	entry: {
		row: {
			nomination: { candidateName: string; officerName: string };
			administration: { name: string };
			edition: { name: string; programmePeriod: string; venue: string };
		};
		selected: boolean;
	},
	decidedAt: Date,
	retentionMonths: number,
	dates: string = entry.row.edition.programmePeriod,
): NoticeFacts {
	const { nomination, administration, edition } = entry.row;
	return {
		candidateName: nomination.candidateName,
		officerName: nomination.officerName,
		administration: administration.name,
		edition: edition.name,
		programmePeriod: dates,
		venue: edition.venue,
		selected: entry.selected,
		decidedOn: decisionDay(decidedAt),
		retentionMonths,
	};
}

/**
 * Sends (or keeps in the outbox) a notice to each submitted candidate and their nominating
 * officer whose outcome differs from what they were last told (everyone, the first time); once
 * per recorded selection, and only once it is in effect (both sides confirmed). Returns how many
 * were emailed, kept, and how many people were not written to again because nothing changed.
 */
export async function sendNotices(
	db: Db,
	actor: { id: string; role: string },
	editionId: string,
	retentionMonths: number,
	deliver: (mail: Mail) => Promise<'sent' | 'kept'>,
	now = Date.now(),
	link: (token: string) => string = (token) => `/apply/offer?token=${token}`,
	/** The programme office's address: every notice names RILO A/P in copy, so it gets a copy. */
	copyTo?: string,
) {
	const board = await selectionBoard(db, actor, editionId);
	const decision = board?.decision;
	if (!board || !decision)
		throw new RuleError('conflict', 'Record the selection first: notices tell its outcome.');
	if (decision.selection.noticesAt)
		throw new RuleError(
			'conflict',
			`The notices for this selection were already prepared on ${formatInstant(decision.selection.noticesAt)} (Tokyo time), emailed or kept in the outbox; they are not sent twice. The letters stay printable.`,
		);
	assertInEffect(decision);
	const told = await toldOutcomes(
		db,
		board.entries.map((e) => e.row.application.id),
	);
	// The selected are always written to: each gets a new offer with its reply-by date and link.
	const changed = board.entries.filter(
		(e) => e.selected || told.get(e.row.application.id) !== e.selected,
	);
	// Claim the sending first, so a second click finds it done rather than sending twice.
	const claimed = await db
		.update(selectionTable)
		.set({ noticesAt: new Date(now) })
		.where(eq(selectionTable.id, decision.selection.id))
		.returning({ id: selectionTable.id });
	if (!claimed.length) throw new RuleError('conflict', 'The selection changed: reload the page.');
	const dates = programmeDates(board.edition, await editionCohort(db, board.edition));
	const offers = await openOffers(
		db,
		decision.selection,
		changed.filter((e) => e.selected).map((e) => e.row.application.id),
		now,
	);
	let emailed = 0;
	let kept = 0;
	let copies = 0;
	for (const entry of changed) {
		const offer = offers.get(entry.row.application.id);
		const facts = {
			...noticeFacts(entry, decision.selection.decidedAt, retentionMonths, dates),
			...(offer ? { replyBy: offer.replyBy, offerLink: link(offer.token) } : {}),
		};
		const subject = noticeSubject(facts);
		for (const [to, who] of [
			[entry.row.nomination.candidateEmail, 'candidate'],
			[entry.row.nomination.officerEmail, 'officer'],
		] as const) {
			const result = await deliver({ to, subject, text: noticeText(facts, who) });
			if (result === 'sent') emailed++;
			else kept++;
		}
		// RILO A/P in copy: the candidate's notice, without their link.
		if (copyTo) {
			const candidate = { subject, text: noticeText(facts, 'candidate') };
			const result = await deliver({ to: copyTo, ...copyOf(candidate, facts.offerLink) });
			copies++;
			if (result === 'sent') emailed++;
			else kept++;
		}
		const outcome = { selected: entry.selected, sentAt: new Date(now) };
		await db
			.insert(decisionNoticeTable)
			.values({ applicationId: entry.row.application.id, ...outcome })
			.onConflictDoUpdate({ target: decisionNoticeTable.applicationId, set: outcome });
	}
	const unchanged = board.entries.length - changed.length;
	await db
		.update(selectionTable)
		.set({ noticesEmailed: emailed, noticesKept: kept })
		.where(eq(selectionTable.id, decision.selection.id));
	await recordAudit(
		db,
		{
			actorId: actor.id,
			action: 'selection.notify',
			subjectType: 'edition',
			subjectId: editionId,
			details: { emailed, kept, unchanged, copies },
		},
		now,
	);
	return { emailed, kept, unchanged, copies };
}

/** The outcome each of these applications was last told (true = selected), by id. */
async function toldOutcomes(db: Db, ids: string[]): Promise<Map<string, boolean>> {
	if (!ids.length) return new Map();
	const rows = await db
		.select()
		.from(decisionNoticeTable)
		.where(inArray(decisionNoticeTable.applicationId, ids));
	return new Map(rows.map((r) => [r.applicationId, r.selected]));
}

/** The printable letter of one candidate's decision (an audited read), or null before the decision. */
export async function readDecisionLetter(
	db: Db,
	reader: { id: string; role: string },
	applicationId: string,
	retentionMonths: number,
) {
	const found = await readApplication(db, reader, applicationId);
	if (!found) return null;
	const decision = await findSelection(db, found.row.edition.id);
	if (!decision) return null;
	const chosen = await findRow(
		db,
		selectionCandidateTable,
		eq(selectionCandidateTable.applicationId, applicationId),
	);
	const offer = await findRow(db, offerTable, eq(offerTable.applicationId, applicationId));
	const facts = {
		...noticeFacts(
			{ row: found.row, selected: Boolean(chosen ?? offer) },
			decision.selection.decidedAt,
			retentionMonths,
			programmeDates(found.row.edition, await editionCohort(db, found.row.edition)),
		),
		...(offer ? { replyBy: offer.replyBy } : {}),
	};
	return { facts, row: found.row, decision };
}
