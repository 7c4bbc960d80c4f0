/**
 * What a participant is reminded of along the charter's clock: drafts left unsubmitted, changes
 * not answered, study milestones, the outline presentation, the final report, and the
 * corrections window. Pure: facts in, reminders out.
 */
import { addDays, daysBetween, formatDay, type Day } from '../dates';
import type { ReportStatus } from '~db/schema';
import { countdownStage, dateAndDaysLeft, type Reminder } from './reminder';
import { addWorkingDays } from './working-days';

/** What the rules need to know about one participant, in their cohort's time zone. */
export type ParticipantFacts = {
	participantId: string;
	cohort: { outlinePresentationDate: Day; reportDueDate: Day; correctionsUntil: Day };
	/**
	 * Drafts, with the day each was created. `label` names the entry in a sentence: its title in
	 * quotes, or "a restricted entry (title withheld)", since mail never carries restricted text.
	 */
	drafts: { id: string; label: string; createdOn: Day }[];
	/** Entries returned for changes, with the day of the request (named like drafts). */
	returned: { id: string; label: string; returnedOn: Day }[];
	/** Study milestones not done. */
	milestones: { id: string; title: string; dueDate: Day }[];
	reportStatus: ReportStatus;
};

/** How long a draft or a request for changes may wait, in working days, before a nudge. */
export const nudgeAfterWorkingDays = 2;

/** "a restricted entry …" → "A restricted entry …" at the start of a sentence. */
function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Nudges older than this are not sent late: after a pause of the clock (a server down, an
 * upgrade), the dashboard lists what waits, and a burst of old nudges would be noise.
 */
export const nudgeCatchUpDays = 7;

/** An entry waiting on the participant, and since which day. */
type Waiting = { id: string; label: string; since: Day };

/**
 * One nudge per participant and due day, however many entries fell due that day: five drafts
 * left on Monday are one message on Wednesday, not five. Keyed by the participant and the day,
 * so the day's nudge goes once even if its entries change later that day.
 */
function nudgesByDay(
	f: ParticipantFacts,
	today: Day,
	waiting: Waiting[],
	kind: string,
	one: (w: Waiting) => Pick<Reminder, 'subject' | 'text' | 'link'>,
	several: (ws: Waiting[]) => Pick<Reminder, 'subject' | 'text' | 'link'>,
): Reminder[] {
	const byDue = new Map<Day, Waiting[]>();
	for (const w of waiting) {
		const due = addWorkingDays(w.since, nudgeAfterWorkingDays);
		if (today < due || daysBetween(due, today) > nudgeCatchUpDays) continue;
		byDue.set(due, [...(byDue.get(due) ?? []), w]);
	}
	for (const ws of byDue.values())
		ws.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
	return [...byDue].map(([due, ws]) => ({
		kind,
		messageKind: 'nudge' as const,
		subjectId: f.participantId,
		due,
		recipient: { userId: f.participantId },
		...(ws.length === 1 ? one(ws[0]!) : several(ws)),
	}));
}

/** How many entries a grouped nudge names before "and N more". */
const namedInNudge = 3;

/** "“A”, “B” and “C”", or "“A”, “B”, “C” and 4 more", from the entries' labels. */
function listed(ws: Waiting[]): string {
	const labels = ws.slice(0, namedInNudge).map((w) => w.label);
	const more = ws.length - labels.length;
	if (more > 0) return `${labels.join(', ')} and ${more} more`;
	return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0]!;
}

function entryNudges(f: ParticipantFacts, today: Day): Reminder[] {
	const drafts = nudgesByDay(
		f,
		today,
		f.drafts.map((d) => ({ id: d.id, label: d.label, since: d.createdOn })),
		'entry_draft',
		(d) => ({
			subject: `Logbook draft not submitted: ${d.label}`,
			text: `${capitalised(d.label)} in your logbook has been a draft since ${formatDay(d.since)}. Submit it for review, or delete it if it is not needed.`,
			link: `/logbook/${d.id}`,
		}),
		(ds) => ({
			subject: `${ds.length} logbook drafts not submitted`,
			text: `${ds.length} entries in your logbook have been drafts since ${formatDay(ds[0]!.since)}: ${listed(ds)}. Submit them for review, or delete the ones not needed.`,
			link: '/logbook',
		}),
	);
	const returned = nudgesByDay(
		f,
		today,
		f.returned.map((r) => ({ id: r.id, label: r.label, since: r.returnedOn })),
		'entry_changes',
		(r) => ({
			subject: `Changes requested on ${r.label}`,
			text: `Your mentor asked for changes to ${r.label} on ${formatDay(r.since)}, and the entry has not been resubmitted. Make the changes and submit it again.`,
			link: `/logbook/${r.id}`,
		}),
		(rs) => ({
			subject: `Changes requested on ${rs.length} logbook entries`,
			text: `Your mentor asked for changes to ${rs.length} entries on ${formatDay(rs[0]!.since)}: ${listed(rs)}. None has been resubmitted yet. Make the changes and submit them again.`,
			link: '/logbook',
		}),
	);
	return [...drafts, ...returned];
}

