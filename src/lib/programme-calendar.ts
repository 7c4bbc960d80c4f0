/** The programme's timeline from a cohort's dates: phases and deadlines, with where today falls. */
import { addDays, daysBetween, type Day } from './dates';
import type { CohortDates } from './cohort/rules';

/** The dates a timeline needs (a cohort row has them all). */
export type ProgrammeDates = CohortDates & { edition: string };

export type TimelineItem = {
	key: string;
	label: string;
	start: Day;
	end: Day;
	detail: string;
	/** Where the item stands on `today`. */
	status: 'past' | 'current' | 'upcoming';
};

/** The three OJT weeks: seven-day blocks from the OJT start, the last one ending with the OJT. */
export function ojtWeeks(
	dates: Pick<ProgrammeDates, 'ojtStart' | 'ojtEnd'>,
): { week: number; start: Day; end: Day }[] {
	const weeks = [];
	for (let week = 1; week <= 3; week++) {
		const start = addDays(dates.ojtStart, (week - 1) * 7);
		if (start > dates.ojtEnd) break;
		const end = week === 3 ? dates.ojtEnd : minDay(addDays(start, 6), dates.ojtEnd);
		weeks.push({ week, start, end });
	}
	return weeks;
}

function minDay(a: Day, b: Day): Day {
	return a < b ? a : b;
}

function statusOf(start: Day, end: Day, today: Day): TimelineItem['status'] {
	if (today > end) return 'past';
	if (today < start) return 'upcoming';
	return 'current';
}

/** Every phase and deadline in date order. */
export function buildTimeline(d: ProgrammeDates, today: Day): TimelineItem[] {
	const items: Omit<TimelineItem, 'status'>[] = [
		{
			key: 'training',
			label: 'Training week',
			start: d.trainingStart,
			end: d.trainingEnd,
			detail:
				'CEN applications, data analysis and visualisation, RILO roles: the curriculum modules.',
		},
		...ojtWeeks(d).map((w) => ({
			key: `ojt-${w.week}`,
			label: `OJT week ${w.week}`,
			start: w.start,
			end: w.end,
			detail:
				'On-the-job training with RILO A/P staff; keep the logbook and the thematic study going.',
		})),
		{
			key: 'outline',
			label: 'Report outline presented',
			start: d.outlinePresentationDate,
			end: d.outlinePresentationDate,
			detail: 'Present the outline of your final report before leaving Japan.',
		},
		{
			key: 'departure',
			label: 'Departure from Japan',
			start: d.departureDate,
			end: d.departureDate,
			detail: 'The two weeks for the final report start now.',
		},
		{
			key: 'report',
			label: 'Final report due',
			start: d.reportDueDate,
			end: d.reportDueDate,
			detail: 'Send it to RILO A/P, the WCO Secretariat and your home administration.',
		},
		{
			key: 'corrections',
			label: 'Corrections window closes',
			start: addDays(d.reportDueDate, 1),
			end: d.correctionsUntil,
			detail: 'The WCO or RILO A/P may ask for corrections until this day.',
		},
	];
	return items.map((item) => ({ ...item, status: statusOf(item.start, item.end, today) }));
}

/** Days from today to a day; negative when it has passed. */
export function daysLeft(today: Day, day: Day): number {
	return daysBetween(today, day);
}

/** The OJT week `today` falls in, or null outside the OJT. */
export function currentOjtWeek(
	weeks: { week: number; start: Day; end: Day }[],
	today: Day,
): number | null {
	return weeks.find((w) => today >= w.start && today <= w.end)?.week ?? null;
}
