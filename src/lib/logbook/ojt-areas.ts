/** The four OJT areas and the activity presets within each. Keys are stored: never rename one. */
import type { OjtArea } from '~db/schema';

export type Activity = { key: string; label: string };

export const areaNames: Record<OjtArea, string> = {
	1: 'RILO A/P roles and functions',
	2: 'CEN-related tasks',
	3: 'Data analysis',
	4: 'Networking',
};

/** Presets per area; every area also offers 'other' with a free description. */
export const activities: Record<OjtArea, Activity[]> = {
	1: [
		{ key: 'liaison', label: 'Liaison of information exchange' },
		{ key: 'ocu-operation', label: 'OCU: operation management' },
		{ key: 'ocu-project', label: 'OCU: project management' },
		{ key: 'intelligence-request', label: 'Responding to an intelligence request' },
		{ key: 'briefing', label: 'Briefing or meeting with RILO A/P staff' },
	],
	2: [
		{ key: 'cen-data-entry', label: 'CEN data entry' },
		{ key: 'cen-data-quality', label: 'CEN data quality check' },
		{ key: 'cen-search', label: 'CEN search and retrieval' },
		{ key: 'cencomm', label: 'CENcomm message handling' },
		{ key: 'ncen', label: 'nCEN and national data' },
	],
	3: [
		{ key: 'data-cleaning', label: 'Data cleaning' },
		{ key: 'trend-analysis', label: 'Trend analysis' },
		{ key: 'route-analysis', label: 'Route or modus operandi analysis' },
		{ key: 'visualisation', label: 'Visualisation or dashboard' },
		{ key: 'alert-drafting', label: 'Alert or intelligence product drafting' },
	],
	4: [
		{ key: 'bilateral-online', label: 'Online bilateral meeting' },
		{ key: 'event', label: 'Event (meeting, workshop, conference)' },
		{ key: 'visit', label: 'Visit' },
	],
};

/** Formats a networking contact can take. */
export const meetingFormats = [
	'Online meeting',
	'In person',
	'Event session',
	'Email or message exchange',
] as const;

/** True for a known area number. */
export function isArea(n: number): n is OjtArea {
	return n === 1 || n === 2 || n === 3 || n === 4;
}

/** The label of an activity key in an area ('other' shows its own description). */
export function activityLabel(area: OjtArea, key: string, other = ''): string {
	if (key === 'other') return other ? `Other: ${other}` : 'Other';
	return activities[area].find((a) => a.key === key)?.label ?? key;
}

/** True when the key is a preset of the area, or 'other'. */
export function isActivityOf(area: OjtArea, key: string): boolean {
	return key === 'other' || activities[area].some((a) => a.key === key);
}

/** Human status labels. */
export const statusLabels = {
	draft: 'Draft',
	submitted: 'Submitted — awaiting review',
	approved: 'Approved',
	changes_requested: 'Changes requested',
} as const;
