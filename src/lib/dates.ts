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

/**
 * The zone of the programme office in Tokyo: the call's deadline is "23:59 Tokyo time", so pages
 * and files without a cohort (an edition, the office's own) give their dates here.
 */
export const officeTimeZone = 'Asia/Tokyo';

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

/**
 * Intl formatters cost far more to create than to use (a tenth of a millisecond each, on every
 * request that shows a date), so one is kept per time zone and kind.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatterFor(
	locale: string,
	options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
	return formatter;
}

/**
 * The calendar day an instant falls on in a time zone: 2026-12-07T16:36Z is '2026-12-08' in
 * Asia/Tokyo. The only way a day is derived from an instant: `toISOString().slice(0, 10)` gives
 * the UTC day and date-fns the server's, neither of them the cohort's.
 */
export function dayOf(at: Date, timeZone: string): Day {
	// en-CA writes dates as YYYY-MM-DD.
	return formatterFor('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(at);
}

/** Today's date in a time zone, e.g. todayIn('Asia/Tokyo'). */
export function todayIn(timeZone: string, now = new Date()): Day {
	return dayOf(now, timeZone);
}

/** A day for people: "Mon 30 Nov 2026". */
export function formatDay(day: Day): string {
	return format(parseISO(day), 'EEE d MMM yyyy');
}

/** The day of an instant for people, in a time zone: "Tue 8 Dec 2026" for 2026-12-07T16:36Z in Tokyo. */
export function formatInstantDay(at: Date, timeZone: string): string {
	return formatDay(dayOf(at, timeZone));
}

/** An instant for people, in a time zone: "30 Nov 2026, 14:05" (24-hour, as every time here). */
export function formatInstant(at: Date, timeZone = officeTimeZone): string {
	return formatterFor('en-GB', {
		timeZone,
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(at);
}

/**
 * The time of day of an instant in a time zone, 24-hour: "01:34", never "01:34 AM" (built from
 * the parts, so a browser whose locale data lacks en-GB still says it the same way).
 */
export function formatClock(at: Date, timeZone = officeTimeZone): string {
	const parts = formatterFor('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(at);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
	return `${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}`;
}

/**
 * How a page names a time zone after a time: "Tokyo time" for Asia/Tokyo, "New York time" for
 * America/New_York. The IANA city reads better than an abbreviation, which Intl gives only for a
 * few zones ("GMT+7" for Bangkok). The Etc/ zones have no city and their names invert the sign
 * (Etc/GMT+5 is five hours behind UTC), so they are named by their offset instead.
 */
export function zoneLabel(timeZone: string): string {
	const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone);
	if (etc && Number(etc[2]) !== 0) return `UTC${etc[1] === '+' ? '-' : '+'}${Number(etc[2])}`;
	if (/^(Etc\/)?(UTC|UCT|GMT([+-]?0)?|Zulu|Universal|Greenwich)$/.test(timeZone)) return 'UTC';
	const city = timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ');
	return `${city} time`;
}

/** True when `day` lies within [start, end], both inclusive. */
export function isWithin(day: Day, start: Day, end: Day): boolean {
	return day >= start && day <= end;
}
