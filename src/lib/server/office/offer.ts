/**
 * Offers of a place (charter VI(d)): each selected candidate accepts or declines from their link
 * by the reply-by date; a decline, or no answer by then, offers the place to the next eligible
 * candidate of the reserve list, still one per Member administration. Every step is audited.
 */
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	applicationTable,
	decisionNoticeTable,
	offerTable,
	selectionTable,
	type Offer,
} from '~db/schema';
import {
	formatReplyBy,
	offerSubject,
	offerText,
	replyByDay,
	replyByPassed,
} from '~/lib/office/offer';
import type { Mail } from '../notify/mail';
import { recordAudit } from '../audit';
import { RuleError } from '../errors';
import { hashToken, newToken } from '../ids';
import { findRow } from '../find-row';
import { findScreened } from './application';
import { selectionBoard } from './selection';
import { editionCohort, programmeDates } from './invite';

/** How an offer's notice reaches the candidate: their link to answer, and the delivery. */
export type OfferMail = {
	link: (token: string) => string;
	deliver: (mail: Mail) => Promise<'sent' | 'kept'>;
	/** The programme office's address: the offer names RILO A/P in copy, so it gets a copy. */
	copyTo?: string;
};

/**
 * The copy for RILO A/P's programme office of a message that names it in copy: the same text,
 * without the candidate's link (the office does not answer for them), the subject marked.
 */
export function copyOf(mail: { subject: string; text: string }, link?: string) {
	const text = link ? mail.text.split(link).join('(the candidate’s link, not copied)') : mail.text;
	return { subject: `Copy: ${mail.subject}`, text };
}

/** The rules' reader: the board is read by the system, not by a person (nothing is blind). */
const system = { role: 'admin' } as const;

/** The offers of a selection, by application id. */
export async function offersOf(db: Db, selectionId: string): Promise<Map<string, Offer>> {
	const rows = await db.select().from(offerTable).where(eq(offerTable.selectionId, selectionId));
	return new Map(rows.map((r) => [r.applicationId, r]));
}

/** The day the selection took effect: its later confirmation. */
function inEffectSince(selection: {
	officeConfirmedAt: Date | null;
	secretariatConfirmedAt: Date | null;
}): Date {
	return new Date(
		Math.max(
			selection.officeConfirmedAt?.getTime() ?? 0,
			selection.secretariatConfirmedAt?.getTime() ?? 0,
		),
	);
}

/**
 * Opens an offer to each of these selected applications (with the notices), replacing any
 * earlier one; returns each one's link token and reply-by day.
 */
export async function openOffers(
	db: Db,
	selection: typeof selectionTable.$inferSelect,
	applicationIds: string[],
	now: number,
) {
	const replyBy = replyByDay(inEffectSince(selection), selection.replyDays);
	const out = new Map<string, { token: string; replyBy: string }>();
	for (const applicationId of applicationIds) {
		const token = newToken();
		const values = {
			applicationId,
			selectionId: selection.id,
			state: 'offered' as const,
			fromReserve: false,
			offeredAt: new Date(now),
			replyBy,
			answeredAt: null,
			tokenHash: hashToken(token),
		};
		await db
			.insert(offerTable)
			.values(values)
			.onConflictDoUpdate({ target: offerTable.applicationId, set: values });
		out.set(applicationId, { token, replyBy });
	}
	return out;
}

/** The offer behind a link: the offer's own token, or the candidate's application link. */
export async function findOfferByToken(db: Db, token: string) {
	if (!token) return null;
	const hash = hashToken(token);
	const [row] = await db
		.select({ offer: offerTable })
		.from(offerTable)
		.innerJoin(applicationTable, eq(applicationTable.id, offerTable.applicationId))
		.where(or(eq(offerTable.tokenHash, hash), eq(applicationTable.tokenHash, hash)));
	if (!row) return null;
	const found = await findScreened(db, row.offer.applicationId);
	if (!found) return null;
	const cohort = await editionCohort(db, found.row.edition);
	return {
		offer: row.offer,
		row: found.row,
		dates: programmeDates(found.row.edition, cohort),
		passed: replyByPassed(row.offer.replyBy),
	};
}

/**
 * The candidate's answer from their link. Accepting or declining is final; refused after the
 * reply-by date. A decline offers the place to the next of the reserve list.
 */
