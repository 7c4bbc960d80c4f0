/** Ordering the curriculum: by day, then by order within the day. Pure, safe anywhere. */

/** What lists and navigation need of a module. */
export type ModuleSummary = {
	id: string;
	title: string;
	description: string;
	day: number;
	order: number;
	duration: number;
};

/** Day themes for the week at a glance (a teaching design, not an official schedule). */
export const dayThemes: Record<number, string> = {
	1: 'The WCO, the RILO network, RILO A/P and the programme',
	2: 'The CEN suite and the rules of information exchange',
	3: 'Intelligence, risk management and alerts',
	4: 'Data analysis and visualisation',
	5: 'Operations, networking, the thematic study and the report',
};

/** Modules in teaching order. */
export function sortModules<T extends Pick<ModuleSummary, 'day' | 'order'>>(modules: T[]): T[] {
	return [...modules].sort((a, b) => a.day - b.day || a.order - b.order);
}

/** Modules grouped by day, days ascending. */
export function groupByDay<T extends ModuleSummary>(
	modules: T[],
): { day: number; modules: T[]; minutes: number }[] {
	const days = new Map<number, T[]>();
	for (const m of sortModules(modules)) days.set(m.day, [...(days.get(m.day) ?? []), m]);
	return [...days].map(([day, list]) => ({
		day,
		modules: list,
		minutes: list.reduce((sum, m) => sum + m.duration, 0),
	}));
}

/** The modules before and after `id` in teaching order. */
export function neighbours<T extends ModuleSummary>(
	modules: T[],
	id: string,
): { prev: T | null; next: T | null } {
	const sorted = sortModules(modules);
	const i = sorted.findIndex((m) => m.id === id);
	return {
		prev: i > 0 ? sorted[i - 1]! : null,
		next: i >= 0 && i < sorted.length - 1 ? sorted[i + 1]! : null,
	};
}

/** "1 h 30 min" from minutes. */
export function formatMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}
