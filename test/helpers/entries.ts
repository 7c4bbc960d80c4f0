/** A valid log entry input, overridable, dated inside the factory cohort's OJT. */
import type { EntryInput } from '~/lib/server/logbook/entry';

export function entryInput(overrides: Partial<EntryInput> = {}): EntryInput {
	return {
		date: '2026-12-08',
		area: 3,
		activity: 'trend-analysis',
		activityOther: '',
		title: 'Monthly trend of postal seizures',
		minutes: 90,
		summary: 'Built a monthly series from the synthetic data set.',
		outputs: '- one chart',
		learning: 'Seasonality matters.',
		handling: 'unrestricted',
		counterpart: '',
		meetingFormat: '',
		followUp: '',
		...overrides,
	};
}

/** The same entry as the browser posts the logbook form: every value text, hours for minutes. */
export function entryForm(input: EntryInput): URLSearchParams {
	const { minutes, ...fields } = input;
	const form = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
	form.set('hours', String(minutes / 60));
	return form;
}
