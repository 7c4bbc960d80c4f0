/**
 * The calendar feed's ICS text. Titles and descriptions come from people (a milestone title,
 * a cohort's names), so before the `ics` library escapes them (`\`, `;`, `,`, line feeds) every
 * line break becomes a plain line feed and other control characters go: a lone carriage return
 * would otherwise pass through and start a new property in some calendar programs.
 */
import { createEvents, type Alarm, type EventAttributes } from 'ics';
import { addDays } from './dates';
import type { TimelineItem } from './programme-calendar';
import type { ReportStatus } from '~db/schema';

/** One all-day event of the feed; `endExclusive` is the day after its last day. */
export type FeedEvent = {
	uid: string;
	day: string;
	endExclusive: string;
	title: string;
	description: string;
	/** Days before `day` at which the calendar reminds (a deadline); none for a phase. */
	remindDaysBefore?: number[];
};

/**
 * Which timeline items are deadlines, and how early they are reminded: the final report a week
 * ahead as well, since it takes more than a day to finish and send to three recipients.
 */
const deadlineReminders: Record<string, number[]> = {
	outline: [1],
	report: [7, 1],
	corrections: [1],
};

/**
 * The timeline a participant's feed shows, given where their report stands: once the final
 * report is submitted, "Final report due" (and its reminders) leaves the feed; the corrections
 * window stays while corrections may still be asked.
 */
export function participantTimeline(items: TimelineItem[], report: ReportStatus): TimelineItem[] {
	const submitted = report !== 'outline_drafted' && report !== 'outline_presented';
	return items.filter((item) => !(submitted && item.key === 'report'));
}

/** The feed events of a cohort's timeline: phases as bars, deadlines as one day with reminders. */
export function timelineEvents(cohortId: string, items: TimelineItem[]): FeedEvent[] {
	return items.map((item) => {
		const remindDaysBefore = deadlineReminders[item.key];
		// A deadline is the day it falls due: the corrections window shows on its closing day only.
		const day = remindDaysBefore ? item.end : item.start;
		return {
			uid: `${cohortId}-${item.key}@rilo-ap-portal`,
			day,
			endExclusive: addDays(item.end, 1),
			title: item.label,
			description: item.detail,
			...(remindDaysBefore && { remindDaysBefore }),
		};
	});
}

/** A study milestone as a deadline; a milestone already done needs no reminder. */
export function milestoneEvent(m: {
	id: string;
	title: string;
	dueDate: string;
	doneAt: Date | null;
}): FeedEvent {
	return {
		uid: `${m.id}@rilo-ap-portal`,
		day: m.dueDate,
		endExclusive: addDays(m.dueDate, 1),
		title: `Study milestone: ${m.title}`,
		description: m.doneAt ? 'Done.' : 'Due.',
		...(!m.doneAt && { remindDaysBefore: [1] }),
	};
}

/** Text safe to hand to the `ics` escaper: CR and CRLF become LF, other controls but tab go. */
export function icsText(text: string): string {
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** A TEXT value escaped as the `ics` library escapes summaries; it leaves alarm text as it is. */
function escapeText(text: string): string {
	return icsText(text).replace(/[\\;,]/g, (c) => `\\${c}`);
}

/** Hour of the day a reminder shows (local time of the calendar, as all-day events are). */
const reminderHour = 9;

/**
 * A display reminder at 09:00 `days` days before an all-day event. The trigger counts back from
 * the event's midnight, and always carries hours: the library writes a bare "P1DT" otherwise,
 * which RFC 5545 does not allow.
 */
function reminder(title: string, days: number): Alarm {
	const when = days === 1 ? 'tomorrow' : `in ${days} days`;
	return {
		action: 'display',
		description: escapeText(`${title}: ${when}`),
		trigger: { before: true, days: days - 1, hours: 24 - reminderHour },
	};
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
		alarms: e.remindDaysBefore?.map((days) => reminder(e.title, days)),
		productId: 'rilo-ap-programme-portal',
	}));
	const { error, value } = createEvents(attributes, { calName: icsText(calName) });
	if (error || !value) throw error ?? new Error('calendar could not be built');
	return value;
}
