/**
 * The call's dates: a deadline day runs until 23:59 Tokyo time (RILO A/P is in Tokyo), and a
 * new edition takes the last one's dates and texts a year later. Pure.
 */
import { formatDay, type Day } from '~/lib/dates';

/** The first instant after the deadline day, in Tokyo time (UTC+9, no daylight saving). */
export function deadlinePassesAt(deadline: Day): Date {
	return new Date(new Date(`${deadline}T00:00:00+09:00`).getTime() + 86_400_000);
}

/** True while applications and nominations are accepted. */
export function callIsOpen(deadline: Day, now = Date.now()): boolean {
	return now < deadlinePassesAt(deadline).getTime();
}

/** The deadline as people read it: "Fri 31 Jul 2026, 23:59 Tokyo time". */
export function formatDeadline(deadline: Day): string {
	return `${formatDay(deadline)}, 23:59 Tokyo time`;
}

/** Every year in a text moved on by `years` ("2026/2027" -> "2027/2028"). */
export function shiftYears(text: string, years = 1): string {
	return text.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + years));
}

/** The same calendar day `years` later (29 February becomes 28 February). */
export function shiftDay(day: Day, years = 1): Day {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const year = y + years;
	const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
	return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The edition's name as it appears in an address: "2026/2027" -> "2026-2027". */
export function editionSlug(name: string): string {
	return (
		name
			.trim()
			.toLowerCase()
			.replace(/[^0-9a-z]+/g, '-')
			.replace(/^-|-$/g, '') || 'edition'
	);
}
