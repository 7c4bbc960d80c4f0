/**
 * The practice search: filters over the synthetic data set and the participant's own records,
 * a page of results, and counts by group. The query lives in the URL, so a search is a link that
 * can be saved, shared with a mentor and exported.
 */
import type { Db } from '~db/client';
import { fromPractice, syntheticRows, type SearchRow } from './dataset';
import { listSeizures } from './seizure';
import { commodityCategories, commodityTypesOf } from './codes';

/** The filters, as they appear in the URL. */
export type SearchQuery = {
	from: string;
	to: string;
	category: string;
	commodity: string;
	country: string;
	/** Which role the country plays: any, origin, departure, transit, destination, reporting. */
	role: string;
	mode: string;
	concealment: string;
	/** 'all' (regional, CEN-like) or 'mine' (only the participant's practice records). */
	scope: string;
	group: string;
};

/** Roles a country can play in a record. */
export const countryRoles = [
	'any',
	'reporting',
	'origin',
	'departure',
	'transit',
	'destination',
] as const;

/** The year and month of a record's day ("2025-09-02" → [2025, 9]), or null without a day. */
function yearMonth(date: string): [number, number] | null {
	const m = /^(\d{4})-(\d{2})-\d{2}/.exec(date.trim());
	return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Fields results can be counted by. */
export const groupings: Record<string, { label: string; key: (r: SearchRow) => string }> = {
	commodity: { label: 'Commodity', key: (r) => r.commodity },
	mode: { label: 'Transport mode', key: (r) => r.mode },
	concealment: { label: 'Concealment', key: (r) => r.concealment },
	destination: { label: 'Destination country', key: (r) => r.destination },
	reporting: { label: 'Reporting country', key: (r) => r.reporting },
	year: { label: 'Year', key: (r) => String(yearMonth(r.date)?.[0] ?? '') },
	quarter: {
		label: 'Quarter',
		key: (r) => {
			const ym = yearMonth(r.date);
			return ym ? `${ym[0]}-Q${Math.ceil(ym[1] / 3)}` : '';
		},
	},
};

const keys: (keyof SearchQuery)[] = [
	'from',
	'to',
	'category',
	'commodity',
	'country',
	'role',
	'mode',
	'concealment',
	'scope',
	'group',
];

/** The query from URL parameters (unknown values fall back to defaults). */
export function readQuery(params: URLSearchParams): SearchQuery {
	const q = Object.fromEntries(
		keys.map((k) => [k, (params.get(k) ?? '').trim().slice(0, 100)]),
	) as SearchQuery;
	if (!(countryRoles as readonly string[]).includes(q.role)) q.role = 'any';
	if (q.scope !== 'mine') q.scope = 'all';
	if (!(q.group in groupings)) q.group = 'commodity';
	// A commodity outside the chosen group could match nothing: the group wins.
	if (q.commodity && !commodityChoices(q.category).includes(q.commodity)) q.commodity = '';
	return q;
}

/** The commodities the search offers: the chosen group's only, or every one without a group. */
export function commodityChoices(category: string): string[] {
	return (commodityCategories as readonly string[]).includes(category)
		? commodityTypesOf(category)
		: commodityCategories.flatMap(commodityTypesOf);
}

/** The query as URL parameters, empty ones left out. */
export function queryString(q: SearchQuery): string {
	const defaults: Partial<SearchQuery> = { role: 'any', scope: 'all', group: 'commodity' };
	const p = new URLSearchParams();
	for (const k of keys) if (q[k] && q[k] !== defaults[k]) p.set(k, q[k]);
	return p.toString();
}

function countryMatches(r: SearchRow, q: SearchQuery): boolean {
	if (!q.country) return true;
	const roles =
		q.role === 'any'
			? (['reporting', 'origin', 'departure', 'transit', 'destination'] as const)
			: [q.role as Exclude<SearchQuery['role'], 'any'>];
	return roles.some((role) => (r as Record<string, unknown>)[role] === q.country);
}

/** True when a row passes every filter. */
export function matches(r: SearchRow, q: SearchQuery): boolean {
	if (q.from && !(r.date && r.date >= q.from)) return false;
	if (q.to && !(r.date && r.date <= q.to)) return false;
	if (q.category && r.category !== q.category) return false;
	if (q.commodity && r.commodity !== q.commodity) return false;
	if (q.mode && r.mode !== q.mode) return false;
	if (q.concealment && r.concealment !== q.concealment) return false;
	return countryMatches(r, q);
}

/**
 * Newest day first, own records and synthetic ones alike (so every page is in date order);
 * records without a day last; on one day, the participant's own records first, then by case.
 */
export function byDateNewestFirst(a: SearchRow, b: SearchRow): number {
	const dayA = yearMonth(a.date) ? a.date : '';
	const dayB = yearMonth(b.date) ? b.date : '';
	if (dayA !== dayB) return !dayA ? 1 : !dayB ? -1 : dayA < dayB ? 1 : -1;
	if (a.source !== b.source) return a.source === 'practice' ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Rows matching a query, newest first (`byDateNewestFirst`). */
export async function searchRows(
	db: Db,
	participantId: string | null,
	q: SearchQuery,
): Promise<SearchRow[]> {
	const own = participantId ? (await listSeizures(db, participantId)).map(fromPractice) : [];
	const pool = q.scope === 'mine' ? own : [...own, ...(await syntheticRows())];
	return pool.filter((r) => matches(r, q)).sort(byDateNewestFirst);
}

/** Counts of matching rows by the chosen group, largest first (empty values shown as such). */
export function countBy(rows: SearchRow[], group: string): { value: string; count: number }[] {
	const key = (groupings[group] ?? groupings.commodity!).key;
	const counts = new Map<string, number>();
	for (const r of rows) counts.set(key(r) || '(empty)', (counts.get(key(r) || '(empty)') ?? 0) + 1);
	return [...counts]
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Results per page. */
export const pageSize = 25;

/** One page of rows (1-based, clamped to the pages there are). */
export function pageOf<T>(rows: T[], page: number): { rows: T[]; page: number; pages: number } {
	const pages = Math.max(1, Math.ceil(rows.length / pageSize));
	const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	return { rows: rows.slice((p - 1) * pageSize, p * pageSize), page: p, pages };
}
