/**
 * Calendar-day helpers. Programme dates are plain days ('YYYY-MM-DD') in the cohort's time
 * zone, so arithmetic happens on days, never on instants (no daylight-saving surprises).
 */
import {
	addDays as addDaysFns,
	addMonths as addMonthsFns,
	differenceInCalendarDays,
	format,
	isValid,
	parseISO,
} from 'date-fns';

/** A 'YYYY-MM-DD' string. */
export type Day = string;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a well-formed, real calendar day. */
export function isDay(value: string): value is Day {
	if (!dayPattern.test(value)) return false;
	const parsed = parseISO(value);
	return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

/** The day `n` days after `day` (negative goes back). */
export function addDays(day: Day, n: number): Day {
	return format(addDaysFns(parseISO(day), n), 'yyyy-MM-dd');
}

/** The same day `n` months later (clamped to the month's end, as date-fns does). */
export function addMonths(day: Day, n: number): Day {
	return format(addMonthsFns(parseISO(day), n), 'yyyy-MM-dd');
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
	return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Intl formatters are costly to build (a fraction of a millisecond each): one per zone and use. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = make()));
	return f;
}

/** Today's date in a time zone, e.g. todayIn('Asia/Tokyo'). */
export function todayIn(timeZone: string, now = new Date()): Day {
	return formatter(
		`day:${timeZone}`,
		() =>
			new Intl.DateTimeFormat('en-CA', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
			}),
	).format(now);
}

/** A day for people: "Mon 30 Nov 2026". */
export function formatDay(day: Day): string {
	return format(parseISO(day), 'EEE d MMM yyyy');
}

/** An instant for people, in a time zone: "30 Nov 2026, 14:05". */
export function formatInstant(at: Date, timeZone = 'Asia/Tokyo'): string {
	return formatter(
		`instant:${timeZone}`,
		() =>
			new Intl.DateTimeFormat('en-GB', {
				timeZone,
				day: 'numeric',
				month: 'short',
				year: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
			}),
	).format(at);
}

/** True when `day` lies within [start, end], both inclusive. */
export function isWithin(day: Day, start: Day, end: Day): boolean {
	return day >= start && day <= end;
}
