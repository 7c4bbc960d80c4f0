import { describe, expect, it } from 'vitest';
import { backupDue, backupName, parseKeep, retention, takenAt } from '~/lib/backup/retention';
import { backupSettingsFromEnv } from '~/lib/backup/settings';

const day = 86_400_000;
/** One backup a day at 02:00 UTC for `days` days up to 2026-12-07. */
const daily = (days: number) =>
	Array.from({ length: days }, (_, i) => backupName(new Date(Date.UTC(2026, 11, 7, 2) - i * day)));

describe('backup retention', () => {
	it('names backups so their time reads back, and ignores other files', () => {
		const at = new Date('2026-12-07T02:03:04.567Z');
		expect(backupName(at)).toBe('portal-2026-12-07T02-03-04-567Z.db');
		expect(takenAt(backupName(at))?.toISOString()).toBe(at.toISOString());
		expect(takenAt('portal-2026-12-07T02-03-04-567Z.db.failed')).toBeNull();
		expect(takenAt('notes.txt')).toBeNull();
	});

	it('keeps 7 daily, 4 weekly and 12 monthly out of 400 days of daily backups', () => {
		const names = daily(400);
		const { keep, remove } = retention([...names, 'notes.txt'], parseKeep(undefined));
		expect(keep.length + remove.length).toBe(400);
		// The last 7 days.
		expect(keep.slice(0, 7)).toEqual(names.slice(0, 7));
		// One per month for the 12 newest months (the newest of each month).
		const months = new Set(keep.map((n) => n.slice(7, 14)));
		expect(months.size).toBe(12);
		expect(months.has('2025-12')).toBe(false);
		expect(keep).toContain(backupName(new Date(Date.UTC(2026, 0, 31, 2))));
		// 7 daily + 4 weekly (3 of them beyond the daily ones at most) + 12 monthly, overlapping.
		expect(keep.length).toBeGreaterThanOrEqual(12);
		expect(keep.length).toBeLessThanOrEqual(7 + 4 + 12);
		expect(remove).not.toContain('notes.txt');
		expect(keep).not.toContain('notes.txt');
	});

	it('keeps one per ISO week for the weekly rule', () => {
		const { keep } = retention(daily(60), { hourly: 0, daily: 0, weekly: 4, monthly: 0 });
		// The newest backup (Monday 2026-12-07, a week of its own) and the Sundays before it.
		expect(keep).toEqual([
			backupName(new Date('2026-12-07T02:00:00Z')),
			backupName(new Date('2026-12-06T02:00:00Z')),
			backupName(new Date('2026-11-29T02:00:00Z')),
			backupName(new Date('2026-11-22T02:00:00Z')),
		]);
	});

	it('always keeps the newest backup, even when every count is 0', () => {
		const names = daily(3);
		expect(retention(names, parseKeep('daily=0')).keep).toEqual([names[0]]);
	});

	it('reads BACKUP_KEEP and refuses what it cannot read', () => {
		expect(parseKeep('hourly=24, daily=7')).toEqual({
			hourly: 24,
			daily: 7,
			weekly: 0,
			monthly: 0,
		});
		expect(() => parseKeep('daily=seven')).toThrow(/"daily=seven" is not of the form daily=7/);
		expect(() => backupSettingsFromEnv({ BACKUP_EVERY: 'fortnightly' })).toThrow(
			/hourly, daily, weekly or off/,
		);
		expect(backupSettingsFromEnv({}).every).toBeNull();
		expect(backupSettingsFromEnv({ BACKUP_EVERY: 'daily' }).every).toBe('daily');
	});

	it('says a backup is due when none is young enough', () => {
		const now = new Date('2026-12-08T02:00:00Z');
		expect(backupDue([], day, now)).toBe(true);
		expect(backupDue(daily(1), day, now)).toBe(true);
		expect(backupDue(daily(1), day, new Date('2026-12-08T01:00:00Z'))).toBe(false);
		expect(backupDue(['notes.txt'], day, now)).toBe(true);
	});
});
