/**
 * When a participant is "behind", and why, in words a mentor can act on. Pure: the cohort page
 * gathers the facts in SQL and these rules judge them. Working days are Monday to Friday (the
 * portal does not know public holidays, so a holiday can raise a flag a mentor then ignores).
 */
import type { CheckinKind, OjtArea, ReportStatus } from '~db/schema';
import { checkinDueDates, checkinLabels, missedCheckins } from '../logbook/checkins';
import { addDays, formatDay, type Day } from '../dates';
import { areaNames } from '../logbook/ojt-areas';

/** One reason a participant is behind: a stable key (for tests and CSV) and a sentence. */
export type BehindReason = { rule: BehindRule; text: string };

/** The rules, in the order the page lists them. */
export type BehindRule = 'modules' | 'area' | 'checkin' | 'milestone' | 'no-entry' | 'outline';

/** Everything the rules look at for one participant. */
export type ParticipantFacts = {
	/** Modules in teaching order with their day (1 = first training day) and whether done. */
	modules: { title: string; day: number; done: boolean }[];
	/** Per area: hours planned for the whole OJT and minutes logged so far. */
	areas: { area: OjtArea; plannedHours: number; loggedMinutes: number }[];
	/** Check-ins recorded. */
	checkinsDone: CheckinKind[];
	/** Study milestones. */
	milestones: { title: string; dueDate: Day; done: boolean }[];
	/** Day of the most recent log entry (any status), or null. */
	lastEntryDate: Day | null;
	/** Report lifecycle state (null before the participant first opened the report). */
	reportStatus: ReportStatus | null;
};

/** The cohort dates the rules need. */
export type RuleDates = {
	trainingStart: Day;
	trainingEnd: Day;
	ojtStart: Day;
	ojtEnd: Day;
	outlinePresentationDate: Day;
};

const dayMs = 86_400_000;
/** Midnight UTC of a 'YYYY-MM-DD' day: plain arithmetic, as these rules loop over many days. */
const utc = (day: Day) => Date.parse(`${day}T00:00:00Z`);

/** True for Monday to Friday. */
export function isWorkingDay(day: Day): boolean {
	const weekday = new Date(utc(day)).getUTCDay();
	return weekday !== 0 && weekday !== 6;
}

/** Working days from `from` to `to`, both inclusive (empty when `to` is before `from`). */
export function workingDays(from: Day, to: Day): Day[] {
	const days: Day[] = [];
	for (let t = utc(from), end = utc(to); t <= end; t += dayMs) {
		const weekday = new Date(t).getUTCDay();
		if (weekday !== 0 && weekday !== 6) days.push(new Date(t).toISOString().slice(0, 10));
	}
	return days;
}

