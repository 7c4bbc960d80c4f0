/** The three check-ins in order, and when each is due given the OJT dates. Pure. */
import type { CheckinKind } from '~db/schema';
import { addDays, daysBetween, type Day } from '../dates';

export const checkinLabels: { kind: CheckinKind; label: string }[] = [
	{ kind: 'start', label: 'Start of OJT' },
	{ kind: 'mid', label: 'Mid-OJT' },
	{ kind: 'departure', label: 'Before departure' },
];

/** The last day each check-in should have happened by (a teaching design, not a WCO rule). */
export function checkinDueDates(ojtStart: Day, ojtEnd: Day): Record<CheckinKind, Day> {
	return {
		start: addDays(ojtStart, 2),
		mid: addDays(ojtStart, Math.floor(daysBetween(ojtStart, ojtEnd) / 2) + 2),
		departure: ojtEnd,
	};
}

/** Check-ins whose due day has passed without a record. */
export function missedCheckins(
	done: CheckinKind[],
	ojtStart: Day,
	ojtEnd: Day,
	today: Day,
): CheckinKind[] {
	const due = checkinDueDates(ojtStart, ojtEnd);
	return checkinLabels
		.map((c) => c.kind)
		.filter((kind) => today > due[kind] && !done.includes(kind));
}
