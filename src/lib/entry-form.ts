/** Turning a saved entry into form values (hours as typed, not minutes). Pure. */
import type { LogEntry } from '~db/schema';

/** The entry's fields as the form shows them. */
export function entryToFormValues(e: LogEntry): Record<string, string> {
	return {
		date: e.date,
		area: String(e.area),
		activity: e.activity,
		activityOther: e.activityOther,
		title: e.title,
		hours: String(Math.round((e.minutes / 60) * 100) / 100),
		summary: e.summary,
		outputs: e.outputs,
		learning: e.learning,
		handling: e.handling,
		counterpart: e.counterpart,
		meetingFormat: e.meetingFormat,
		followUp: e.followUp,
	};
}
