/**
 * The calendar feed's ICS text. Titles and descriptions come from people (a milestone title,
 * a cohort's names), so before the `ics` library escapes them (`\`, `;`, `,`, line feeds) every
 * line break becomes a plain line feed and other control characters go: a lone carriage return
 * would otherwise pass through and start a new property in some calendar programs.
 */
import { createEvents, type EventAttributes } from 'ics';

/** One all-day event of the feed; `endExclusive` is the day after its last day. */
export type FeedEvent = {
	uid: string;
	day: string;
	endExclusive: string;
	title: string;
	description: string;
};

/** Text safe to hand to the `ics` escaper: CR and CRLF become LF, other controls but tab go. */
export function icsText(text: string): string {
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** 'YYYY-MM-DD' as the [year, month, day] the `ics` library takes. */
function dateArray(day: string): [number, number, number] {
	return day.split('-').map(Number) as [number, number, number];
}

/** The ICS text of a calendar named `calName` with `events`; throws if it cannot be built. */
export function buildIcs(calName: string, events: FeedEvent[]): string {
	const attributes: EventAttributes[] = events.map((e) => ({
		uid: icsText(e.uid),
		title: icsText(e.title),
		description: icsText(e.description),
		start: dateArray(e.day),
		end: dateArray(e.endExclusive),
		productId: 'rilo-ap-programme-portal',
	}));
	const { error, value } = createEvents(attributes, { calName: icsText(calName) });
	if (error || !value) throw error ?? new Error('calendar could not be built');
	return value;
}
