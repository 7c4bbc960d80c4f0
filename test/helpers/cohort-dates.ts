/**
 * The factory cohort's programme, day by day: the calendar unit tests and cohortInput() share it,
 * and the integration tests' fixed clocks (OJT days, deadlines) are read against it.
 */
export const factoryDates = {
	trainingStart: '2026-11-30',
	trainingEnd: '2026-12-04',
	ojtStart: '2026-12-07',
	ojtEnd: '2026-12-25',
	outlinePresentationDate: '2026-12-24',
	departureDate: '2026-12-26',
	reportDueDate: '2027-01-09',
	correctionsUntil: '2027-01-26',
};
