/**
 * Nudges about logbook entries: one per participant and due day, whatever the number of entries
 * that fell due that day, never late by more than the catch-up window.
 */
import { describe, expect, it } from 'vitest';
import {
	nudgeCatchUpDays,
	participantReminders,
	type ParticipantFacts,
} from '~/lib/clock/participant-reminders';
import { reminderKey } from '~/lib/clock/reminder';
import { addDays, type Day } from '~/lib/dates';

const facts = (drafts: ParticipantFacts['drafts'], returned: ParticipantFacts['returned'] = []) =>
	({
		participantId: 'p1',
		cohort: {
			outlinePresentationDate: '2027-03-01',
			reportDueDate: '2027-03-15',
			correctionsUntil: '2027-04-15',
		},
		drafts,
		returned,
		milestones: [],
		reportStatus: 'outline_drafted',
	}) satisfies ParticipantFacts;

const draft = (n: number, createdOn: Day) => ({ id: `d${n}`, label: `“Entry ${n}”`, createdOn });
const nudges = (f: ParticipantFacts, today: Day) =>
	participantReminders(f, today).filter((r) => r.kind.startsWith('entry_'));

describe('entry nudges', () => {
	// Monday 7 December 2026: two working days later is Wednesday 9 December.
	it('names a single draft and links to it, two working days after it was written', () => {
		const f = facts([draft(1, '2026-12-07')]);
		expect(nudges(f, '2026-12-08')).toEqual([]);
		const [one, ...rest] = nudges(f, '2026-12-09');
		expect(rest).toEqual([]);
		expect(one!.subject).toBe('Logbook draft not submitted: “Entry 1”');
		expect(one!.link).toBe('/logbook/d1');
	});

	it('sends one nudge for every draft that fell due the same day, naming three and counting the rest', () => {
		const f = facts([1, 2, 3, 4, 5].map((n) => draft(n, '2026-12-07')));
		const sent = nudges(f, '2026-12-09');
		expect(sent).toHaveLength(1);
		expect(sent[0]!.subject).toBe('5 logbook drafts not submitted');
		expect(sent[0]!.text).toContain('“Entry 1”, “Entry 2”, “Entry 3” and 2 more');
		expect(sent[0]!.link).toBe('/logbook');
	});

	it('keys the day’s nudge by participant and day, so it is the same whether one or five fell due', () => {
		const five = nudges(facts([1, 2, 3, 4, 5].map((n) => draft(n, '2026-12-07'))), '2026-12-09');
		const one = nudges(facts([draft(9, '2026-12-07')]), '2026-12-09');
		expect(reminderKey(five[0]!)).toBe(reminderKey(one[0]!));
	});

	it('keeps drafts and requested changes apart, and days apart', () => {
		const f = facts(
			[draft(1, '2026-12-07'), draft(2, '2026-12-08')],
			[{ id: 'r1', label: '“Returned”', returnedOn: '2026-12-07' }],
		);
		const sent = nudges(f, '2026-12-10');
		expect(sent.map((r) => [r.kind, r.due])).toEqual([
			['entry_draft', '2026-12-09'],
			['entry_draft', '2026-12-10'],
			['entry_changes', '2026-12-09'],
		]);
	});

	it('does not send nudges that fell due before the catch-up window', () => {
		const f = facts([draft(1, '2026-12-07')]);
		expect(nudges(f, addDays('2026-12-09', nudgeCatchUpDays))).toHaveLength(1);
		expect(nudges(f, addDays('2026-12-09', nudgeCatchUpDays + 1))).toEqual([]);
	});
});
