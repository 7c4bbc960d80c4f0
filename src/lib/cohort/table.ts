/** The cohort page's rows: their shape, the sort orders the column headers offer, and CSV rows. Pure. */
import type { CheckinKind, OjtArea, ReportStatus } from '~db/schema';
import type { BehindReason } from './behind-rules';
import type { Deadline } from '../report/rules';
import { areaNames } from '../logbook/ojt-areas';
import { formatInstant } from '../dates';

/** One participant's row of the cohort page. */
export type CohortRow = {
	participant: { id: string; name: string; administration: string | null };
	modules: { done: number; total: number; dueByNow: number };
	areas: { area: OjtArea; plannedHours: number; loggedMinutes: number; entries: number }[];
	totalMinutes: number;
	waiting: number;
	checkins: { kind: CheckinKind; label: string; heldOn: string | null; due: string }[];
	milestones: { done: number; total: number };
	report: { status: ReportStatus | null; label: string; deadlines: Deadline[] };
	planConfirmed: boolean;
	lastActivity: Date | null;
	reasons: BehindReason[];
};

/** The columns a mentor can sort by, with their header text. */
export const sortKeys = {
	name: 'Participant',
	behind: 'Behind',
	modules: 'Modules',
	hours: 'Hours logged',
	waiting: 'Reviews waiting',
	activity: 'Last activity',
} as const;
export type SortKey = keyof typeof sortKeys;
export type SortDir = 'asc' | 'desc';

/** The sort asked for in the URL, or the default (most reasons first). */
export function parseSort(key: string | null, dir: string | null): { key: SortKey; dir: SortDir } {
	const k = key && key in sortKeys ? (key as SortKey) : 'behind';
	const d = dir === 'asc' || dir === 'desc' ? dir : k === 'name' ? 'asc' : 'desc';
	return { key: k, dir: d };
}

const valueOf: Record<SortKey, (r: CohortRow) => number | string> = {
	name: (r) => r.participant.name.toLowerCase(),
	behind: (r) => r.reasons.length,
	modules: (r) => r.modules.done,
	hours: (r) => r.totalMinutes,
	waiting: (r) => r.waiting,
	activity: (r) => r.lastActivity?.getTime() ?? 0,
};

/** Rows in the asked order; ties by name, so the order is stable. */
export function sortRows(rows: CohortRow[], key: SortKey, dir: SortDir): CohortRow[] {
	const sign = dir === 'asc' ? 1 : -1;
	const byName = (a: CohortRow, b: CohortRow) =>
		a.participant.name.localeCompare(b.participant.name);
	return [...rows].sort((a, b) => {
		const x = valueOf[key](a);
		const y = valueOf[key](b);
		return (x < y ? -sign : x > y ? sign : 0) || byName(a, b);
	});
}

/** The link a column header points to: the same column flips direction, another starts at its default. */
export function sortHref(
	base: URLSearchParams,
	key: SortKey,
	current: { key: SortKey; dir: SortDir },
) {
	const next = new URLSearchParams(base);
	next.set('sort', key);
	const dir: SortDir =
		current.key === key
			? current.dir === 'asc'
				? 'desc'
				: 'asc'
			: key === 'name'
				? 'asc'
				: 'desc';
	next.set('dir', dir);
	return `?${next.toString()}`;
}

const hours = (minutes: number) => (minutes / 60).toFixed(1);

/** One flat record per participant for the CSV export (column order = key order; times in the cohort's zone). */
export function csvRecord(r: CohortRow, timeZone: string): Record<string, string | number> {
	const record: Record<string, string | number> = {
		participant: r.participant.name,
		administration: r.participant.administration ?? '',
		modules_done: r.modules.done,
		modules_total: r.modules.total,
		modules_due_by_now: r.modules.dueByNow,
	};
	for (const a of r.areas) {
		const slug = areaNames[a.area].toLowerCase().replace(/[^a-z]+/g, '_');
		record[`area${a.area}_${slug}_hours_logged`] = hours(a.loggedMinutes);
		record[`area${a.area}_${slug}_hours_planned`] = a.plannedHours;
	}
	return {
		...record,
		hours_logged_total: hours(r.totalMinutes),
		reviews_waiting: r.waiting,
		checkins: r.checkins.map((c) => `${c.label}: ${c.heldOn ?? 'not held'}`).join('; '),
		milestones_done: r.milestones.done,
		milestones_total: r.milestones.total,
		report_status: r.report.label,
		plan_confirmed: r.planConfirmed ? 'yes' : 'no',
		last_activity: r.lastActivity ? formatInstant(r.lastActivity, timeZone) : '',
		behind: r.reasons.length ? 'yes' : 'no',
		reasons: r.reasons.map((x) => x.text).join(' | '),
	};
}
