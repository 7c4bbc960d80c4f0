/** The order the programme's dates must follow, and the defaults derived from them. Pure. */
import { addDays, addMonths, type Day } from '../dates';

/** A cohort's dates as entered in the form. */
export type CohortDates = {
	trainingStart: Day;
	trainingEnd: Day;
	ojtStart: Day;
	ojtEnd: Day;
	departureDate: Day;
	outlinePresentationDate: Day;
	reportDueDate: Day;
	correctionsUntil: Day;
};

/** The final report is due within two weeks of leaving Japan. */
export function defaultReportDue(departure: Day): Day {
	return addDays(departure, 14);
}

/** Corrections may be asked for within one month after the programme (which ends at departure). */
export function defaultCorrectionsUntil(departure: Day): Day {
	return addMonths(departure, 1);
}

/** Every broken ordering rule, keyed by the field to show it beside. */
export function cohortDateProblems(d: CohortDates): Partial<Record<keyof CohortDates, string>> {
	const problems: Partial<Record<keyof CohortDates, string>> = {};
	if (d.trainingEnd < d.trainingStart)
		problems.trainingEnd = 'The training week must end on or after its first day.';
	if (d.ojtStart <= d.trainingEnd)
		problems.ojtStart = 'The OJT starts after the training week ends.';
	if (d.ojtEnd < d.ojtStart) problems.ojtEnd = 'The OJT must end on or after its first day.';
	if (d.departureDate < d.ojtEnd)
		problems.departureDate = 'Departure is on or after the last OJT day.';
	if (d.outlinePresentationDate < d.ojtStart || d.outlinePresentationDate > d.departureDate)
		problems.outlinePresentationDate = 'The outline is presented during the OJT, before departure.';
	if (d.reportDueDate <= d.departureDate)
		problems.reportDueDate = 'The final report is due after departure.';
	if (d.correctionsUntil < d.reportDueDate)
		problems.correctionsUntil = 'The corrections window cannot close before the report is due.';
	return problems;
}
