/** What the end-of-week course evaluation asks about: each day, each module, and the week. Pure. */
import { dayThemes, type ModuleSummary } from '../course/modules';

/** One thing to rate and comment on. */
export type EvaluationItem = {
	/** Stored key: 'day-1'…'day-5', 'module:<id>' or 'overall'. */
	key: string;
	label: string;
	/** Day it belongs to (0 for the week as a whole). */
	day: number;
	kind: 'day' | 'module' | 'overall';
};

/** Labels for the ratings, 1 to 5. */
export const ratingLabels = ['1 · poor', '2 · fair', '3 · good', '4 · very good', '5 · excellent'];

/** The fewest answers a result may rest on before the programme office sees it (anonymity). */
export const anonymityThreshold = 3;

/** Every item, day by day (the day, then its modules in order), then the week as a whole. */
export function evaluationItems(modules: ModuleSummary[]): EvaluationItem[] {
	const days = [...new Set(modules.map((m) => m.day))].sort((a, b) => a - b);
	return [
		...days.flatMap((day) => [
			{
				key: `day-${day}`,
				label: `Day ${day}: ${dayThemes[day] ?? ''}`,
				day,
				kind: 'day' as const,
			},
			...modules
				.filter((m) => m.day === day)
				.map((m) => ({ key: `module:${m.id}`, label: m.title, day, kind: 'module' as const })),
		]),
		{ key: 'overall', label: 'The training week as a whole', day: 0, kind: 'overall' },
	];
}