/** The calendar day of training day `n`: the n-th working day from the start, never past the end. */
export function trainingDayDate(
	dates: Pick<RuleDates, 'trainingStart' | 'trainingEnd'>,
	n: number,
): Day {
	const days = workingDays(dates.trainingStart, dates.trainingEnd);
	return days[Math.min(n, days.length) - 1] ?? dates.trainingEnd;
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** Modules whose training day is over (before today) and that are not marked complete. */
export function modulesBehind(
	facts: ParticipantFacts,
	dates: RuleDates,
	today: Day,
): BehindReason[] {
	const days = workingDays(dates.trainingStart, dates.trainingEnd);
	const dayOf = (n: number) => days[Math.min(n, days.length) - 1] ?? dates.trainingEnd;
	const late = facts.modules.filter((m) => !m.done && dayOf(m.day) < today);
	if (!late.length) return [];
	const lateDays = [...new Set(late.map((m) => m.day))].sort((a, b) => a - b);
	// Three titles say enough; the modules table below lists every one.
	const named = late.slice(0, 3).map((m) => m.title);
	const more = late.length - named.length;
	return [
		{
			rule: 'modules',
			text: `${plural(late.length, 'module')} behind the day plan (day ${lateDays.join(', ')}): ${named.join('; ')}${more ? ` and ${more} more` : ''}.`,
		},
	];
}

/**
 * Areas below half their planned hours pro rata: the plan's hours spread evenly over the OJT's
 * working days, counting the days before today. Areas with no planned hours are not judged.
 */
export function areasBehindPlan(
	facts: ParticipantFacts,
	dates: RuleDates,
	today: Day,
): BehindReason[] {
	const all = workingDays(dates.ojtStart, dates.ojtEnd).length;
	const elapsed = workingDays(dates.ojtStart, addDays(today, -1)).filter(
		(d) => d <= dates.ojtEnd,
	).length;
	if (!all || !elapsed) return [];
	return facts.areas
		.filter((a) => a.plannedHours > 0)
		.map((a) => ({ ...a, expectedMinutes: (a.plannedHours * 60 * elapsed) / all }))
		.filter((a) => a.loggedMinutes < a.expectedMinutes / 2)
		.map((a) => ({
			rule: 'area' as const,
			text: `(${a.area}) ${areaNames[a.area]}: ${formatHours(a.loggedMinutes)} logged, below half of the ${formatHours(a.expectedMinutes)} planned by now (${a.plannedHours} h for the whole OJT).`,
		}));
}

/** "3.5 h" with at most one decimal. */
export function formatHours(minutes: number): string {
	return `${Math.round((minutes / 60) * 10) / 10} h`;
}

/** Check-ins whose due day has passed without a record. */
export function checkinsMissed(facts: ParticipantFacts, dates: RuleDates, today: Day) {
	const due = checkinDueDates(dates.ojtStart, dates.ojtEnd);
	return missedCheckins(facts.checkinsDone, dates.ojtStart, dates.ojtEnd, today).map((kind) => ({
		rule: 'checkin' as const,
		text: `${checkinLabels.find((c) => c.kind === kind)!.label} check-in missed (due by ${formatDay(due[kind])}).`,
	}));
}

/** Milestones not done whose due day has passed. */
export function milestonesOverdue(facts: ParticipantFacts, today: Day): BehindReason[] {
	return facts.milestones
		.filter((m) => !m.done && m.dueDate < today)
		.map((m) => ({
			rule: 'milestone' as const,
			text: `Study milestone “${m.title}” overdue (due ${formatDay(m.dueDate)}).`,
		}));
}

/**
 * No entry on the last two working days of the OJT before today. Judged from the third OJT
 * working day until the day after the OJT ends.
 */
export function noRecentEntry(facts: ParticipantFacts, dates: RuleDates, today: Day) {
	const past = workingDays(dates.ojtStart, addDays(today, -1)).filter((d) => d <= dates.ojtEnd);
	if (past.length < 2 || today > addDays(dates.ojtEnd, 1)) return [];
	const sinceDay = past[past.length - 2]!;
	if (facts.lastEntryDate && facts.lastEntryDate >= sinceDay) return [];
	return [
		{
			rule: 'no-entry' as const,
			text: facts.lastEntryDate
				? `No logbook entry for 2 working days (last entry ${formatDay(facts.lastEntryDate)}).`
				: 'No logbook entry yet, and the OJT started 2 working days ago or more.',
		},
	];
}

/** The outline presentation day has passed and the outline is still only a draft. */
export function outlineLate(facts: ParticipantFacts, dates: RuleDates, today: Day) {
	const drafting = facts.reportStatus === null || facts.reportStatus === 'outline_drafted';
	if (!drafting || today <= dates.outlinePresentationDate) return [];
	return [
		{
			rule: 'outline' as const,
			text: `Report outline not presented by its date (${formatDay(dates.outlinePresentationDate)}).`,
		},
	];
}

/** Every reason the participant is behind on `today`; empty means on track. */
export function behindReasons(
	facts: ParticipantFacts,
	dates: RuleDates,
	today: Day,
): BehindReason[] {
	return [
		...modulesBehind(facts, dates, today),
		...areasBehindPlan(facts, dates, today),
		...checkinsMissed(facts, dates, today),
		...milestonesOverdue(facts, today),
		...noRecentEntry(facts, dates, today),
		...outlineLate(facts, dates, today),
	];
}
