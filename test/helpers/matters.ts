import type { MatterFields } from '~/lib/enrolment/matters';

/** Admin matters all settled (allowance, ticket, insurance, visa obtained), overridable. */
export const settledMatters = (over: Partial<MatterFields> = {}): MatterFields => ({
	allowancePaidOn: '2026-11-02',
	ticketItinerary: 'NRT in 29 Nov, out 26 Dec',
	insuranceConfirmedOn: '2026-11-01',
	visaStatus: 'obtained',
	visaObtainedOn: '2026-11-10',
	...over,
});
