/**
 * The programme office's to-do list: the call (nominations, screening, scoring, notices), each
 * participant's admin matters before the programme, the retention purge, report deliveries and
 * versions waiting for a decision. Pure: the facts come from src/lib/server/todo/office.ts.
 */
import type { Recipient } from '~db/schema';
import { daysBetween, formatDay, type Day } from '../dates';
import { countText, sortTodo, whenText, type TodoItem, type TodoTone } from './item';

/** An edition of the call and how many of something it has. */
export type EditionCount = { editionId: string; name: string; slug: string; n: number };

/** One participant whose admin matters are not all settled. */
export type OpenMatters = {
	participantId: string;
	name: string;
	/** The matters still open, in words ('visa', 'ticket', 'insurance', 'allowance'). */
	missing: string[];
	trainingStart: Day;
	departureDate: Day;
	/** Today in the participant's cohort's time zone. */
	today: Day;
};

/** What the queries found out for the programme office. */
export type OfficeTodoFacts = {
	/** Nomination requests whose officer has not confirmed yet (link still valid), per edition. */
	unconfirmed: EditionCount[];
	/** Submitted applications whose screening needs a person's judgement, per edition. */
	toScreen: EditionCount[];
	/** Submitted applications assigned to this admin and not scored, per edition not yet decided. */
	toScore: EditionCount[];
	/** Applications to score (not screened out) with no reviewer assigned, per edition not decided. */
	toAssign?: EditionCount[];
	/** Editions whose selection is recorded but whose notices have not gone out. */
	notices: { name: string; slug: string; decidedOn: Day }[];
	matters: OpenMatters[];
	/** What the purge would delete now (zero: nothing due). */
	purge: { applications: number; nominations: number; months: number };
	/** Deliveries waiting because the recipient has no account (or has not opened the link). */
	deliveries: {
		id: string;
		participantId: string;
		name: string;
		number: number;
		recipient: Recipient;
		linkSent: boolean;
	}[];
	/** Final-report versions waiting for a decision. */
	versions: { participantId: string; name: string; number: number; since: Day }[];
};

/** Admin matters show 21 days before training (soon) and are overdue from 7 days before. */
export const mattersSoonDays = 21;
export const mattersOverdueDays = 7;

const recipientName: Record<Recipient, string> = {
	rilo_ap: 'RILO A/P',
	wco_secretariat: 'WCO Secretariat',
	home_administration: 'home administration',
};

function callItems(f: OfficeTodoFacts): TodoItem[] {
	return [
		...f.unconfirmed.map<TodoItem>((e) => ({
			key: `unconfirmed:${e.editionId}`,
			tone: 'waiting',
			text: `${countText(e.n, 'nomination')} for ${e.name} ${e.n === 1 ? 'is' : 'are'} not confirmed by the nominating officer yet (the link is valid for 48 hours).`,
			href: '/admin/editions',
		})),
		...f.toScreen.map<TodoItem>((e) => ({
			key: `screen:${e.editionId}`,
			tone: 'waiting',
			text: `${countText(e.n, 'application')} for ${e.name} ${e.n === 1 ? 'needs' : 'need'} a person’s judgement in screening (“to check”).`,
			href: `/admin/applications?edition=${e.editionId}`,
		})),
		...(f.toAssign ?? []).map<TodoItem>((e) => ({
			key: `assign:${e.editionId}`,
			tone: 'waiting',
			text: `${countText(e.n, 'application')} for ${e.name} ${e.n === 1 ? 'has' : 'have'} no reviewer assigned yet.`,
			href: `/admin/applications?edition=${e.editionId}`,
		})),
		...f.toScore.map<TodoItem>((e) => ({
			key: `score:${e.editionId}`,
			tone: 'waiting',
			text: `${countText(e.n, 'application')} for ${e.name} ${e.n === 1 ? 'waits' : 'wait'} for your score.`,
			href: `/admin/selection/${e.slug}`,
		})),
		...f.notices.map<TodoItem>((e) => ({
			key: `notices:${e.slug}`,
			tone: 'today',
			text: `The ${e.name} selection was recorded on ${formatDay(e.decidedOn)}, but the decision notices have not been sent.`,
			href: `/admin/selection/${e.slug}`,
		})),
	];
}

function mattersTone(daysLeft: number): TodoTone {
	if (daysLeft <= mattersOverdueDays) return 'overdue';
	return daysLeft <= mattersSoonDays ? 'soon' : 'later';
}

/** Shown until the participant leaves: a record still open after the start is still to complete. */
function matterItems(f: OfficeTodoFacts): TodoItem[] {
	return f.matters
		.filter((m) => m.missing.length > 0 && m.today <= m.departureDate)
		.map((m) => {
			const daysLeft = daysBetween(m.today, m.trainingStart);
			const when =
				daysLeft < 0
					? `training started ${formatDay(m.trainingStart)}`
					: `training starts ${formatDay(m.trainingStart)} (${whenText(daysLeft)})`;
			return {
				key: `matters:${m.participantId}`,
				tone: mattersTone(daysLeft),
				text: `${m.name}’s admin matters are not complete (${m.missing.join(', ')}); ${when}.`,
				href: `/admin/participants/${m.participantId}`,
				daysLeft: daysLeft - mattersOverdueDays,
			};
		});
}

function purgeItem(f: OfficeTodoFacts): TodoItem[] {
	const { applications, nominations, months } = f.purge;
	if (!applications && !nominations) return [];
	return [
		{
			key: 'purge',
			tone: 'overdue',
			text: `${countText(nominations, 'unsuccessful nomination')} (${countText(applications, 'application')}) passed the ${months}-month retention: run the purge.`,
			href: '/admin/applications/purge',
		},
	];
}

function reportItems(f: OfficeTodoFacts): TodoItem[] {
	return [
		...f.versions.map<TodoItem>((v) => ({
			key: `version:${v.participantId}`,
			tone: 'waiting',
			text: `${v.name}’s final report, version ${v.number} (submitted ${formatDay(v.since)}), waits for a decision.`,
			href: `/report/${v.participantId}`,
		})),
		...f.deliveries.map<TodoItem>((d) => ({
			key: `delivery:${d.id}`,
			tone: 'waiting',
			text: d.linkSent
				? `${d.name}’s final report, version ${d.number}: the link sent to the ${recipientName[d.recipient]} is not opened yet.`
				: `${d.name}’s final report, version ${d.number}, is not delivered to the ${recipientName[d.recipient]}: nobody there has an account; send them a link.`,
			href: `/report/${d.participantId}#delivery`,
		})),
	];
}

/** Everything waiting for the programme office, most urgent first. Empty means nothing waits. */
export function buildOfficeTodo(f: OfficeTodoFacts): TodoItem[] {
	return sortTodo([...purgeItem(f), ...matterItems(f), ...callItems(f), ...reportItems(f)]);
}

/** The admin matters still open, in words, from what is recorded (null: nothing recorded yet). */
export function missingMatters(
	m: {
		allowancePaidOn: string | null;
		ticketItinerary: string;
		insuranceConfirmedOn: string | null;
		visaStatus: string;
	} | null,
): string[] {
	if (!m) return ['visa', 'ticket', 'insurance', 'allowance'];
	return [
		m.visaStatus === 'pending' ? 'visa' : null,
		m.ticketItinerary.trim() ? null : 'ticket',
		m.insuranceConfirmedOn ? null : 'insurance',
		m.allowancePaidOn ? null : 'allowance',
	].filter((x): x is string => x !== null);
}
