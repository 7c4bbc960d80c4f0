/**
 * A reminder is a pure function of the records and the time: the rules in this folder turn facts
 * into reminders; src/lib/server/clock/ claims each under its unique key and sends it once.
 */
import { daysBetween, formatDay, type Day } from '../dates';
import type { MessageKind } from './reminder-kinds';

/** Who receives a reminder: a person with an account, or an address (a nominating officer, a candidate). */
export type Recipient = { userId: string } | { email: string; name: string };

/** One reminder, ready to claim and send. */
export type Reminder = {
	/** What it is about and at which stage, e.g. `report_due_7d`; part of the unique key. */
	kind: string;
	/** The kind of message, which decides how the person gets it by email. */
	messageKind: MessageKind;
	/** The record it is about. */
	subjectId: string;
	/** The deadline or day it is for. */
	due: Day;
	recipient: Recipient;
	/** The email subject (the in-app notification shows `text`). */
	subject: string;
	/** Plain sentences with the date, the days left, and what to do. */
	text: string;
	/** Where to act, a path on the portal (or a full link for people without an account). */
	link: string;
};

/** The unique key under which a reminder is claimed: kind, subject, due day, recipient. */
export function reminderKey(reminder: Reminder): string {
	const to = 'userId' in reminder.recipient ? reminder.recipient.userId : reminder.recipient.email;
	return [reminder.kind, reminder.subjectId, reminder.due, to].join('|');
}

/** "in 3 days", "tomorrow", "today", "1 day ago", "5 days ago". */
export function whenFrom(today: Day, due: Day): string {
	const days = daysBetween(today, due);
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days > 1) return `in ${days} days`;
	return days === -1 ? '1 day ago' : `${-days} days ago`;
}

/** "Tue 8 Dec 2026 (in 3 days)": the date and the days left, as every reminder words it. */
export function dateAndDaysLeft(today: Day, due: Day): string {
	return `${formatDay(due)} (${whenFrom(today, due)})`;
}

/**
 * Which stage of a countdown applies today, if any. Stages are days before the deadline (0 is
 * the day itself, a negative value "overdue"), largest first; a stage holds from its day until
 * the next stage begins, so a run missed while the server was down still sends the stage that
 * matters now, and none once `lateBy` days have passed since the deadline.
 */
export function countdownStage(today: Day, due: Day, stages: number[], lateBy = 0): number | null {
	const left = daysBetween(today, due);
	if (left < -lateBy) return null;
	const ordered = [...stages].sort((a, b) => b - a);
	for (let i = 0; i < ordered.length; i++) {
		const stage = ordered[i]!;
		const next = ordered[i + 1];
		if (left <= stage && (next === undefined || left > next)) return stage;
	}
	return null;
}
