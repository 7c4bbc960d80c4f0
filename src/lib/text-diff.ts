/** Line-by-line differences between two versions of a text, via the `diff` library. Pure. */
import { diffWordsWithSpace } from 'diff';

export type DiffPart = { text: string; change: 'added' | 'removed' | 'same' };

/** The parts of `after` compared with `before`, word by word. */
export function textDiff(before: string, after: string): DiffPart[] {
	return diffWordsWithSpace(before, after).map((p) => ({
		text: p.value,
		change: p.added ? 'added' : p.removed ? 'removed' : 'same',
	}));
}
