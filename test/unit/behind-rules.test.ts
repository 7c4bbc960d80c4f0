import { describe, expect, it } from 'vitest';
import {
	areasBehindPlan,
	behindReasons,
	checkinsMissed,
	isWorkingDay,
	milestonesOverdue,
	modulesBehind,
	noRecentEntry,
	outlineLate,
	trainingDayDate,
	workingDays,
	type ParticipantFacts,
	type RuleDates,
} from '~/lib/cohort/behind-rules';
import { csvRecord, parseSort, sortHref, sortRows, type CohortRow } from '~/lib/cohort/table';

// Training Mon 30 Nov – Fri 4 Dec 2026; OJT Mon 7 Dec – Fri 25 Dec (15 working days).
const dates: RuleDates = {
	trainingStart: '2026-11-30',
	trainingEnd: '2026-12-04',
	ojtStart: '2026-12-07',
	ojtEnd: '2026-12-25',
	outlinePresentationDate: '2026-12-23',
};

function facts(over: Partial<ParticipantFacts> = {}): ParticipantFacts {
	return {
		modules: [
			{ title: 'Orientation', day: 1, done: true },
			{ title: 'CEN suite', day: 2, done: true },
			{ title: 'Alert intelligence', day: 3, done: true },
		],
		areas: ([1, 2, 3, 4] as const).map((area) => ({ area, plannedHours: 0, loggedMinutes: 0 })),
		checkinsDone: ['start', 'mid', 'departure'],
		milestones: [],
		lastEntryDate: null,
		reportStatus: 'outline_presented',
		...over,
	};
}

describe('working days', () => {
	it('are Monday to Friday', () => {
		expect(isWorkingDay('2026-12-04')).toBe(true); // Friday
		expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
		expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
		expect(workingDays('2026-12-04', '2026-12-08')).toEqual([
			'2026-12-04',
			'2026-12-07',
			'2026-12-08',
		]);
	});

	it('place training day n on the n-th working day of the training week', () => {
		expect(trainingDayDate(dates, 1)).toBe('2026-11-30');
		expect(trainingDayDate(dates, 3)).toBe('2026-12-02');
		expect(trainingDayDate(dates, 9)).toBe('2026-12-04');
	});
});

describe('modules behind the day plan', () => {
	const late = facts({
		modules: [
			{ title: 'Orientation', day: 1, done: true },
			{ title: 'CEN suite', day: 2, done: false },
			{ title: 'Alert intelligence', day: 3, done: false },
		],
	});
	it('counts a module only once its training day is over', () => {
		expect(modulesBehind(late, dates, '2026-12-01')).toEqual([]); // day 2 is today
		const [reason] = modulesBehind(late, dates, '2026-12-02');
		expect(reason?.text).toBe('1 module behind the day plan (day 2): CEN suite.');
		expect(modulesBehind(late, dates, '2026-12-10')[0]?.text).toMatch(
			/^2 modules behind the day plan \(day 2, 3\)/,
		);
	});
});

describe('areas below half their planned hours pro rata', () => {
	const planned = (loggedMinutes: number) =>
		facts({
			areas: [
				{ area: 1, plannedHours: 30, loggedMinutes },
				{ area: 2, plannedHours: 0, loggedMinutes: 0 },
				{ area: 3, plannedHours: 30, loggedMinutes: 30 * 60 },
				{ area: 4, plannedHours: 30, loggedMinutes: 30 * 60 },
			],
		});
	it('expects hours in proportion to the working days gone, and flags below half of that', () => {
		// 5 of 15 working days gone on Mon 14 Dec: 10 h expected, so below 5 h is behind.
		expect(areasBehindPlan(planned(5 * 60), dates, '2026-12-14')).toEqual([]);
		const [reason] = areasBehindPlan(planned(4 * 60), dates, '2026-12-14');
		expect(reason?.rule).toBe('area');
		expect(reason?.text).toBe(
			'(1) RILO A/P roles and functions: 4 h logged, below half of the 10 h planned by now (30 h for the whole OJT).',
		);
	});
	it('says nothing before the OJT or for areas without planned hours', () => {
		expect(areasBehindPlan(planned(0), dates, '2026-12-07')).toEqual([]);
		expect(areasBehindPlan(facts(), dates, '2026-12-20')).toEqual([]);
	});
});

