/** How many of the assigned reviewers' sheets are in, and what a selection still waits for. */
import { describe, expect, it } from 'vitest';
import { reviewProgress, timingProblems } from '~/lib/office/selection-rules';
import { readListQuery, applyListQuery, type ListItem } from '~/lib/office/application-list';

describe('review progress', () => {
	it('counts the sheets of the assigned reviewers not recused, naming the missing', () => {
		const assigned = [
			{ id: 'a', name: 'Aiko', recused: false },
			{ id: 'c', name: 'Claire', recused: true },
			{ id: 's', name: 'Sione', recused: false },
		];
		expect(reviewProgress(assigned, ['a', 'c'])).toEqual({
			expected: 2,
			in: 1,
			missing: ['Sione'],
		});
		expect(reviewProgress(assigned, ['a', 's'])).toEqual({ expected: 2, in: 2, missing: [] });
		expect(reviewProgress([], ['x'])).toEqual({ expected: 0, in: 0, missing: [] });
	});

	it('holds the selection for missing assigned sheets, in words', () => {
		const problems = timingProblems({
			callOpen: false,
			deadline: 'Sat 31 Jul 2027',
			unscored: [],
			missing: [
				{ name: 'Noa Perel', reviewers: ['Aiko', 'Claire'] },
				{ name: 'Ilse Varga', reviewers: ['Sione'] },
			],
		});
		expect(problems).toEqual([
			'Noa Perel waits for the score sheets of Aiko and Claire (assigned, not recused).',
			'Ilse Varga waits for the score sheet of Sione (assigned, not recused).',
		]);
	});
});

describe('the list filtered by reviewer', () => {
	const item = (id: string, assignedIds: string[], reviewerIds: string[]): ListItem => ({
		id,
		name: id,
		administrationId: 'x',
		administration: 'X',
		submittedAt: new Date(0),
		standing: 'met',
		average: null,
		reviewerIds,
		assignedIds,
	});
	const items = [item('one', ['me'], ['me']), item('two', ['me'], []), item('three', ['you'], [])];
	const names = (q: string) =>
		applyListQuery(items, readListQuery(new URLSearchParams(q))).map((i) => i.id);

	it('keeps what is assigned to the reviewer, or only what still waits for their sheet', () => {
		expect(names('reviewer=me&sort=name')).toEqual(['one', 'two']);
		expect(names('reviewer=me&waiting=1')).toEqual(['two']);
		expect(names('reviewer=nobody')).toEqual([]);
		expect(names('')).toHaveLength(3);
	});
});
