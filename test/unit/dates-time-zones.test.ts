/**
 * Days derived from instants are the days of the cohort's time zone, whatever zone the server
 * runs in: each run sets process.env.TZ far from the cohort's zone to prove it.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { dayOf, formatClock, formatInstant, formatInstantDay, todayIn } from '~/lib/dates';
import { exportSubtitle, reportMarkdown, type ExportMeta } from '~/lib/report/export';
import { logbookCsvName } from '~/lib/logbook/export-name';
import { reportDocx } from '~/lib/server/report/docx';

const serverZoneAtStart = process.env.TZ;
afterAll(() => {
	if (serverZoneAtStart === undefined) delete process.env.TZ;
	else process.env.TZ = serverZoneAtStart;
});

/** Zones a cohort may use, with their usual offset from UTC in minutes (to aim near midnight). */
const cohortZones: [string, number][] = [
	['Asia/Tokyo', 540],
	['UTC', 0],
	['America/New_York', -300],
	['Pacific/Auckland', 780],
	['Asia/Kolkata', 330],
];
/** Zones the server itself may run in, as far from the cohort's as they get. */
const serverZones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

/** An instant within 3 hours of a local midnight (give or take daylight saving) in a cohort zone. */
const nearMidnight = fc
	.record({
		zone: fc.constantFrom(...cohortZones),
		// Days from 2020 to 2040, as the epoch day number.
		epochDay: fc.integer({ min: 18_262, max: 25_567 }),
		minutes: fc.integer({ min: -180, max: 180 }),
		serverZone: fc.constantFrom(...serverZones),
	})
	.map(({ zone: [timeZone, offset], epochDay, minutes, serverZone }) => ({
		timeZone,
		at: new Date((epochDay * 1440 - offset + minutes) * 60_000),
		serverZone,
	}));

/** An instant's parts by type ('day', 'month' …) as Intl formats them with `options`. */
const intlParts = (at: Date, options: Intl.DateTimeFormatOptions) =>
	Object.fromEntries(
		new Intl.DateTimeFormat('en-US', options).formatToParts(at).map((p) => [p.type, p.value]),
	);

/** What Intl itself says of an instant in a zone, read part by part (a different path from the helpers'). */
function intlDay(at: Date, timeZone: string) {
	const parts = intlParts(at, {
		timeZone,
		weekday: 'short',
		year: 'numeric',
		month: 'short',
		day: 'numeric',
	});
	const numeric = intlParts(at, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
	return {
		day: `${numeric.year}-${numeric.month}-${numeric.day}`,
		text: `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`,
	};
}

const meta = (submittedAt: Date, timeZone: string): ExportMeta => ({
	name: 'Nguyễn Thị Lan',
	administration: 'Maravia Customs',
	edition: '2026/2027',
	version: { number: 1, submittedAt },
	timeZone,
});

/** The Word file's paragraphs as text: a .docx is a zip, its body word/document.xml. */
async function docxParagraphs(m: ExportMeta): Promise<string[]> {
	const bytes = await reportDocx({
		title: 'Final report — version 1',
		subtitle: exportSubtitle(m),
		sections: [],
	});
	const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
	return [...xml.matchAll(/<w:p>.*?<\/w:p>/g)].map((p) =>
		[...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
	);
}

describe('days in the cohort’s time zone', () => {
	it('the helpers give the day Intl gives in that zone, whatever the server’s zone', () => {
		fc.assert(
			fc.property(nearMidnight, ({ timeZone, at, serverZone }) => {
				process.env.TZ = serverZone;
				const expected = intlDay(at, timeZone);
				expect(dayOf(at, timeZone)).toBe(expected.day);
				expect(todayIn(timeZone, at)).toBe(expected.day);
				expect(formatInstantDay(at, timeZone)).toBe(expected.text);
				expect(logbookCsvName(at, timeZone)).toBe(`ojt-logbook-${expected.day}.csv`);
				const md = reportMarkdown(meta(at, timeZone), [], 'full');
				expect(md).toContain(`Version 1, submitted ${expected.text}\n`);
			}),
			{ numRuns: 1000 },
		);
	});

	it('the Word file prints the submission day of the cohort’s zone', async () => {
		await fc.assert(
			fc.asyncProperty(nearMidnight, async ({ timeZone, at, serverZone }) => {
				process.env.TZ = serverZone;
				const paragraphs = await docxParagraphs(meta(at, timeZone));
				expect(paragraphs).toContain(`Version 1, submitted ${intlDay(at, timeZone).text}`);
			}),
			// Each run builds and unzips a Word file.
			{ numRuns: 60 },
		);
	});

	it('a version submitted at 01:36 in Tokyo on 8 December 2026 says 8 December', async () => {
		process.env.TZ = 'America/Los_Angeles';
		const at = new Date('2026-12-07T16:36:00Z');
		const m = meta(at, 'Asia/Tokyo');
		expect(await docxParagraphs(m)).toContain('Version 1, submitted Tue 8 Dec 2026');
		expect(reportMarkdown(m, [], 'full')).toContain('Version 1, submitted Tue 8 Dec 2026');
		expect(logbookCsvName(at, 'Asia/Tokyo')).toBe('ojt-logbook-2026-12-08.csv');
		// The same instant is still 7 December in New York: the cohort's zone decides.
		expect(formatInstantDay(at, 'America/New_York')).toBe('Mon 7 Dec 2026');
	});
});

describe('times of day', () => {
	it('are 24-hour in the zone given, like every time on the site (the report editor’s “Saved at”)', () => {
		const at = new Date('2026-12-07T16:34:00Z');
		expect(formatClock(at, 'Asia/Tokyo')).toBe('01:34');
		expect(formatClock(new Date('2026-12-07T05:04:00Z'), 'Asia/Tokyo')).toBe('14:04');
		expect(formatClock(at, 'UTC')).toBe('16:34');
		expect(formatInstant(at, 'Asia/Tokyo')).toMatch(/, 01:34$/);
		fc.assert(
			fc.property(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }), (d) => {
				expect(formatClock(d, 'Asia/Tokyo')).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
			}),
		);
	});

	it('are what the report editor prints (no locale-dependent time there)', async () => {
		const { readFileSync } = await import('node:fs');
		const editor = readFileSync('src/islands/SectionEditor.tsx', 'utf8');
		expect(editor).toContain('formatClock(');
		expect(editor).not.toMatch(/toLocaleTimeString|toLocaleString/);
	});
});
