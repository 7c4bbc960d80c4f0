/**
 * The charter's selection rules: at most four candidates, at most one per Member
 * administration, and only eligible candidates. Says which rule a choice breaks. Pure.
 */
import type { Verdict } from './screening';

/** The most candidates one edition selects. */
export const maxSelected = 4;

/** A candidate as the rules see them. */
export type Pick = {
	name: string;
	administrationId: string;
	administration: string;
	standing: Verdict;
};

/** The first rule the choice breaks, in words, or null when it keeps them all. */
export function selectionProblem(picks: Pick[]): string | null {
	if (!picks.length) return 'Choose the selected candidates: none is ticked.';
	if (picks.length > maxSelected)
		return `At most ${maxSelected} candidates can be selected: ${picks.length} are ticked. Untick ${picks.length - maxSelected}.`;
	const ineligible = picks.find((p) => p.standing !== 'met');
	if (ineligible)
		return ineligible.standing === 'to_check'
			? `Only eligible candidates can be selected: ${ineligible.name}’s screening still has a result to check. Settle it on their application (override it with a note) first.`
			: `Only eligible candidates can be selected: ${ineligible.name} does not meet every requirement.`;
	for (const p of picks) {
		const same = picks.filter((q) => q.administrationId === p.administrationId);
		if (same.length > 1)
			return `At most one candidate per Member administration: ${same.map((q) => q.name).join(' and ')} are both from ${p.administration}.`;
	}
	return null;
}

/** What decides whether a selection may be recorded now. */
export type Timing = {
	/** True while the call still accepts applications. */
	callOpen: boolean;
	/** The deadline in words ("Sat 31 Jul 2027, 23:59 Tokyo time"). */
	deadline: string;
	/** Names of the eligible candidates nobody has scored yet, with no reviewer assigned either. */
	unscored: string[];
	/** Eligible candidates waiting for the sheets of assigned reviewers (not recused). */
	missing?: { name: string; reviewers: string[] }[];
	/** Eligible candidates whose reviewers' totals are too far apart, with the totals. */
	disagreements?: { name: string; totals: number[] }[];
};

/**
 * Why a selection cannot be right yet: the call is still open (someone may still apply), or an
 * eligible candidate has no score sheet. An admin may record anyway, with a written reason. Pure.
 */
export function timingProblems(t: Timing): string[] {
	const out: string[] = [];
	if (t.callOpen)
		out.push(
			`The call is still open until ${t.deadline}: candidates may still apply, so the selection waits for the deadline.`,
		);
	if (t.unscored.length)
		out.push(
			`${t.unscored.length === 1 ? 'One eligible candidate has' : `${t.unscored.length} eligible candidates have`} no score sheet yet: ${t.unscored.join(', ')}.`,
		);
	for (const m of t.missing ?? [])
		out.push(
			`${m.name} waits for the score ${m.reviewers.length === 1 ? 'sheet' : 'sheets'} of ${andList(m.reviewers)} (assigned, not recused).`,
		);
	for (const d of t.disagreements ?? [])
		out.push(
			`The reviewers disagree on ${d.name} by more than ${spreadThreshold} points (totals ${d.totals.join(' and ')}): discuss it and revise the sheets before ranking.`,
		);
	return out;
}

/** "A", "A and B", "A, B and C". */
function andList(names: string[]): string {
	return names.length < 2
		? (names[0] ?? '')
		: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A reviewer assigned to one candidate, as the review progress counts them. */
export type AssignedReviewer = { id: string; name: string; recused: boolean };

/**
 * How many of the assigned reviewers' sheets are in ("2 of 2 sheets"): the expected are the
 * assigned reviewers not recused; missing are those of them without a sheet. Pure.
 */
export function reviewProgress(assigned: AssignedReviewer[], sheetReviewerIds: string[]) {
	const expected = assigned.filter((a) => !a.recused);
	const missing = expected.filter((a) => !sheetReviewerIds.includes(a.id)).map((a) => a.name);
	return { expected: expected.length, in: expected.length - missing.length, missing };
}

/** The two parties whose confirmation makes a selection take effect (charter section V). */
export type Confirmations = { officeAt: Date | null; secretariatAt: Date | null };

/** True once both the programme office and the WCO Secretariat have confirmed. */
export function selectionInEffect(c: Confirmations): boolean {
	return Boolean(c.officeAt && c.secretariatAt);
}

/** Two reviewers' totals further apart than this are discussed before the ranking counts. */
export const spreadThreshold = 6;

/** The gap between the highest and the lowest total when it exceeds the threshold, else null. */
export function disagreement(totals: number[], threshold = spreadThreshold): number | null {
	if (totals.length < 2) return null;
	const gap = Math.max(...totals) - Math.min(...totals);
	return gap > threshold ? gap : null;
}