function milestoneReminders(f: ParticipantFacts, today: Day): Reminder[] {
	return f.milestones.flatMap((m) => {
		// Due tomorrow (or today), then once overdue, for a fortnight at most.
		const stage = countdownStage(today, m.dueDate, [1, -1], 14);
		if (stage === null) return [];
		const overdue = stage < 0;
		return [
			{
				kind: overdue ? 'milestone_overdue' : 'milestone_due',
				messageKind: 'deadline' as const,
				subjectId: m.id,
				due: m.dueDate,
				recipient: { userId: f.participantId },
				subject: overdue
					? `Study milestone overdue: ${m.title}`
					: `Study milestone due: ${m.title}`,
				text: overdue
					? `Your study milestone “${m.title}” was due on ${dateAndDaysLeft(today, m.dueDate)}. Mark it done on your study page, or move its date with your mentor.`
					: `Your study milestone “${m.title}” is due on ${dateAndDaysLeft(today, m.dueDate)}.`,
				link: '/study#milestones',
			},
		];
	});
}

function reportReminders(f: ParticipantFacts, today: Day): Reminder[] {
	const to = { userId: f.participantId };
	const out: Reminder[] = [];
	const { outlinePresentationDate, reportDueDate, correctionsUntil } = f.cohort;
	if (
		f.reportStatus === 'outline_drafted' &&
		countdownStage(today, outlinePresentationDate, [3]) !== null
	)
		out.push({
			kind: 'outline_presentation',
			messageKind: 'deadline',
			subjectId: f.participantId,
			due: outlinePresentationDate,
			recipient: to,
			subject: 'Report outline presentation coming up',
			text: `You present the outline of your final report on ${dateAndDaysLeft(today, outlinePresentationDate)}. Check that every section of the outline has its points.`,
			link: '/report',
		});
	const notSubmitted =
		f.reportStatus === 'outline_drafted' || f.reportStatus === 'outline_presented';
	const stage = notSubmitted ? countdownStage(today, reportDueDate, [7, 2, 0, -1], 14) : null;
	if (stage !== null)
		out.push({
			kind: stage < 0 ? 'report_overdue' : `report_due_${stage}d`,
			messageKind: 'deadline',
			subjectId: f.participantId,
			due: reportDueDate,
			recipient: to,
			subject: stage < 0 ? 'Final report overdue' : 'Final report due',
			text:
				stage < 0
					? `Your final report was due on ${dateAndDaysLeft(today, reportDueDate)} and has not been submitted. Submit it, or tell your mentor when it will come.`
					: `Your final report is due on ${dateAndDaysLeft(today, reportDueDate)}. Submit it from your report page when it is ready.`,
			link: '/report',
		});
	if (
		f.reportStatus === 'corrections_requested' &&
		countdownStage(today, correctionsUntil, [3]) !== null
	)
		out.push({
			kind: 'corrections_closing',
			messageKind: 'deadline',
			subjectId: f.participantId,
			due: correctionsUntil,
			recipient: to,
			subject: 'Corrections window closing',
			text: `The window for corrections to your final report closes on ${dateAndDaysLeft(today, correctionsUntil)}. Submit the corrected version before then.`,
			link: '/report',
		});
	return out;
}

/** Every reminder due today for one participant. */
export function participantReminders(f: ParticipantFacts, today: Day): Reminder[] {
	return [...entryNudges(f, today), ...milestoneReminders(f, today), ...reportReminders(f, today)];
}

/** Days after which a cohort no longer gets reminders (the corrections window and a margin). */
export function cohortStillRunning(
	cohort: { trainingStart: Day; correctionsUntil: Day },
	today: Day,
): boolean {
	return (
		daysBetween(today, cohort.trainingStart) <= 60 && today <= addDays(cohort.correctionsUntil, 14)
	);
}
