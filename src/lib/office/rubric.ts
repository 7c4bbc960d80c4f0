/**
 * The programme office's own scoring rubric for the charter's selection factors: four levels,
 * each with a descriptor, per factor. The charter names the factors; the descriptors are ours.
 * Pure.
 */

/** The levels of the rubric, lowest first. */
export const levels = [1, 2, 3, 4] as const;

/** A level's name, shown beside its number. */
export const levelName: Record<number, string> = {
	1: 'Weak',
	2: 'Adequate',
	3: 'Strong',
	4: 'Outstanding',
};

/** One factor of the charter and what each level means for it. */
export type Factor = { key: string; label: string; descriptors: [string, string, string, string] };

/** The charter's factors (section IV), in its order. */
export const factors: Factor[] = [
	{
		key: 'experience',
		label: 'Work experience',
		descriptors: [
			'Little Customs work related to risk, intelligence, targeting or enforcement.',
			'Some related work, mostly as a contributor under supervision.',
			'Several years of related work with tasks of their own.',
			'Sustained, varied related work with results the candidate can point to.',
		],
	},
	{
		key: 'academic',
		label: 'Academic record and intellectual distinction',
		descriptors: [
			'Qualification of doubtful equivalence or unrelated to the programme.',
			'A degree or equivalent, with little bearing on analysis.',
			'A degree relevant to analysis (economics, statistics, law, data…).',
			'A relevant advanced degree, or distinction shown in study or publications.',
		],
	},
	{
		key: 'personal',
		label: 'Personal qualities',
		descriptors: [
			'The application gives little sense of how the candidate works with others.',
			'Works with others; few signs of initiative.',
			'Shows initiative, openness and care in the application.',
			'Clear signs of curiosity, integrity and the ease to work in a foreign team.',
		],
	},
	{
		key: 'motivation',
		label: 'Motivation',
		descriptors: [
			'General interest in the programme, not tied to their work.',
			'Reasons given, loosely tied to their work.',
			'A clear aim for the programme, tied to their work.',
			'A precise aim and a plan to bring the results home.',
		],
	},
	{
		key: 'leadership',
		label: 'Leadership',
		descriptors: [
			'No sign yet of leading people or work.',
			'Has coordinated small tasks.',
			'Has led a team, a project or a change.',
			'Has led others through a change that lasted.',
		],
	},
	{
		key: 'management',
		label: 'Management potential',
		descriptors: [
			'Too early to tell.',
			'Could manage a small task in time.',
			'Likely to manage an analysis team.',
			'Likely to shape how their administration manages risk.',
		],
	},
	{
		key: 'career',
		label: 'Career path',
		descriptors: [
			'The programme fits the career path poorly.',
			'The programme fits the path loosely.',
			'The programme is a clear next step on the path.',
			'The programme is a decisive step on a path of growing responsibility.',
		],
	},
];

/** The highest total a sheet can reach. */
export const maxTotal = factors.length * levels.length;

/** A sheet's total, or null when a factor is missing (a sheet is complete or not counted). */
export function sheetTotal(scores: Record<string, number>): number | null {
	let total = 0;
	for (const f of factors) {
		const v = scores[f.key];
		if (!v || !levels.includes(v as 1)) return null;
		total += v;
	}
	return total;
}

/** The mean of the totals, one decimal; null when there is none. */
export function averageTotal(totals: number[]): number | null {
	if (!totals.length) return null;
	return Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
}

/** Who a reviewer scores for, by role. */
export function reviewerBody(role: string): string {
	return role === 'secretariat' ? 'WCO Secretariat' : 'RILO A/P';
}
