/**
 * Keyset paging, shared by every list that pages (logbook, review queue, audit log, applications):
 * each reads one row more than a page, and that extra row only says whether another page follows.
 */

/** The first `limit` rows, and the cursor after the last of them when the read found more. */
export function keysetPage<T, C>(
	rows: T[],
	limit: number,
	cursorOf: (last: T) => C,
): { items: T[]; next: C | null } {
	const items = rows.slice(0, limit);
	const last = items.at(-1);
	return { items, next: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
