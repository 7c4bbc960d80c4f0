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

/**
 * Fixed clocks on the factory cohort's days, at noon in Tokyo (03:00 UTC), so each one falls
 * squarely on the Tokyo day its name describes.
 */
export const factoryMoments = {
	/** 20 Dec: during the OJT, before departure. */
	duringOjt: new Date('2026-12-20T03:00:00Z'),
	/** 27 Dec: the day after departure. */
	dayAfterDeparture: new Date('2026-12-27T03:00:00Z'),
	/** 5 Jan: after departure, inside the corrections window. */
	afterDeparture: new Date('2027-01-05T03:00:00Z'),
	/** 27 Jan: the day after the corrections window closed. */
	afterCorrections: new Date('2027-01-27T03:00:00Z'),
};
