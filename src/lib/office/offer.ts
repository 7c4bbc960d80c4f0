/**
 * Offers of a place: the reply-by date, the states an offer goes through, the charter's terms the
 * candidate accepts, and the wording of the offer notice. Pure.
 */
import { addDays, dayOf, officeTimeZone, type Day } from '~/lib/dates';
import { callIsOpen, formatDeadline } from './call-dates';
import type { OfferState } from '~db/schema';

/** Days the selected have to answer, unless the selection says otherwise. */
export const defaultReplyDays = 14;

/** The last day to answer: `days` Tokyo days after `from`. */
export function replyByDay(from: Date, days: number): Day {
	return addDays(dayOf(from, officeTimeZone), days);
}

/** True once the reply-by day (until 23:59 Tokyo time) has passed. */
export function replyByPassed(replyBy: Day, now = Date.now()): boolean {
	return !callIsOpen(replyBy, now);
}

/** The reply-by date as people read it. */
export const formatReplyBy = formatDeadline;

/** How each state reads on the selection page; candidates not offered a place are the reserve. */
export const offerStateLabel: Record<OfferState | 'reserve', string> = {
	offered: 'Offered, waiting for an answer',
	accepted: 'Accepted',
	declined: 'Declined',
	lapsed: 'Lapsed (no answer by the date)',
	reserve: 'Reserve',
};

/**
 * The charter's further cost terms, named where they bind without restating them: their wording
 * is the charter's own (sections VI(c)–(d) and VII).
 */
export const charterCostTerms =
	'The Programme Charter (sections VI(c)–(d) and VII) also says who bears the cost of transport to and from the airport, of changing or cancelling a ticket, of the vaccinations the journey requires, and of a place declined late: read them before accepting, and ask the programme office if anything is unclear.';

/** The charter's terms that bind a participant who accepts (charter VI and VII). */
export const offerTerms = [
	'The programme pays a subsistence allowance of 3,413 EUR for the stay (accommodation arranged by the programme, meals, incidentals).',
	'RILO A/P arranges an economy return ticket.',
	'The programme provides no insurance: the participant arranges their own.',
	'The visa and any transit visa are the participant’s responsibility; RILO A/P provides an enrolment letter for the visa application.',
	'Family members cannot accompany the participant.',
	charterCostTerms,
];

/** What an offer notice is about. */
export type OfferFacts = {
	candidateName: string;
	edition: string;
	programmePeriod: string;
	venue: string;
	replyBy: Day;
	/** The candidate's link to answer. */
	link: string;
};

/** The subject of an offer from the reserve list. */
export function offerSubject(f: OfferFacts): string {
	return `RILO A/P Programme ${f.edition}: a place offered to ${f.candidateName}`;
}

/** The paragraph that asks the selected candidate to answer, with the date and the link. */
export function replyParagraph(f: Pick<OfferFacts, 'replyBy' | 'link'>): string {
	return `Please accept or decline the place by ${formatReplyBy(f.replyBy)}, from this link (no account needed; keep it to yourself): ${f.link} — the page states the terms you accept. Without an answer by then, the place is offered to the next candidate of the reserve list.`;
}

/** The offer to a candidate of the reserve list, as plain text. */
export function offerText(f: OfferFacts): string {
	return [
		`Dear ${f.candidateName},`,
		`A place in the ${f.edition} edition of the WCO Asia/Pacific Regional Data/Intelligence Professionals Programme has become available, and the WCO Secretariat and the programme office of RILO A/P offer it to you, as the next candidate of the reserve list.`,
		`The programme runs ${f.programmePeriod} at ${f.venue}.`,
		replyParagraph(f),
		...offerTerms,
		'The WCO Secretariat, World Customs Organization',
		'Copy: the programme office of the Regional Intelligence Liaison Office for Asia and the Pacific (RILO A/P)',
	].join('\n\n');
}
