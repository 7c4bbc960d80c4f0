/**
 * How long the passport data of the enrolment letter is kept: the charter's purpose for it is the
 * visa, so it goes a set number of days after the programme ends (the cohort's departure day, in
 * the cohort's time zone). Pure.
 */
import { addDays, type Day } from '~/lib/dates';

/** Days after the programme's last day (departure) that the passport data is kept, then erased. */
export const PASSPORT_RETENTION_DAYS = 30;

/** The first day on which the cohort's passport data is due for erasure. */
export function passportErasureDay(departureDate: Day, days = PASSPORT_RETENTION_DAYS): Day {
	return addDays(departureDate, days + 1);
}

/** True once the cohort's passport data has been kept as long as the rule allows. */
export function passportErasureDue(
	departureDate: Day,
	today: Day,
	days = PASSPORT_RETENTION_DAYS,
): boolean {
	return today >= passportErasureDay(departureDate, days);
}