describe('check-ins, milestones, entries and the outline', () => {
	it('flags a check-in whose due day has passed without a record', () => {
		const f = facts({ checkinsDone: ['start'] });
		expect(checkinsMissed(f, dates, '2026-12-09')).toEqual([]);
		const reasons = checkinsMissed(f, dates, '2026-12-20');
		expect(reasons.map((r) => r.text)).toEqual([
			'Mid-OJT check-in missed (due by Fri 18 Dec 2026).',
		]);
	});

	it('flags a milestone past its due day and not done', () => {
		const f = facts({
			milestones: [
				{ title: 'Sources collected', dueDate: '2026-12-10', done: false },
				{ title: 'Question agreed', dueDate: '2026-12-08', done: true },
				{ title: 'Draft', dueDate: '2026-12-11', done: false },
			],
		});
		expect(milestonesOverdue(f, '2026-12-11').map((r) => r.text)).toEqual([
			'Study milestone “Sources collected” overdue (due Thu 10 Dec 2026).',
		]);
	});

	it('flags no entry on the last two working days, skipping the weekend', () => {
		// Monday 14 Dec: the last two working days are Thu 10 and Fri 11 Dec.
		expect(noRecentEntry(facts({ lastEntryDate: '2026-12-10' }), dates, '2026-12-14')).toEqual([]);
		expect(
			noRecentEntry(facts({ lastEntryDate: '2026-12-09' }), dates, '2026-12-14')[0]?.text,
		).toBe('No logbook entry for 2 working days (last entry Wed 9 Dec 2026).');
		// Not before the OJT has run two working days, nor long after it ended.
		expect(noRecentEntry(facts(), dates, '2026-12-08')).toEqual([]);
		expect(noRecentEntry(facts(), dates, '2026-12-09')).toHaveLength(1);
		expect(noRecentEntry(facts(), dates, '2027-01-05')).toEqual([]);
	});

	it('flags an outline still in draft after its presentation day', () => {
		const drafting = facts({ reportStatus: 'outline_drafted' });
		expect(outlineLate(drafting, dates, '2026-12-23')).toEqual([]);
		expect(outlineLate(drafting, dates, '2026-12-24')[0]?.text).toBe(
			'Report outline not presented by its date (Wed 23 Dec 2026).',
		);
		expect(outlineLate(facts({ reportStatus: null }), dates, '2026-12-24')).toHaveLength(1);
		expect(outlineLate(facts(), dates, '2026-12-24')).toEqual([]);
	});

	it('is on track when no rule fires', () => {
		expect(behindReasons(facts({ lastEntryDate: '2026-12-11' }), dates, '2026-12-14')).toEqual([]);
	});
});

function row(name: string, reasons: number, minutes: number): CohortRow {
	return {
		participant: { id: name, name, administration: '=HYPERLINK("x")' },
		modules: { done: 3, total: 16, dueByNow: 16 },
		areas: ([1, 2, 3, 4] as const).map((area) => ({
			area,
			plannedHours: 10,
			loggedMinutes: minutes / 4,
			entries: 1,
		})),
		totalMinutes: minutes,
		waiting: 0,
		checkins: [],
		milestones: { done: 0, total: 0 },
		report: { status: null, label: 'Not started', deadlines: [] },
		planConfirmed: true,
		lastActivity: null,
		reasons: Array.from({ length: reasons }, () => ({ rule: 'area' as const, text: 'x' })),
	};
}

describe('the cohort table', () => {
	const rows = [row('Bea', 1, 600), row('Ana', 1, 60), row('Cid', 3, 300)];
	it('sorts by a column, ties by name, and defaults to most reasons first', () => {
		expect(parseSort(null, null)).toEqual({ key: 'behind', dir: 'desc' });
		expect(parseSort('nonsense', 'up')).toEqual({ key: 'behind', dir: 'desc' });
		expect(sortRows(rows, 'behind', 'desc').map((r) => r.participant.name)).toEqual([
			'Cid',
			'Ana',
			'Bea',
		]);
		expect(sortRows(rows, 'hours', 'asc').map((r) => r.participant.name)).toEqual([
			'Ana',
			'Cid',
			'Bea',
		]);
		expect(sortRows(rows, 'name', 'desc').map((r) => r.participant.name)).toEqual([
			'Cid',
			'Bea',
			'Ana',
		]);
	});
	it('links a header to the other direction of the same column, keeping the cohort', () => {
		const q = new URLSearchParams('cohort=c1&sort=hours&dir=asc');
		expect(sortHref(q, 'hours', { key: 'hours', dir: 'asc' })).toBe(
			'?cohort=c1&sort=hours&dir=desc',
		);
		expect(sortHref(q, 'name', { key: 'hours', dir: 'asc' })).toBe('?cohort=c1&sort=name&dir=asc');
	});
	it('gives one flat CSV record per participant', () => {
		const record = csvRecord(rows[0]!, 'Asia/Tokyo');
		expect(record.participant).toBe('Bea');
		expect(record.hours_logged_total).toBe('10.0');
		expect(record.behind).toBe('yes');
		expect(Object.keys(record)).toContain('area3_data_analysis_hours_logged');
	});
});
