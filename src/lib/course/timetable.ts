/**
 * The training week's session timetable, built from the modules' own durations (a teaching
 * design, not the official schedule): four modules a day with a break after the first and the
 * third, lunch after the second, then the day's other sessions (pre-test, data lab, post-test,
 * evaluation) and a short review. Change a module's duration and the timetable follows.
 */
import { dayThemes, groupByDay, type ModuleSummary } from './modules';

export type SlotKind = 'module' | 'break' | 'lunch' | 'session';
export type Slot = {
	kind: SlotKind;
	title: string;
	minutes: number;
	/** "HH:MM", 24-hour. */
	start: string;
	end: string;
	moduleId?: string;
};
export type TimetableDay = {
	day: number;
	theme: string;
	slots: Slot[];
	moduleMinutes: number;
	end: string;
};

export const dayStart = '09:00';
/** The latest a training day should end, with the travel home of a visiting officer in mind. */
export const latestEnd = '17:30';

const breakMinutes = 15;
const lunchMinutes = 60;

/** The sessions that are not modules, by day: before the first module, and after the last. */
const extraSessions: Record<
	number,
	{ before: Omit<Slot, 'start' | 'end'>[]; after: Omit<Slot, 'start' | 'end'>[] }
> = {
	1: {
		before: [{ kind: 'session', title: 'Welcome, introductions and the pre-test', minutes: 45 }],
		after: [
			{ kind: 'session', title: 'The portal: logbook, OJT plan and module checks', minutes: 30 },
		],
	},
	2: {
		before: [],
		after: [
			{ kind: 'session', title: 'Data lab: practice on the synthetic data set', minutes: 45 },
		],
	},
	3: {
		before: [],
		after: [
			{ kind: 'session', title: 'Data lab: practice on the synthetic data set', minutes: 45 },
		],
	},
	4: {
		before: [],
		after: [{ kind: 'session', title: 'Data lab: exercises and interpretation', minutes: 60 }],
	},
	5: {
		before: [],
		after: [
			{ kind: 'session', title: 'Post-test', minutes: 30 },
			{ kind: 'session', title: 'Course evaluation and closing', minutes: 20 },
		],
	},
};

const review: Omit<Slot, 'start' | 'end'> = {
	kind: 'session',
	title: 'Review of the day and questions',
	minutes: 15,
};

export function toMinutes(hhmm: string): number {
	const [h, m] = hhmm.split(':').map(Number);
	return h! * 60 + m!;
}
function toClock(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The week, one day per training day that has modules. */
export function weekTimetable(modules: ModuleSummary[]): TimetableDay[] {
	return groupByDay(modules).map(({ day, modules: list, minutes }) => {
		const plan: Omit<Slot, 'start' | 'end'>[] = [...(extraSessions[day]?.before ?? [])];
		list.forEach((m, i) => {
			plan.push({ kind: 'module', title: m.title, minutes: m.duration, moduleId: m.id });
			if (i === list.length - 1) return;
			plan.push(
				i === 1
					? { kind: 'lunch', title: 'Lunch', minutes: lunchMinutes }
					: { kind: 'break', title: 'Break', minutes: breakMinutes },
			);
		});
		plan.push(...(extraSessions[day]?.after ?? []), review);
		let clock = toMinutes(dayStart);
		const slots = plan.map((s) => {
			const start = clock;
			clock += s.minutes;
			return { ...s, start: toClock(start), end: toClock(clock) };
		});
		return { day, theme: dayThemes[day] ?? '', slots, moduleMinutes: minutes, end: toClock(clock) };
	});
}
