import { describe, expect, it } from 'vitest';
import { buildTimeline, currentOjtWeek, ojtWeeks } from '~/lib/programme-calendar';
import { milestoneEvent, timelineEvents } from '~/lib/ics-feed';
import { addDays, daysBetween, isDay, todayIn } from '~/lib/dates';
import { groupByDay, neighbours, formatMinutes } from '~/lib/course/modules';
import { navFor, isCurrent } from '~/lib/navigation';
import { factoryDates } from '../helpers/cohort-dates';

const dates = { edition: '2026/2027', ...factoryDates };

describe('programme calendar', () => {
	it('splits the OJT into three weeks, the last ending with the OJT', () => {
		expect(ojtWeeks(dates)).toEqual([
			{ week: 1, start: '2026-12-07', end: '2026-12-13' },
			{ week: 2, start: '2026-12-14', end: '2026-12-20' },
			{ week: 3, start: '2026-12-21', end: '2026-12-25' },
		]);
	});

	it('knows which OJT week a day falls in', () => {
		const weeks = ojtWeeks(dates);
		expect(currentOjtWeek(weeks, '2026-12-14')).toBe(2);
		expect(currentOjtWeek(weeks, '2026-12-25')).toBe(3);
		expect(currentOjtWeek(weeks, '2026-12-26')).toBeNull();
	});

	it('marks past, current and upcoming items for a given day', () => {
		const items = buildTimeline(dates, '2026-12-15');
		expect(items.find((i) => i.key === 'training')?.status).toBe('past');
		expect(items.find((i) => i.key === 'ojt-2')?.status).toBe('current');
		expect(items.find((i) => i.key === 'report')?.status).toBe('upcoming');
		expect(items.map((i) => i.start)).toEqual([...items.map((i) => i.start)].sort());
	});
});

describe('calendar feed events', () => {
	const events = timelineEvents('c1', buildTimeline(dates, '2026-12-15'));
	const byKey = (key: string) => events.find((e) => e.uid === `c1-${key}@rilo-ap-portal`)!;

	it('shows the corrections window as a deadline on its last day, not a bar', () => {
		expect(byKey('corrections')).toMatchObject({
			title: 'Corrections window closes',
			day: '2027-01-26',
			endExclusive: '2027-01-27',
			remindDaysBefore: [1],
		});
	});

	it('reminds of the deadlines (the report a week ahead too), not of the phases', () => {
		expect(byKey('outline').remindDaysBefore).toEqual([1]);
		expect(byKey('report').remindDaysBefore).toEqual([7, 1]);
		expect(byKey('report')).toMatchObject({ day: '2027-01-09', endExclusive: '2027-01-10' });
		expect(byKey('training')).toMatchObject({ day: '2026-11-30', endExclusive: '2026-12-05' });
		for (const key of ['training', 'ojt-1', 'departure'])
			expect(byKey(key).remindDaysBefore).toBeUndefined();
	});

	it('reminds of a study milestone until it is done', () => {
		const m = { id: 'm1', title: 'Sources', dueDate: '2026-12-18', doneAt: null };
		expect(milestoneEvent(m)).toMatchObject({
			day: '2026-12-18',
			endExclusive: '2026-12-19',
			title: 'Study milestone: Sources',
			remindDaysBefore: [1],
		});
		expect(milestoneEvent({ ...m, doneAt: new Date() }).remindDaysBefore).toBeUndefined();
	});
});

describe('dates', () => {
	it('does calendar arithmetic on days, across months and years', () => {
		expect(addDays('2026-12-26', 14)).toBe('2027-01-09');
		expect(daysBetween('2026-12-26', '2027-01-09')).toBe(14);
		expect(isDay('2026-02-30')).toBe(false);
		expect(isDay('2026-12-01')).toBe(true);
	});

	it('knows that Tokyo is already on the next day at 20:00 UTC', () => {
		expect(todayIn('Asia/Tokyo', new Date('2026-11-25T20:00:00Z'))).toBe('2026-11-26');
		expect(todayIn('UTC', new Date('2026-11-25T20:00:00Z'))).toBe('2026-11-25');
	});
});

describe('module ordering and navigation', () => {
	const m = (id: string, day: number, order: number) => ({
		id,
		title: id,
		description: '',
		day,
		order,
		duration: 30,
	});
	it('orders by day then order, with neighbours across days', () => {
		const list = [m('c', 2, 1), m('a', 1, 2), m('b', 1, 1)];
		expect(groupByDay(list).map((d) => d.modules.map((x) => x.id))).toEqual([['b', 'a'], ['c']]);
		expect(neighbours(list, 'a')).toMatchObject({ prev: { id: 'b' }, next: { id: 'c' } });
		expect(neighbours(list, 'b').prev).toBeNull();
		expect(formatMinutes(90)).toBe('1 h 30 min');
	});

	it('shows Admin only to admins', () => {
		expect(navFor('admin').map((i) => i.href)).toContain('/admin');
		expect(navFor('mentor').map((i) => i.href)).not.toContain('/admin');
		expect(navFor('participant').map((i) => i.href)).not.toContain('/admin');
		expect(isCurrent('/admin', '/admin/audit')).toBe(true);
		expect(isCurrent('/', '/admin')).toBe(false);
	});
});