export async function answerOffer(
	db: Db,
	token: string,
	answer: 'accept' | 'decline',
	mail: OfferMail,
	now = Date.now(),
) {
	const found = await findOfferByToken(db, token);
	if (!found) throw new RuleError('not_found', 'This link does not open an offer.');
	const { offer } = found;
	if (offer.state !== 'offered')
		throw new RuleError(
			'conflict',
			`You already answered this offer: ${offer.state === 'accepted' ? 'you accepted the place' : offer.state === 'declined' ? 'you declined the place' : 'it lapsed without an answer'}. Write to the programme office to change anything.`,
		);
	if (replyByPassed(offer.replyBy, now))
		throw new RuleError(
			'conflict',
			`The offer could be answered until ${formatReplyBy(offer.replyBy)}: that date has passed, and the place goes to the reserve list.`,
		);
	const state = answer === 'accept' ? 'accepted' : 'declined';
	const claimed = await db
		.update(offerTable)
		.set({ state, answeredAt: new Date(now) })
		.where(and(eq(offerTable.applicationId, offer.applicationId), eq(offerTable.state, 'offered')))
		.returning({ id: offerTable.applicationId });
	if (!claimed.length)
		throw new RuleError('conflict', 'This offer was just answered: reload the page.');
	await recordAudit(
		db,
		{
			actorId: null,
			action: `offer.${answer}`,
			subjectType: 'application',
			subjectId: offer.applicationId,
			details: { edition: found.row.edition.name, by: 'candidate_link' },
		},
		now,
	);
	const next = state === 'declined' ? await offerNext(db, offer.selectionId, mail, now) : null;
	return { state, next };
}

/**
 * Offers the place to the next eligible candidate of the reserve list: the ranked, not-selected
 * eligible candidates without an offer, skipping administrations that hold an offered or accepted
 * place. Returns who was offered it, or null when the reserve list is empty (audited either way).
 */
export async function offerNext(db: Db, selectionId: string, mail: OfferMail, now = Date.now()) {
	const selection = await findRow(db, selectionTable, eq(selectionTable.id, selectionId));
	if (!selection) return null;
	const board = await selectionBoard(db, system, selection.editionId);
	if (!board) return null;
	const offers = await offersOf(db, selectionId);
	const holding = new Set(
		board.entries
			.filter((e) =>
				['offered', 'accepted'].includes(offers.get(e.row.application.id)?.state ?? ''),
			)
			.map((e) => e.row.administration.id),
	);
	const next = board.ranking.find(
		(e) =>
			!e.selected &&
			!offers.has(e.row.application.id) &&
			!holding.has(e.row.administration.id) &&
			e.average !== null,
	);
	if (!next) {
		await recordAudit(
			db,
			{
				actorId: null,
				action: 'offer.reserve_empty',
				subjectType: 'edition',
				subjectId: selection.editionId,
				details: { edition: board.edition.name, by: 'portal' },
			},
			now,
		);
		return null;
	}
	const token = newToken();
	const replyBy = replyByDay(new Date(now), selection.replyDays);
	const applicationId = next.row.application.id;
	await db.insert(offerTable).values({
		applicationId,
		selectionId,
		state: 'offered',
		fromReserve: true,
		offeredAt: new Date(now),
		replyBy,
		tokenHash: hashToken(token),
	});
	const told = { selected: true, sentAt: new Date(now) };
	await db
		.insert(decisionNoticeTable)
		.values({ applicationId, ...told })
		.onConflictDoUpdate({ target: decisionNoticeTable.applicationId, set: told });
	await recordAudit(
		db,
		{
			actorId: null,
			action: 'offer.reserve',
			subjectType: 'application',
			subjectId: applicationId,
			details: { edition: board.edition.name, replyBy, by: 'portal' },
		},
		now,
	);
	const facts = {
		candidateName: next.row.nomination.candidateName,
		edition: board.edition.name,
		programmePeriod: programmeDates(board.edition, await editionCohort(db, board.edition)),
		venue: board.edition.venue,
		replyBy,
		link: mail.link(token),
	};
	const offer = { subject: offerSubject(facts), text: offerText(facts) };
	await mail.deliver({ to: next.row.nomination.candidateEmail, ...offer });
	if (mail.copyTo) await mail.deliver({ to: mail.copyTo, ...copyOf(offer, facts.link) });
	return { applicationId, name: facts.candidateName, replyBy };
}

/**
 * The scheduler's step: every offer not answered by its reply-by date lapses, and its place goes
 * to the next of the reserve list. Returns how many lapsed. Safe to run again.
 */
export async function lapseOffers(db: Db, mail: OfferMail, now = Date.now()) {
	const open = await db.select().from(offerTable).where(eq(offerTable.state, 'offered'));
	let lapsed = 0;
	for (const offer of open.filter((o) => replyByPassed(o.replyBy, now))) {
		const claimed = await db
			.update(offerTable)
			.set({ state: 'lapsed', answeredAt: new Date(now) })
			.where(
				and(eq(offerTable.applicationId, offer.applicationId), eq(offerTable.state, 'offered')),
			)
			.returning({ id: offerTable.applicationId });
		if (!claimed.length) continue;
		lapsed++;
		await recordAudit(
			db,
			{
				actorId: null,
				action: 'offer.lapse',
				subjectType: 'application',
				subjectId: offer.applicationId,
				details: { replyBy: offer.replyBy, scheduled: true },
			},
			now,
		);
		await offerNext(db, offer.selectionId, mail, now);
	}
	return lapsed;
}
