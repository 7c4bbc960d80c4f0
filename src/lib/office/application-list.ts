/**
 * The office's list of an edition's applications: searched by name or administration, filtered
 * by standing, administration and reviewer (assigned to them, optionally only those still waiting
 * for their sheet), sorted by a column. Pure.
 */
import type { Verdict } from './screening';

/** One application as the list sees it. */
export type ListItem = {
	id: string;
	name: string;
	administrationId: string;
	administration: string;
	submittedAt: Date;
	standing: Verdict;
	/** The average total, null when unscored or withheld from this reader (blind). */
	average: number | null;
	/** Who has a sheet on it. */
	reviewerIds: string[];
	/** Who is assigned to review it. */
	assignedIds: string[];
};

/** The columns the list sorts by. */
export const sortKeys = ['submitted', 'name', 'administration', 'standing', 'average'] as const;
export type SortKey = (typeof sortKeys)[number];

/** What the person asked for, read from the address. */
export type ListQuery = {
	q: string;
	standing: Verdict | '';
	administrationId: string;
	/** Only the applications assigned to this reviewer (their id), or '' for all. */
	assignedTo: string;
	/** With assignedTo: only those where the reviewer's sheet is not in yet. */
	waiting: boolean;
	sort: SortKey;
};

/** Reads the list's query from the address; anything unknown falls back to "all". */
export function readListQuery(params: URLSearchParams): ListQuery {
	const standing = params.get('standing') ?? '';
	const sort = params.get('sort') ?? '';
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		standing: ['met', 'not_met', 'to_check'].includes(standing) ? (standing as Verdict) : '',
		administrationId: (params.get('administration') ?? '').slice(0, 60),
		assignedTo: (params.get('reviewer') ?? '').slice(0, 40),
		waiting: params.get('waiting') === '1',
		sort: (sortKeys as readonly string[]).includes(sort) ? (sort as SortKey) : 'submitted',
	};
}

const standingOrder: Record<Verdict, number> = { met: 0, to_check: 1, not_met: 2 };

/** The items the query keeps, in its order. */
export function applyListQuery(items: ListItem[], query: ListQuery): ListItem[] {
	const needle = query.q.toLowerCase();
	const kept = items.filter(
		(i) =>
			(!needle ||
				i.name.toLowerCase().includes(needle) ||
				i.administration.toLowerCase().includes(needle)) &&
			(!query.standing || i.standing === query.standing) &&
			(!query.administrationId || i.administrationId === query.administrationId) &&
			(!query.assignedTo ||
				(i.assignedIds.includes(query.assignedTo) &&
					!(query.waiting && i.reviewerIds.includes(query.assignedTo)))),
	);
	const by: Record<SortKey, (a: ListItem, b: ListItem) => number> = {
		submitted: (a, b) => b.submittedAt.getTime() - a.submittedAt.getTime(),
		name: (a, b) => a.name.localeCompare(b.name),
		administration: (a, b) => a.administration.localeCompare(b.administration),
		standing: (a, b) => standingOrder[a.standing] - standingOrder[b.standing],
		average: (a, b) => (b.average ?? -1) - (a.average ?? -1),
	};
	return [...kept].sort((a, b) => by[query.sort](a, b) || a.name.localeCompare(b.name));
}
