/** The charter's admin matters (sections VI–VII) in words, for every page that shows them. Pure. */
import type { VisaStatus } from '~db/schema';
import { formatDay } from '../dates';

/** The four matters as the programme office records them (null fields: not yet). */
export type MatterFields = {
	allowancePaidOn: string | null;
	ticketItinerary: string;
	insuranceConfirmedOn: string | null;
	visaStatus: VisaStatus;
	visaObtainedOn: string | null;
};

/** Nothing recorded yet. */
export const emptyMatters: MatterFields = {
	allowancePaidOn: null,
	ticketItinerary: '',
	insuranceConfirmedOn: null,
	visaStatus: 'pending',
	visaObtainedOn: null,
};

/** Visa choices as the admin form offers them. */
export const visaChoices: { value: VisaStatus; label: string }[] = [
	{ value: 'pending', label: 'Not yet obtained' },
	{ value: 'obtained', label: 'Obtained' },
	{ value: 'not_needed', label: 'Not needed (no visa required)' },
];

/** One line per matter: its label, whether it is settled, and what is known, in words. */
export function describeMatters(m: MatterFields) {
	return [
		{
			key: 'allowance',
			label: 'Subsistence allowance (3,413 EUR, paid by the programme)',
			done: m.allowancePaidOn !== null,
			text: m.allowancePaidOn ? `Paid on ${formatDay(m.allowancePaidOn)}.` : 'Not paid yet.',
		},
		{
			key: 'ticket',
			label: 'Economy return ticket (arranged by RILO A/P)',
			done: m.ticketItinerary !== '',
			text: m.ticketItinerary ? 'Issued.' : 'Not issued yet.',
			itinerary: m.ticketItinerary,
		},
		{
			key: 'insurance',
			label: 'Travel and health insurance (the participant’s own: the programme pays none)',
			done: m.insuranceConfirmedOn !== null,
			text: m.insuranceConfirmedOn
				? `Confirmed on ${formatDay(m.insuranceConfirmedOn)}.`
				: 'Not confirmed to the programme office yet.',
		},
		{
			key: 'visa',
			label: 'Visa for Japan and any transit visas (the participant’s responsibility)',
			done: m.visaStatus !== 'pending',
			text:
				m.visaStatus === 'not_needed'
					? 'Not needed.'
					: m.visaStatus === 'obtained'
						? `Obtained${m.visaObtainedOn ? ` on ${formatDay(m.visaObtainedOn)}` : ''}.`
						: 'Not obtained yet.',
		},
	];
}
