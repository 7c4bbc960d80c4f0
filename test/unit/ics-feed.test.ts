import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIcs, icsText, type FeedEvent } from '~/lib/ics-feed';

/** The feed's content lines, folding undone (RFC 5545 §3.1). */
function contentLines(ics: string): string[] {
	expect(ics.endsWith('\r\n')).toBe(true);
	return ics
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.slice(0, -1);
}

/** A TEXT value with its escapes undone. */
function unescapeText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The only properties the feed ever writes. */
const allowed = new Set([
	'BEGIN',
	'END',
	'VERSION',
	'CALSCALE',
	'PRODID',
	'METHOD',
	'X-WR-CALNAME',
	'X-PUBLISHED-TTL',
	'UID',
	'SUMMARY',
	'DTSTAMP',
	'DTSTART',
	'DTEND',
	'DESCRIPTION',
	'ACTION',
	'TRIGGER',
]);

const event = (title: string, description: string, remindDaysBefore?: number[]): FeedEvent => ({
	uid: 'milestone-1@rilo-ap-portal',
	day: '2026-06-01',
	endExclusive: '2026-06-02',
	title,
	description,
	remindDaysBefore,
});

/** The content lines of each VALARM of a feed. */
function alarms(lines: string[]): string[][] {
	const found: string[][] = [];
	let current: string[] | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VALARM') found.push((current = []));
		else if (line === 'END:VALARM') current = null;
		else current?.push(line);
	}
	return found;
}

describe('calendar feed text', () => {
	it('keeps a lone carriage return from starting a property', () => {
		const ics = buildIcs('Cal', [event('Draft\rSTATUS:CANCELLED', 'x')]);
		expect(contentLines(ics).some((l) => l.startsWith('STATUS'))).toBe(false);
		expect(ics).not.toMatch(/\r(?!\n)/);
	});

	it('reminds of a deadline at 09:00 the day before, and a week before when asked', () => {
		const lines = contentLines(buildIcs('Cal', [event('Final report due', 'x', [7, 1])]));
		expect(alarms(lines)).toEqual([
			['ACTION:DISPLAY', 'DESCRIPTION:Final report due: in 7 days', 'TRIGGER:-P6DT15H'],
			['ACTION:DISPLAY', 'DESCRIPTION:Final report due: tomorrow', 'TRIGGER:-PT15H'],
		]);
		// Every trigger is a valid RFC 5545 duration (never a bare "P1DT").
		for (const line of lines.filter((l) => l.startsWith('TRIGGER:')))
			expect(line).toMatch(/^TRIGGER:-P(\d+D)?T\d+H$/);
		expect(alarms(contentLines(buildIcs('Cal', [event('Training week', 'x')])))).toEqual([]);
	});

	it('writes the day as given, whatever zone the server runs in', () => {
		const before = process.env.TZ;
		try {
			for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
				process.env.TZ = zone;
				const lines = contentLines(buildIcs('Cal', [event('Due', 'x', [1])]));
				expect(lines).toContain('DTSTART;VALUE=DATE:20260601');
				expect(lines).toContain('DTEND;VALUE=DATE:20260602');
			}
		} finally {
			if (before === undefined) delete process.env.TZ;
			else process.env.TZ = before;
		}
	});

	it('injects no property and loses no text, for any title, description or name', () => {
		const text = fc.string({
			unit: fc.oneof(
				fc.constantFrom('\r', '\n', '\r\n', ';', ',', '\\', ':', 'END:VEVENT', 'X-EVIL:1', '\t'),
				fc.string({ unit: 'grapheme', maxLength: 1 }),
				fc.string({ unit: 'binary', maxLength: 1 }),
			),
			maxLength: 40,
		});
		fc.assert(
			fc.property(
				text,
				fc.array(fc.tuple(text, text, fc.boolean()), { minLength: 1, maxLength: 3 }),
				(name, pairs) => {
					const events = pairs.map(([title, description, deadline]) =>
						event(title, description, deadline ? [1] : undefined),
					);
					const ics = buildIcs(name, events);
					expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
					const lines = contentLines(ics);
					for (const line of lines) {
						const property = /^([A-Z-]+)[;:]/.exec(line)?.[1];
						expect(allowed.has(property ?? ''), line).toBe(true);
					}
					expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(events.length);
					const summaries = lines.filter((l) => l.startsWith('SUMMARY:'));
					expect(summaries.map((l) => unescapeText(l.slice('SUMMARY:'.length)))).toEqual(
						// An empty title gets no SUMMARY line at all.
						pairs.map(([title]) => icsText(title)).filter(Boolean),
					);
					// A reminder's text names its event, escaped like any other text.
					expect(
						alarms(lines).map((a) =>
							unescapeText(a.find((l) => l.startsWith('DESCRIPTION:'))!.slice(12)),
						),
					).toEqual(pairs.filter(([, , d]) => d).map(([title]) => `${icsText(title)}: tomorrow`));
				},
			),
			// The ics library validates every event (slowly): 1,000 feeds, up to 3,000 events.
			{ numRuns: 1000 },
		);
	}, 180_000);
});
