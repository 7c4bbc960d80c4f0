/** The report's required sections, lifecycle labels and deadline banners. Pure. */
import type { ReportStatus, Recipient, SectionKind } from '~db/schema';
import { daysBetween, formatDay, type Day } from '../dates';

/** The four sections every report has, in order, with what each must contain. */
export const requiredSections: {
	kind: Exclude<SectionKind, 'custom'>;
	title: string;
	hint: string;
}[] = [
	{
		kind: 'activities',
		title: 'Summary of programme activities',
		hint: 'What you did in the training week and the three OJT weeks, by area.',
	},
	{
		kind: 'study_results',
		title: 'Results of the thematic study',
		hint: 'Findings on alert intelligence, including the intelligence materials you produced.',
	},
	{
		kind: 'recommendations',
		title: 'Recommendation(s) to the home administration',
		hint: 'What your administration could change, and why.',
	},
	{
		kind: 'evaluation',
		title: 'Evaluation of the programme',
		hint: 'Your candid view of the programme. Mentors cannot read this section until the final report is submitted.',
	},
];

export const statusLabels: Record<ReportStatus, string> = {
	outline_drafted: 'Outline being drafted',
	outline_presented: 'Outline presented',
	final_submitted: 'Final report submitted',
	corrections_requested: 'Corrections requested',
	corrections_submitted: 'Corrections submitted',
	closed: 'Closed',
};

export const recipientLabels: Record<Recipient, string> = {
	rilo_ap: 'RILO A/P',
	wco_secretariat: 'WCO Secretariat',
	home_administration: 'Home administration',
};

/** True once the final report has gone out (the evaluation becomes visible to mentors). */
export function isSubmitted(status: ReportStatus): boolean {
	return status !== 'outline_drafted' && status !== 'outline_presented';
}

export type Deadline = {
	key: string;
	label: string;
	day: Day;
	daysLeft: number;
	tone: 'info' | 'soon' | 'overdue';
};

/** The deadline banners that still matter for a report in `status`, as of `today`. */
export function deadlines(
	dates: { outlinePresentationDate: Day; reportDueDate: Day; correctionsUntil: Day },
	status: ReportStatus,
	today: Day,
): Deadline[] {
	const all = [
		{
			key: 'outline',
			label: 'Outline presentation',
			day: dates.outlinePresentationDate,
			relevant: status === 'outline_drafted',
		},
		{
			key: 'final',
			label: 'Final report due (departure + 14 days)',
			day: dates.reportDueDate,
			relevant: !isSubmitted(status),
		},
		{
			key: 'corrections',
			label: 'End of the corrections window',
			day: dates.correctionsUntil,
			relevant: status !== 'closed',
		},
	];
	return all
		.filter((d) => d.relevant)
		.map(({ key, label, day }) => {
			const daysLeft = daysBetween(today, day);
			return {
				key,
				label,
				day,
				daysLeft,
				tone: daysLeft < 0 ? 'overdue' : daysLeft <= 3 ? 'soon' : 'info',
			};
		});
}

/** "in 5 days", "today", "3 days ago" — for banners. */
export function describeDaysLeft(d: Deadline): string {
	if (d.daysLeft === 0) return `${formatDay(d.day)} — today`;
	if (d.daysLeft > 0)
		return `${formatDay(d.day)} — ${d.daysLeft} day${d.daysLeft === 1 ? '' : 's'} left`;
	return `${formatDay(d.day)} — ${-d.daysLeft} day${d.daysLeft === -1 ? '' : 's'} ago`;
}

/** The sentence shown after a report step succeeded (the page redirects with ?done=<action>). */
export const doneMessages: Record<string, string> = {
	submit:
		'Submitted. The version is frozen and sent to the three recipients; Delivery below shows each one. Your working copy stays editable.',
	requestCorrections: 'Returned for corrections. The participant has been notified.',
	accept: 'Accepted. The report is closed and the certificate of completion is issued.',
	presented: 'The outline presentation is recorded.',
	comment: 'Comment added.',
	resolveComment: 'Thread resolved.',
	insertMaterial:
		'Material inserted at the end of the section. The exports show it there; restricted material is named as withheld.',
	acknowledge: 'Receipt acknowledged. The participant has been notified.',
};

/** What "Draft from my log" added, in one sentence. */
export function describeDraft(entries: number, withOutputs: number, resultsTitle: string): string {
	const e = `${entries} approved log ${entries === 1 ? 'entry' : 'entries'}`;
	const m = withOutputs
		? `, and the outputs named in ${withOutputs === entries ? (entries === 1 ? 'it' : 'them') : `${withOutputs} of them`} to “${resultsTitle}”`
		: '';
	return `Draft from my log added ${e}, by area and week, to this section${m}. Rewrite freely; each section’s history can undo it.`;
}

/** "Demo edition" stays as it is; "2026/2027" becomes "2026/2027 edition". */
export function editionLabel(edition: string): string {
	return /\bedition$/i.test(edition.trim()) ? edition.trim() : `${edition.trim()} edition`;
}
