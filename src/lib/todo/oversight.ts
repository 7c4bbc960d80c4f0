/**
 * The to-do list of the WCO Secretariat and a home administration's contact: report versions
 * delivered to them to acknowledge, study activities waiting for the home administration's
 * agreement, and the corrections window while a version is undecided or returned. Pure: the
 * facts (already limited to the officers the viewer may see) come from
 * src/lib/server/todo/oversight.ts.
 */
import { daysBetween, formatDay, type Day } from '../dates';
import { agreementItems, type PendingAgreement } from './agreement';
import { sortTodo, toneFor, whenText, type TodoItem } from './item';

/** What the queries found out for one Secretariat or home contact. */
export type OversightTodoFacts = {
	/** Versions delivered to the viewer's recipient and not acknowledged. */
	deliveries: { participantId: string; name: string; number: number; deliveredOn: Day }[];
	/** Activities waiting for the home administration's agreement (a home contact only). */
	agreements: PendingAgreement[];
	/** Latest versions still undecided or returned, with their cohort's corrections window. */
	corrections: {
		participantId: string;
		name: string;
		number: number;
		decision: 'pending' | 'returned';
		correctionsUntil: Day;
		/** Today in the officer's cohort's time zone. */
		today: Day;
	}[];
};

function deliveryItems(f: OversightTodoFacts): TodoItem[] {
	return f.deliveries.map((d) => ({
		key: `acknowledge:${d.participantId}:${d.number}`,
		tone: 'waiting',
		text: `${d.name}’s final report, version ${d.number}, was delivered to you on ${formatDay(d.deliveredOn)}: read it and acknowledge receipt.`,
		href: `/oversight/${d.participantId}/report?version=${d.number}`,
	}));
}

function correctionItems(f: OversightTodoFacts, secretariat: boolean): TodoItem[] {
	return f.corrections
		.filter((c) => c.today <= c.correctionsUntil)
		.map((c) => {
			const daysLeft = daysBetween(c.today, c.correctionsUntil);
			const state =
				c.decision === 'returned'
					? `version ${c.number} was returned for corrections and the corrected version is awaited`
					: secretariat
						? `version ${c.number} is undecided: you may still request corrections`
						: `version ${c.number} is waiting for RILO A/P’s decision`;
			return {
				key: `corrections:${c.participantId}`,
				tone: toneFor(daysLeft),
				text: `${c.name}’s final report: ${state}. The corrections window closes ${formatDay(c.correctionsUntil)} (${whenText(daysLeft)}).`,
				href: `/oversight/${c.participantId}/report?version=${c.number}`,
				daysLeft,
			};
		});
}

/** Everything waiting for an overseer, most urgent first. Empty means nothing waits. */
export function buildOversightTodo(
	f: OversightTodoFacts,
	role: 'secretariat' | 'home',
): TodoItem[] {
	return sortTodo([
		...deliveryItems(f),
		...agreementItems(
			f.agreements,
			(a) => `/oversight/${a.participantId}#activity-${a.activityId}`,
		),
		...correctionItems(f, role === 'secretariat'),
	]);
}
