/**
 * What the programme office's clock reminds people of around a call for applications: the
 * deadline approaching with Members still silent, a nomination nobody confirmed, an application
 * saved but not submitted, scores missing, the selection and its notices. Call days are Tokyo
 * days (the deadline runs until 23:59 Tokyo time). Pure: facts in, reminders out. The admin
 * matters before training are in ./matter-reminders.ts.
 */
import { addDays, daysBetween, formatDay, type Day } from '../dates';
import { formatDeadline } from '../office/call-dates';
import { matterReminders, type CohortMatterFacts } from './matter-reminders';
import { countdownStage, dateAndDaysLeft, type Reminder } from './reminder';

/** What the rules need to know about one edition's call, on today's Tokyo day. */
export type CallFacts = {
	editionId: string;
	name: string;
	slug: string;
	/** The last day applications are accepted (Tokyo). */
	deadline: Day;
	/** Active Member administrations without a confirmed nomination, by name. */
	silentAdministrations: string[];
	/** How many active Member administrations there are. */
	administrationCount: number;
	/** Nomination requests never confirmed and not replaced by a later request or a confirmation. */
	unconfirmed: {
		id: string;
		officerName: string;
		officerEmail: string;
		candidateName: string;
		administration: string;
		createdOn: Day;
	}[];
	/** Applications saved and not submitted. */
	drafts: { id: string; candidateName: string; candidateEmail: string }[];
	/** Submitted applications not screened out (the ones reviewers score). */
	eligible: number;
	/** Per reviewer, how many of the eligible applications they have not scored. */
	unscored: { reviewerId: string; count: number }[];
	/** The recorded selection (its Tokyo day), or null. */
	selection: { decidedOn: Day; noticesSent: boolean } | null;
};

/** Days after it was made when an unconfirmed nomination gets its nudge. */
export const nominationNudgeAfterDays = 3;
/** Days after the deadline during which scoring, selection and notice reminders still go out. */
export const selectionFollowUpDays = 90;
/** Days between two reminders to a reviewer while applications wait for their scores. */
export const scoringEveryDays = 7;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function deadlineApproaching(c: CallFacts, adminIds: string[], today: Day): Reminder[] {
	const stage = countdownStage(today, c.deadline, [14, 3]);
	const silent = c.silentAdministrations;
	if (stage === null || !silent.length) return [];
	const text = [
		`The call for applications of the ${c.name} edition closes on ${dateAndDaysLeft(today, c.deadline)}, 23:59 Tokyo time, and ${silent.length} of ${c.administrationCount} Member administrations have no confirmed nomination yet.`,
		// Semicolons: some names hold a comma ("Hong Kong, China").
		`Not yet nominated: ${silent.join('; ')}.`,
		'A nomination counts once the nominating officer has confirmed it from their email.',
	].join('\n');
	return adminIds.map((userId) => ({
		kind: `call_deadline_${stage}d`,
		messageKind: 'office' as const,
		subjectId: c.editionId,
		due: c.deadline,
		recipient: { userId },
		subject: `The ${c.name} call closes ${formatDay(c.deadline)}: ${plural(silent.length, 'Member', 'Members')} not nominated`,
		text,
		link: '/admin/editions',
	}));
}

function unconfirmedNominations(c: CallFacts, today: Day): Reminder[] {
	return c.unconfirmed
		.map((n) => ({ n, due: addDays(n.createdOn, nominationNudgeAfterDays) }))
		.filter(({ due }) => today >= due && daysBetween(due, today) <= 14)
		.map(({ n, due }) => ({
			kind: 'nomination_unconfirmed',
			messageKind: 'nudge' as const,
			subjectId: n.id,
			due,
			recipient: { email: n.officerEmail, name: n.officerName },
			subject: `Your nomination of ${n.candidateName} is not confirmed`,
			text: [
				`On ${formatDay(n.createdOn)} you nominated ${n.candidateName} of ${n.administration} for the ${c.name} edition, but the nomination was never confirmed. The confirmation link we sent you worked for 48 hours and has expired, so nothing was recorded.`,
				`To nominate ${n.candidateName}, fill in the nomination form again on the call’s page (the link below) and open the new confirmation link within 48 hours. The call closes on ${formatDeadline(c.deadline)}.`,
			].join('\n'),
			link: `/apply/${c.slug}`,
		}));
}

