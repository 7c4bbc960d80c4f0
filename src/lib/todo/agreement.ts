/**
 * Study activities waiting for one party's agreement (RILO A/P's mentor, or the home
 * administration), as to-do items. A party is nudged only once the activity has waited more
 * than a grace of working days, so a proposal still being discussed does not nag at once.
 */
import { formatDay, type Day } from '../dates';
import { workingDaysSince, type TodoItem } from './item';

/** An activity whose agreement waits on the viewer's party. */
export type PendingAgreement = {
	activityId: string;
	participantId: string;
	participantName: string;
	/** The activity's first line. */
	what: string;
	/** The day the last answer (or the proposal) came in, in the cohort's time zone. */
	since: Day;
	/** Today in the participant's cohort's time zone. */
	today: Day;
};

/** Working days an activity may wait for an answer before it is on the to-do list. */
export const agreementGraceWorkingDays = 2;

/** One overdue item per activity waiting past the grace; `href` says where that party answers. */
export function agreementItems(
	pending: PendingAgreement[],
	href: (a: PendingAgreement) => string,
): TodoItem[] {
	return pending
		.map((a) => ({ a, waited: workingDaysSince(a.since, a.today) }))
		.filter(({ waited }) => waited > agreementGraceWorkingDays)
		.map(({ a, waited }) => ({
			key: `agreement:${a.activityId}`,
			tone: 'overdue',
			text: `${a.participantName}’s study activity “${a.what}” has waited for your agreement since ${formatDay(a.since)} (${waited} working days): agree or ask for a change.`,
			href: href(a),
		}));
}
