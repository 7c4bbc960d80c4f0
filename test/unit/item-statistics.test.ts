/** Item statistics: share right and discrimination computed as the facilitator page explains them. */
import { describe, expect, it } from 'vitest';
import { itemStatistics } from '~/lib/assessment/item-statistics';

// Six respondents, three items. Item 0 separates strong from weak; item 1 everyone gets right;
// item 2 is answered right only by the weakest respondents (a key problem).
const T = true;
const F = false;
const responses = [
	[T, T, F, T],
	[T, T, F, T],
	[T, T, F, T],
	[F, T, T, F],
	[F, T, T, F],
	[F, T, F, F],
];

describe('item statistics', () => {
	const stats = itemStatistics(responses, 4);

	it('gives the share right per item', () => {
		expect(stats.map((s) => s.facility)).toEqual([0.5, 1, 0.33, 0.5]);
		expect(stats.every((s) => s.n === 6)).toBe(true);
	});

	it('gives a high discrimination to an item the strong get right and the weak miss', () => {
		// corrected item-total: item 0 against the score on the other items (2,2,2,2,2,1)
		expect(stats[0]!.pointBiserial).toBe(0.45);
		// top 27% of 6 = 2 respondents (all right), bottom 2 (all wrong): 1 - 0
		expect(stats[0]!.upperLower).toBe(1);
		expect(stats[0]!.flag).toBeNull();
	});

	it('flags an item everyone gets right, and leaves its correlation undefined', () => {
		expect(stats[1]!.pointBiserial).toBeNull();
		expect(stats[1]!.flag).toMatch(/Very easy/);
	});

	it('flags an item the weaker participants get right more often', () => {
		expect(stats[2]!.pointBiserial).toBeLessThan(0);
		expect(stats[2]!.upperLower).toBeLessThan(0);
		expect(stats[2]!.flag).toMatch(/Negative discrimination/);
	});

	it('leaves out respondents who did not have the item, and needs enough of them', () => {
		const few = itemStatistics(
			[
				[T, null],
				[F, T],
			],
			2,
		);
		expect(few[0]).toMatchObject({ n: 2, facility: 0.5, pointBiserial: null, upperLower: null });
		expect(few[1]).toMatchObject({ n: 1, facility: 1 });
		expect(itemStatistics([], 1)[0]).toMatchObject({ n: 0, facility: null, flag: null });
	});
});
