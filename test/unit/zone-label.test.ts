/** How pages name a cohort's time zone next to a time. */
import { describe, expect, it } from 'vitest';
import { formatInstant, zoneLabel } from '~/lib/dates';

describe('zoneLabel', () => {
	it('names Tokyo as the office always has', () => {
		expect(zoneLabel('Asia/Tokyo')).toBe('Tokyo time');
	});

	it('names other zones by their city, with spaces for underscores', () => {
		expect(zoneLabel('Asia/Bangkok')).toBe('Bangkok time');
		expect(zoneLabel('America/New_York')).toBe('New York time');
		expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
	});

	it('names zones without a city by their offset, with the sign the way people read it', () => {
		expect(zoneLabel('UTC')).toBe('UTC');
		expect(zoneLabel('Etc/UTC')).toBe('UTC');
		expect(zoneLabel('Etc/GMT+0')).toBe('UTC');
		// Etc/GMT+5 is five hours behind UTC (POSIX sign).
		expect(zoneLabel('Etc/GMT+5')).toBe('UTC-5');
		expect(zoneLabel('Etc/GMT-9')).toBe('UTC+9');
	});
});

describe('formatInstant in a cohort zone', () => {
	it('gives 3:00 UTC on 8 December as the evening of the 7th in New York', () => {
		const at = new Date('2026-12-08T03:00:00Z');
		expect(formatInstant(at, 'America/New_York')).toBe('7 Dec 2026, 22:00');
		expect(formatInstant(at)).toBe('8 Dec 2026, 12:00');
	});
});
