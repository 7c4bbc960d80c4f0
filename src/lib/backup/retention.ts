/**
 * Which backups to keep: the newest of each hour, day, ISO week and month, for as many of each
 * as the settings say (the usual grandfather-father-son rotation). Pure: names in, names out.
 * Only files named as the portal names them (`portal-<UTC time>.db`) are ever considered, so a
 * file an operator puts beside them is never deleted.
 */
import { getISOWeek, getISOWeekYear } from 'date-fns';

export const periods = ['hourly', 'daily', 'weekly', 'monthly'] as const;
export type Period = (typeof periods)[number];
/** How many of each period's newest backups to keep (0: none on that account). */
export type Keep = Record<Period, number>;

export const defaultKeep: Keep = { hourly: 0, daily: 7, weekly: 4, monthly: 12 };

const prefix = 'portal-';
const suffix = '.db';

/** The file name of a backup taken at `at`: sortable, and readable back by `takenAt`. */
export function backupName(at: Date): string {
	return `${prefix}${at.toISOString().replace(/[:.]/g, '-')}${suffix}`;
}

const namePattern = /^portal-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.db$/;

/** When the backup named `name` was taken, or null for a file that is not one of ours. */
export function takenAt(name: string): Date | null {
	const m = namePattern.exec(name);
	if (!m) return null;
	const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
	return Number.isNaN(at.getTime()) ? null : at;
}

/** The period a time falls in, as a key: equal keys, same hour/day/week/month (UTC). */
function periodKey(period: Period, at: Date): string {
	const iso = at.toISOString();
	switch (period) {
		case 'hourly':
			return iso.slice(0, 13);
		case 'daily':
			return iso.slice(0, 10);
		case 'weekly':
			return `${getISOWeekYear(at)}-W${getISOWeek(at)}`;
		case 'monthly':
			return iso.slice(0, 7);
	}
}

/**
 * Splits backup file names into those to keep and those to delete. The newest backup is always
 * kept; files that are not backups of ours appear in neither list.
 */
export function retention(names: string[], keep: Keep): { keep: string[]; remove: string[] } {
	const dated = names
		.map((name) => ({ name, at: takenAt(name) }))
		.filter((b): b is { name: string; at: Date } => b.at !== null)
		.sort((a, b) => b.at.getTime() - a.at.getTime());
	const kept = new Set(dated.slice(0, 1).map((b) => b.name));
	for (const period of periods) {
		const seen = new Set<string>();
		for (const backup of dated) {
			if (seen.size >= keep[period]) break;
			const key = periodKey(period, backup.at);
			if (seen.has(key)) continue;
			seen.add(key);
			kept.add(backup.name);
		}
	}
	return {
		keep: dated.filter((b) => kept.has(b.name)).map((b) => b.name),
		remove: dated.filter((b) => !kept.has(b.name)).map((b) => b.name),
	};
}

/**
 * Reads a retention setting such as `daily=7,weekly=4,monthly=12` (any order, missing periods
 * are 0 once one is given). Throws a sentence naming the problem.
 */
export function parseKeep(text: string | undefined): Keep {
	if (!text?.trim()) return { ...defaultKeep };
	const keep: Keep = { hourly: 0, daily: 0, weekly: 0, monthly: 0 };
	for (const part of text.split(',')) {
		const m = /^\s*(hourly|daily|weekly|monthly)\s*=\s*(\d{1,4})\s*$/.exec(part);
		if (!m)
			throw new Error(
				`BACKUP_KEEP: "${part.trim()}" is not of the form daily=7 (periods: ${periods.join(', ')}).`,
			);
		keep[m[1] as Period] = Number(m[2]);
	}
	return keep;
}

/**
 * True when a new backup is due: none yet, or the newest is one period old. A minute's slack
 * keeps a daily backup at about the same time of day instead of drifting by the clock's tick.
 */
export function backupDue(names: string[], everyMs: number, now: Date): boolean {
	const newest = Math.max(...names.map((n) => takenAt(n)?.getTime() ?? -Infinity));
	return !Number.isFinite(newest) || now.getTime() - newest >= everyMs - 60_000;
}
