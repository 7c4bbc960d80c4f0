/**
 * What a mentor is reminded of: one morning digest of the review queue while it is not empty,
 * a report version waiting for a decision, an activity waiting for RILO A/P's agreement.
 */
import { formatDay, type Day } from '../dates';
import type { Reminder } from './reminder';
import { isWorkingDay } from '../cohort/behind-rules';
import { addWorkingDays } from './working-days';

/** What the rules need to know about one mentor's cohort, in the cohort's time zone. */
export type MentorFacts = {
	mentorId: string;
	cohortId: string;
	/** The hour of the day now, in the cohort's time zone (the digest goes out from 08:00). */
	localHour: number;
	/** Entries waiting for review, per participant. */
	waiting: { participantId: string; name: string; count: number; oldestOn: Day }[];
	/** Report versions submitted and not yet decided. */
	versions: { id: string; participantId: string; name: string; number: number; submittedOn: Day }[];
	/** Activities proposed and not yet agreed by RILO A/P. */
	activities: { id: string; participantId: string; name: string; what: string; proposedOn: Day }[];
};

/** The hour (cohort time) from which the morning digest goes out. */
export const digestHour = 8;

function reviewDigest(f: MentorFacts, today: Day): Reminder[] {
	const total = f.waiting.reduce((sum, w) => sum + w.count, 0);
	if (!total || !isWorkingDay(today) || f.localHour < digestHour) return [];
	const oldest = f.waiting.reduce((a, b) => (b.oldestOn < a.oldestOn ? b : a));
	const lines = [...f.waiting]
		.sort((a, b) => b.count - a.count)
		.map((w) => `- ${w.name}: ${w.count} waiting, the oldest from ${formatDay(w.oldestOn)}`);
	return [
		{
			kind: 'review_digest',
			messageKind: 'review_digest',
			subjectId: f.cohortId,
			due: today,
			recipient: { userId: f.mentorId },
			subject: `${total} logbook ${total === 1 ? 'entry' : 'entries'} waiting for review`,
			text: [
				`${total} logbook ${total === 1 ? 'entry waits' : 'entries wait'} for your review this morning. The oldest, from ${oldest.name}, has waited since ${formatDay(oldest.oldestOn)}.`,
				...lines,
			].join('\n'),
			link: '/review',
		},
	];
}

function decisionsAndAgreements(f: MentorFacts, today: Day): Reminder[] {
	const to = { userId: f.mentorId };
	const versions = f.versions
		.map((v) => ({ v, due: addWorkingDays(v.submittedOn, 2) }))
		.filter(({ due }) => today >= due)
		.map(({ v, due }) => ({
			kind: 'version_decision',
			messageKind: 'nudge' as const,
			subjectId: v.id,
			due,
			recipient: to,
			subject: `Report version ${v.number} of ${v.name} waits for a decision`,
			text: `${v.name} submitted version ${v.number} of the final report on ${formatDay(v.submittedOn)}. Accept it or return it for corrections.`,
			link: `/report/${v.participantId}`,
		}));
	const activities = f.activities
		.map((a) => ({ a, due: addWorkingDays(a.proposedOn, 2) }))
		.filter(({ due }) => today >= due)
		.map(({ a, due }) => ({
			kind: 'activity_agreement',
			messageKind: 'nudge' as const,
			subjectId: a.id,
			due,
			recipient: to,
			subject: `An activity of ${a.name} waits for RILO A/P’s agreement`,
			text: `${a.name} proposed the intelligence activity “${a.what}” on ${formatDay(a.proposedOn)}. Agree to it, or ask for a change, on the study page.`,
			link: `/study/${a.participantId}#activities`,
		}));
	return [...versions, ...activities];
}

/** Every reminder due now for one mentor of one cohort. */
export function mentorReminders(f: MentorFacts, today: Day): Reminder[] {
	return [...reviewDigest(f, today), ...decisionsAndAgreements(f, today)];
}
