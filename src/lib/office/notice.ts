/**
 * The wording of the decision notices, for the selected and the not selected, to the candidate
 * and to their nominating officer. The email and the printable letter share it. Pure.
 */
import { charterCostTerms, formatReplyBy, replyParagraph } from './offer';

/** What a notice is about. */
export type NoticeFacts = {
	candidateName: string;
	officerName: string;
	administration: string;
	edition: string;
	/** The edition's exact dates when its cohort is set up, else its period in words. */
	programmePeriod: string;
	venue: string;
	selected: boolean;
	/** The day of the decision, in words. */
	decidedOn: string;
	/** Months after the decision an unsuccessful application is deleted. */
	retentionMonths: number;
	/** For the selected: the last day to accept or decline, and the candidate's link to answer. */
	replyBy?: string;
	offerLink?: string;
};

/** Who a notice goes to. */
export type NoticeRecipient = 'candidate' | 'officer';

/** In whose name notices go (the charter: "the WCO will inform participants"). */
export const noticeSigner = 'The WCO Secretariat, World Customs Organization';

/** Who is in copy of every notice. */
export const noticeCopy =
	'Copy: the programme office of the Regional Intelligence Liaison Office for Asia and the Pacific (RILO A/P)';

/** The subject line of a notice. */
export function noticeSubject(f: NoticeFacts): string {
	return `RILO A/P Programme ${f.edition}: ${f.selected ? 'selection of' : 'application of'} ${f.candidateName}`;
}

/** The paragraphs of a notice, from the salutation to the signature. */
export function noticeParagraphs(f: NoticeFacts, to: NoticeRecipient): string[] {
	const you = to === 'candidate';
	const dear = `Dear ${you ? f.candidateName : f.officerName},`;
	const who = you ? 'you' : f.candidateName;
	const their = you ? 'your' : `${f.candidateName}’s`;
	const body = f.selected
		? [
				`On ${f.decidedOn}, the WCO Secretariat and the programme office of RILO A/P, in close consultation, selected ${who} for the ${f.edition} edition of the WCO Asia/Pacific Regional Data/Intelligence Professionals Programme, nominated by ${f.administration}.`,
				`The programme runs ${f.programmePeriod} at ${f.venue}. ${you ? 'You will receive' : `${f.candidateName} will receive`} an invitation to the programme portal, then an enrolment letter for the visa application. The programme pays an allowance of 3,413 EUR for the stay and a return economy ticket; insurance, the visa and any transit visa are the participant’s responsibility.`,
				charterCostTerms,
				...(f.replyBy
					? [
							you && f.offerLink
								? replyParagraph({ replyBy: f.replyBy, link: f.offerLink })
								: `${you ? 'You are' : `${f.candidateName} is`} asked to accept or decline the place by ${formatReplyBy(f.replyBy)}; without an answer by then, the place is offered to the next candidate of the reserve list. No family members can accompany the participant.`,
						]
					: []),
				you
					? 'Congratulations. We look forward to welcoming you in Tokyo.'
					: 'Thank you for the nomination. We look forward to welcoming your officer in Tokyo.',
			]
		: [
				`Thank you for ${their} application to the ${f.edition} edition of the WCO Asia/Pacific Regional Data/Intelligence Professionals Programme, nominated by ${f.administration}.`,
				`On ${f.decidedOn}, the WCO Secretariat and the programme office of RILO A/P, in close consultation, made their selection. The programme takes at most four officers, one per Member administration, and ${their} application was not among those selected this year.`,
				`A new call opens for every edition and ${you ? 'you may' : `${f.candidateName} may`} be nominated again. As stated in the call, the application and its nomination are deleted ${f.retentionMonths} month${f.retentionMonths === 1 ? '' : 's'} after the decision.`,
			];
	return [dear, ...body, noticeSigner, noticeCopy];
}

/** The notice as plain text, for email. */
export function noticeText(f: NoticeFacts, to: NoticeRecipient): string {
	return noticeParagraphs(f, to).join('\n\n');
}
