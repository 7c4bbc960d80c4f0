/**
 * Working days (Monday to Friday) on plain 'YYYY-MM-DD' days. Public holidays are not known to
 * the portal, so a reminder may come a day early around one; never a day late.
 */
import { isWorkingDay } from '../cohort/behind-rules';
import { addDays, type Day } from '../dates';

/** The day `n` working days after `day` (n ≥ 0); from a weekend the count starts on Monday. */
export function addWorkingDays(day: Day, n: number): Day {
	let current = day;
	let left = n;
	while (left > 0) {
		current = addDays(current, 1);
		if (isWorkingDay(current)) left--;
	}
	return current;
}

/** How many working days lie after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: Day, to: Day): number {
	let count = 0;
	for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
	return count;
}
