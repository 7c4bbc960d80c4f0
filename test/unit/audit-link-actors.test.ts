/**
 * Events with no account behind them read as who acted: the candidate through their link, the
 * nominating officer through theirs, the portal or its scheduler; never "account since removed".
 */
import { describe, expect, it } from 'vitest';
import { auditSentence, type AuditFacts } from '~/lib/audit-sentences';

const event = (
	action: string,
	details: Record<string, unknown>,
	subjectLabel: string | null = 'Noa Perel',
): AuditFacts => ({
	action,
	actorName: null,
	subjectType: 'application',
	subjectId: 'app1',
	subjectLabel,
	ownerId: null,
	ownerName: null,
	details,
});

describe('audit events without an account', () => {
	it('names the candidate acting through their link', () => {
		expect(
			auditSentence(event('offer.accept', { edition: '2027/2028', by: 'candidate_link' })),
		).toBe(
			'Noa Perel (the candidate, through their link) accepted the place offered to them in 2027/2028.',
		);
		expect(
			auditSentence(event('offer.decline', { edition: '2027/2028', by: 'candidate_link' })),
		).toBe(
			'Noa Perel (the candidate, through their link) declined the place offered to them in 2027/2028.',
		);
		expect(
			auditSentence(event('application.submit', { edition: '2027/2028', by: 'candidate_link' })),
		).toBe(
			'Noa Perel (the candidate, through their link) submitted their application to 2027/2028.',
		);
		// Purged since: the candidate is no longer named, and the sentence still reads.
		expect(
			auditSentence(event('offer.accept', { edition: '2027/2028', by: 'candidate_link' }, null)),
		).toBe(
			'The candidate (the candidate, through their link) accepted the place offered to them in 2027/2028.',
		);
	});

	it('names the officer, the portal and the scheduler', () => {
		expect(
			auditSentence(
				event('nomination.confirm', { by: 'officer_link', administration: 'Tarvos' }, 'Noa'),
			),
		).toBe(
			'The nominating officer (through their confirmation link) confirmed the nomination of ‘Noa’ by Tarvos.',
		);
		expect(auditSentence(event('offer.reserve', { by: 'portal', replyBy: '2027-09-30' }))).toBe(
			'The portal (automatically) offered a place from the reserve list to ‘Noa Perel’, to answer by 2027-09-30.',
		);
		expect(auditSentence(event('offer.lapse', { scheduled: true, replyBy: '2027-09-25' }))).toMatch(
			/^The portal’s scheduler let the offer to ‘Noa Perel’ lapse/,
		);
		const erase = (participants: number): AuditFacts => ({
			...event('passport.erase', { scheduled: true, participants, days: 30, cohort: '2026/2027' }),
			subjectType: 'cohort',
			subjectLabel: '2026/2027',
		});
		expect(auditSentence(erase(4))).toBe(
			'The portal’s scheduler erased the passport data of 4 participants of the cohort 2026/2027, 30 days after the programme ended (retention rule).',
		);
		expect(auditSentence(erase(0))).toBe(
			'The portal’s scheduler found no passport data to erase for the cohort 2026/2027 (retention rule).',
		);
		// An older event with neither: the account is gone.
		expect(auditSentence(event('offer.accept', {}))).toMatch(/^Someone \(account since removed\)/);
	});
});