function unsubmittedApplications(c: CallFacts, today: Day): Reminder[] {
	if (countdownStage(today, c.deadline, [3]) === null) return [];
	return c.drafts.map((a) => ({
		kind: 'application_deadline_3d',
		messageKind: 'deadline' as const,
		subjectId: a.id,
		due: c.deadline,
		recipient: { email: a.candidateEmail, name: a.candidateName },
		subject: `Your application to the ${c.name} edition is not submitted yet`,
		text: [
			`Your application to the ${c.name} edition is saved but not submitted. The call closes on ${dateAndDaysLeft(today, c.deadline)}, 23:59 Tokyo time; an application not submitted by then is not considered.`,
			'To finish and submit it, open the link in the email you received when your nomination was confirmed. The portal does not keep that link (only a fingerprint of it), so it cannot send it again; if you have lost it, ask the programme office through your nominating officer.',
		].join('\n'),
		link: `/apply/${c.slug}`,
	}));
}

/** The last day of a weekly series from `first` that is not after `today`. */
function lastOfEvery(first: Day, every: number, today: Day): Day {
	return addDays(first, Math.floor(daysBetween(first, today) / every) * every);
}

function afterTheCall(c: CallFacts, adminIds: string[], today: Day): Reminder[] {
	const closedOn = addDays(c.deadline, 1);
	if (today < closedOn || daysBetween(c.deadline, today) > selectionFollowUpDays) return [];
	const board = `/admin/selection/${c.slug}`;
	const selection = c.selection;
	if (selection) {
		const due = addDays(selection.decidedOn, 1);
		if (selection.noticesSent || today < due) return [];
		return adminIds.map((userId) => ({
			kind: 'notices_unsent',
			messageKind: 'office' as const,
			subjectId: c.editionId,
			due,
			recipient: { userId },
			subject: `Decision notices of the ${c.name} edition not sent`,
			text: `The selection of the ${c.name} edition was recorded on ${formatDay(selection.decidedOn)}, and the candidates and their nominating officers have not been sent their decision notices. Send them from the selection page.`,
			link: board,
		}));
	}
	const selectionDue = adminIds.map((userId) => ({
		kind: 'selection_due',
		messageKind: 'office' as const,
		subjectId: c.editionId,
		due: closedOn,
		recipient: { userId },
		subject: `Selection of the ${c.name} edition due`,
		text: `The call for the ${c.name} edition closed on ${dateAndDaysLeft(today, c.deadline)} with ${plural(c.eligible, 'eligible application', 'eligible applications')}, and no selection is recorded yet. Once the scores are in, record the selection (at most four, one per Member administration) on the selection page.`,
		link: board,
	}));
	const due = lastOfEvery(closedOn, scoringEveryDays, today);
	const scoring = c.unscored
		.filter((u) => u.count > 0)
		.map((u) => ({
			kind: 'scoring_waiting',
			messageKind: 'office' as const,
			subjectId: c.editionId,
			due,
			recipient: { userId: u.reviewerId },
			subject: `${plural(u.count, 'application waits', 'applications wait')} for your scores (${c.name})`,
			text: `${plural(u.count, 'eligible application', 'eligible applications')} to the ${c.name} edition ${u.count === 1 ? 'waits' : 'wait'} for your scores; the call closed on ${formatDay(c.deadline)} and no selection is recorded yet. Score each candidate assigned to you on the rubric’s factors from the list of applications.`,
			link: `/admin/applications?edition=${c.editionId}&reviewer=${u.reviewerId}&waiting=1`,
		}));
	return [...selectionDue, ...scoring];
}

/** Every reminder due today (Tokyo) about one edition's call, to these admins and the candidates. */
export function callReminders(c: CallFacts, adminIds: string[], today: Day): Reminder[] {
	const open = today <= c.deadline;
	return [
		...(open ? deadlineApproaching(c, adminIds, today) : []),
		...(open ? unconfirmedNominations(c, today) : []),
		...(open ? unsubmittedApplications(c, today) : []),
		...afterTheCall(c, adminIds, today),
	];
}

/** Everything the programme office's rules need, read at one instant. */
export type OfficeFacts = {
	/** Today in Tokyo, where the calls' deadlines are. */
	today: Day;
	/** Active admins: the programme office. */
	adminIds: string[];
	calls: CallFacts[];
	cohorts: CohortMatterFacts[];
};

/** Every programme office reminder due now. */
export function officeReminders(f: OfficeFacts): Reminder[] {
	return [
		...f.calls.flatMap((c) => callReminders(c, f.adminIds, f.today)),
		...f.cohorts.flatMap((c) => matterReminders(c, f.adminIds)),
	];
}
