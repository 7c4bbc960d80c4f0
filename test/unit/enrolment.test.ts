import { describe, expect, it } from 'vitest';
import { describeMatters, emptyMatters } from '~/lib/enrolment/matters';
import { auditLink, auditSentence, type AuditFacts } from '~/lib/audit-sentences';

describe('admin matters in words', () => {
	it('says “not yet” for each matter while nothing is recorded', () => {
		const lines = describeMatters(emptyMatters);
		expect(lines.map((l) => l.done)).toEqual([false, false, false, false]);
		expect(lines.map((l) => l.text)).toEqual([
			'Not paid yet.',
			'Not issued yet.',
			'Not confirmed to the programme office yet.',
			'Not obtained yet.',
		]);
		// The charter's rule is in the labels: the programme pays no insurance, the visa is the participant's.
		expect(lines[2]!.label).toContain('the programme pays none');
		expect(lines[3]!.label).toContain('the participant’s responsibility');
	});

	it('states dates and the itinerary once recorded', () => {
		const lines = describeMatters({
			allowancePaidOn: '2026-11-30',
			ticketItinerary: 'Out 28 Nov, back 26 Dec',
			insuranceConfirmedOn: '2026-11-02',
			visaStatus: 'not_needed',
			visaObtainedOn: null,
		});
		expect(lines.every((l) => l.done)).toBe(true);
		expect(lines[0]!.text).toBe('Paid on Mon 30 Nov 2026.');
		expect(lines[1]!.itinerary).toBe('Out 28 Nov, back 26 Dec');
		expect(lines[3]!.text).toBe('Not needed.');
	});
});

describe('enrolment events in the audit log', () => {
	const facts = (action: string, details: Record<string, unknown> | null = null): AuditFacts => ({
		action,
		actorName: 'Aiko Tanaka',
		subjectType: 'user',
		subjectId: 'p1',
		subjectLabel: 'Mara Santos',
		ownerId: null,
		ownerName: null,
		details,
	});
	it('reads as sentences and links to the participant’s enrolment page', () => {
		expect(auditSentence(facts('enrolment_letter.revoke'))).toBe(
			'Aiko Tanaka revoked the enrolment letter of Mara Santos.',
		);
		expect(auditSentence(facts('admin_matter.update', { changed: ['visaStatus'] }))).toBe(
			'Aiko Tanaka updated the admin matters of Mara Santos (1 field).',
		);
		expect(auditLink(facts('admin_matter.update'))).toBe('/admin/participants/p1');
		expect(auditSentence(facts('alumni.leave'))).toBe('Aiko Tanaka left the alumni directory.');
	});
});
