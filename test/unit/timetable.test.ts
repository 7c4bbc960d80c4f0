/** The week's timetable follows the modules' durations and fits the training day. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ModuleSummary } from '~/lib/course/modules';
import { dayStart, latestEnd, toMinutes, weekTimetable } from '~/lib/course/timetable';

const modules: ModuleSummary[] = readdirSync('content/modules')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => {
		const front = parse(
			/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(`content/modules/${f}`, 'utf8'))![1]!,
		);
		return { id: f.slice(0, -4), ...front } as ModuleSummary & { draft?: boolean };
	})
	.filter((m) => !(m as { draft?: boolean }).draft);

describe('week timetable', () => {
	const week = weekTimetable(modules);

	it('has every published module once, for exactly its duration, on its own day', () => {
		const slots = week.flatMap((d) => d.slots.map((s) => ({ ...s, day: d.day })));
		const moduleSlots = slots.filter((s) => s.kind === 'module');
		expect(moduleSlots.map((s) => s.moduleId).sort()).toEqual(modules.map((m) => m.id).sort());
		for (const s of moduleSlots) {
			const m = modules.find((x) => x.id === s.moduleId)!;
			expect(s.minutes, m.id).toBe(m.duration);
			expect(s.day, m.id).toBe(m.day);
			expect(toMinutes(s.end) - toMinutes(s.start), m.id).toBe(m.duration);
		}
	});

	it('runs without gaps or overlaps from the start of the day and ends by the latest end', () => {
		expect(week.map((d) => d.day)).toEqual([1, 2, 3, 4, 5]);
		for (const d of week) {
			expect(d.slots[0]!.start).toBe(dayStart);
			for (let i = 1; i < d.slots.length; i++)
				expect(d.slots[i]!.start, `day ${d.day}`).toBe(d.slots[i - 1]!.end);
			expect(d.end).toBe(d.slots.at(-1)!.end);
			expect(toMinutes(d.end), `day ${d.day} ends at ${d.end}`).toBeLessThanOrEqual(
				toMinutes(latestEnd),
			);
			expect(
				d.slots.filter((s) => s.kind === 'lunch'),
				`day ${d.day}`,
			).toHaveLength(1);
		}
	});

	it('puts the pre-test on day 1 and the post-test and the evaluation on day 5', () => {
		const titles = (day: number) => week.find((d) => d.day === day)!.slots.map((s) => s.title);
		expect(titles(1).join(' ')).toMatch(/pre-test/);
		expect(titles(5).join(' ')).toMatch(/Post-test/);
		expect(titles(5).join(' ')).toMatch(/evaluation/);
	});

	it('moves the day on when a module gets longer', () => {
		const longer = modules.map((m) =>
			m.day === 4 && m.order === 1 ? { ...m, duration: m.duration + 30 } : m,
		);
		const before = week.find((d) => d.day === 4)!.end;
		const after = weekTimetable(longer).find((d) => d.day === 4)!.end;
		expect(toMinutes(after) - toMinutes(before)).toBe(30);
	});
});
