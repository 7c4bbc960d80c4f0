/**
 * Rules of the log-entry form that pages, the form's script and tests share: saved entry to
 * form values, which activities belong to an area, when the networking fields apply, and the
 * message each outcome shows. Pure.
 */
import type { EntryStatus, LogEntry } from '~db/schema';
import { activities, isArea } from './ojt-areas';

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

/** The area whose fields are networking-only. */
export const networkingArea = 4;

/** True when the networking fields (counterpart, format, follow-up) apply to the chosen area. */
export function showsNetworkingFields(area: string | number | undefined): boolean {
	return Number(area) === networkingArea;
}

/**
 * The activity keys the list offers for the chosen area: that area's presets and 'other'; with
 * no area chosen yet, every preset (grouped by area on the page).
 */
export function activityKeysFor(area: string | number | undefined): string[] {
	const n = Number(area);
	const areas = isArea(n) ? [n] : ([1, 2, 3, 4] as const);
	return [...areas.flatMap((a) => activities[a].map((x) => x.key)), 'other'];
}

/** What the save buttons ask for: keep a draft, or save and send for review in one step. */
export type SaveIntent = 'draft' | 'submit';

/** Messages shown once, right after the action named by `?done=`. */
export const entryFlashes = {
	'draft-saved': 'Draft saved. It stays a draft until you submit it for review.',
	saved: 'Changes saved. Submit the entry again when it is ready.',
	submitted: 'Submitted for review. Your mentors have been notified.',
	decided: 'Decision recorded.',
	reopened: 'Entry reopened: the participant can change it now.',
	undone: 'Decision undone: the entry waits for review again.',
	commented: 'Comment added.',
	resolved: 'Comment marked resolved.',
	attached: 'Material attached to this entry.',
	detached: 'Material detached from this entry; it stays in your materials register.',
} as const;

/** The `?done=` key after a save: submitted, a draft saved, or changes to a returned entry. */
export function flashAfterSave(intent: SaveIntent, status: EntryStatus): keyof typeof entryFlashes {
	if (intent === 'submit') return 'submitted';
	return status === 'draft' ? 'draft-saved' : 'saved';
}

/** The sections a preview shows, as the entry page will: label and Markdown text. */
export function previewSections(v: Record<string, string>): [string, string][] {
	return [
		['What was done', v.summary ?? ''],
		['Outputs produced (intelligence materials)', v.outputs ?? ''],
		['What I learned, and its relevance to my administration', v.learning ?? ''],
		...(showsNetworkingFields(v.area)
			? [['Follow-up actions', v.followUp ?? ''] as [string, string]]
			: []),
	];
}
