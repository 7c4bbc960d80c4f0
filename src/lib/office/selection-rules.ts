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
