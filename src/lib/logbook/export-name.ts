/** The logbook download's file name. Pure. */
import { dayOf } from '../dates';

/**
 * "ojt-logbook-2026-12-08.csv": the day of `at` in the cohort's zone, so a file saved at 01:36
 * in Tokyo is named after that Tokyo day and not the UTC one before it.
 */
export function logbookCsvName(at: Date, timeZone: string): string {
	return `ojt-logbook-${dayOf(at, timeZone)}.csv`;
}
