/**
 * "Draft from my log": turns approved log entries into an activities summary grouped by area
 * and week, and their outputs into a list of intelligence materials. Pure; restricted entries
 * are summarised without their text.
 */
import type { LogEntry, OjtArea } from '~db/schema';
import { areaNames } from '../logbook/ojt-areas';
import { formatDay, isWithin, type Day } from '../dates';
import { hoursAndMinutes } from '../logbook/coverage';

type Week = { week: number; start: Day; end: Day };

function weekOf(date: Day, weeks: Week[]): number | null {
	return weeks.find((w) => isWithin(date, w.start, w.end))?.week ?? null;
}

/** Markdown outline of the approved activities, by area then week. */
export function draftActivities(entries: LogEntry[], weeks: Week[]): string {
	const approved = entries.filter((e) => e.status === 'approved');
	if (!approved.length) return '';
	const lines: string[] = [];
	for (const area of [1, 2, 3, 4] as OjtArea[]) {
		const inArea = approved.filter((e) => e.area === area);
		if (!inArea.length) continue;
		const total = inArea.reduce((n, e) => n + e.minutes, 0);
		lines.push(
			`- **(${area}) ${areaNames[area]}** — ${inArea.length} activities, ${hoursAndMinutes(total)}`,
		);
		for (const week of [...weeks.map((w) => w.week), null]) {
			const list = inArea.filter((e) => weekOf(e.date, weeks) === week);
			if (!list.length) continue;
			lines.push(`  - ${week ? `Week ${week}` : 'Outside the OJT weeks'}:`);
			for (const e of list)
				lines.push(
					`    - ${formatDay(e.date)}: ${e.handling === 'restricted' ? 'restricted activity (details stay in the portal)' : e.title}`,
				);
		}
	}
	return lines.join('\n');
}

/** Markdown list of the intelligence materials named in approved entries' outputs. */
export function draftMaterials(entries: LogEntry[]): string {
	const lines: string[] = [];
	for (const e of entries.filter((x) => x.status === 'approved' && x.outputs.trim())) {
		if (e.handling === 'restricted') {
			lines.push(`- Restricted material of ${formatDay(e.date)} (not listed outside the portal)`);
			continue;
		}
		for (const raw of e.outputs.split('\n')) {
			const item = raw.replace(/^\s*[-*+]\s*/, '').trim();
			if (item) lines.push(`- ${item} (${formatDay(e.date)}, ${areaNames[e.area]})`);
		}
	}
	return lines.join('\n');
}

/** Adds a drafted block under what the participant wrote, never replacing it. */
export function appendDraft(existing: string, draft: string, heading: string): string {
	if (!draft) return existing;
	if (!existing.trim()) return draft;
	return `${existing.trimEnd()}\n\n**${heading}**\n\n${draft}`;
}
