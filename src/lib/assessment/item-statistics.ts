/**
 * Item statistics for knowledge checks and course tests, as quiz statistics in learning
 * platforms report them: per item, the facility (share answering right) and two discrimination
 * indices, so that items too easy, too hard or not separating stronger from weaker participants
 * show up. Pure: the server passes one row of right/wrong per respondent.
 */

export type ItemStatistic = {
	/** Respondents who answered the item. */
	n: number;
	/** Share right, 0–1; null with no respondent. */
	facility: number | null;
	/**
	 * Point-biserial correlation between the item (1 right, 0 wrong) and the respondent's score on
	 * the other items: -1 to 1. Null when either does not vary or fewer than three respondents.
	 */
	pointBiserial: number | null;
	/**
	 * Upper-lower index: share right in the top 27% of respondents by total score minus share
	 * right in the bottom 27% (at least one each). Null with fewer than four respondents.
	 */
	upperLower: number | null;
	/** Why a facilitator should look at the item again, or null. */
	flag: string | null;
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function correlation(xs: number[], ys: number[]): number | null {
	const mx = mean(xs);
	const my = mean(ys);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	xs.forEach((x, i) => {
		const dx = x - mx;
		const dy = ys[i]! - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	});
	return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** The limits below which an item is flagged (a teaching rule of thumb, not a standard). */
export const flagLimits = { easy: 0.9, hard: 0.3, discrimination: 0.2 } as const;

function flagFor(s: Omit<ItemStatistic, 'flag'>): string | null {
	if (s.facility === null) return null;
	if (s.facility >= flagLimits.easy) return 'Very easy: almost everyone answers right';
	if (s.facility < flagLimits.hard) return 'Hard: check the key and the distractors';
	const d = s.pointBiserial ?? s.upperLower;
	if (d !== null && d < 0)
		return 'Negative discrimination: stronger participants miss it more often';
	if (d !== null && d < flagLimits.discrimination) return 'Weak discrimination';
	return null;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/**
 * Statistics per item. `responses` has one row per respondent and one cell per item: true
 * (right), false (wrong) or null (the item was not in that respondent's version).
 */
export function itemStatistics(responses: (boolean | null)[][], items: number): ItemStatistic[] {
	const totals = responses.map((row) => row.filter((c) => c === true).length);
	return Array.from({ length: items }, (_, i) => {
		const answered = responses
			.map((row, r) => ({ cell: row[i], total: totals[r]! }))
			.filter((x): x is { cell: boolean; total: number } => x.cell === true || x.cell === false);
		const n = answered.length;
		const right = answered.map((x) => (x.cell ? 1 : 0));
		const facility = n ? mean(right) : null;
		const rest = answered.map((x) => x.total - (x.cell ? 1 : 0));
		const pointBiserial = n >= 3 ? correlation(right, rest) : null;
		let upperLower: number | null = null;
		if (n >= 4) {
			const k = Math.max(1, Math.round(n * 0.27));
			const sorted = [...answered].sort((a, b) => a.total - b.total);
			const share = (group: typeof sorted) => mean(group.map((x) => (x.cell ? 1 : 0)));
			upperLower = share(sorted.slice(-k)) - share(sorted.slice(0, k));
		}
		const stat = {
			n,
			facility: round(facility),
			pointBiserial: round(pointBiserial),
			upperLower: round(upperLower),
		};
		return { ...stat, flag: flagFor(stat) };
	});
}
