/**
 * The practice search over the synthetic set and the participant's own records: counts by year
 * use each record's day, every page is in date order, and the commodity list follows the group.
 */
import { describe, expect, it } from 'vitest';
import { findCase } from '~/lib/server/cen/cases';
import { createSeizure } from '~/lib/server/cen/seizure';
import { commodityChoices, countBy, pageOf, readQuery, searchRows } from '~/lib/server/cen/search';
import { commodityTypesOf } from '~/lib/server/cen/codes';
import { useTwoCohortsDb } from '../helpers/factories';

const { t, setup } = useTwoCohortsDb();
const today = '2026-12-10';

describe('the practice search', () => {
	it('counts the participant’s own record under its own year and quarter', async () => {
		const { p1 } = await setup();
		const key = findCase('airport-meth-transit')!.key;
		await createSeizure(t.db, p1, { ...key, seizureDate: '2025-09-02' }, { today });
		const mine = await searchRows(t.db, p1.id, readQuery(new URLSearchParams('scope=mine')));
		expect(countBy(mine, 'year')).toEqual([{ value: '2025', count: 1 }]);
		expect(countBy(mine, 'quarter')).toEqual([{ value: '2025-Q3', count: 1 }]);
		const all = await searchRows(t.db, p1.id, readQuery(new URLSearchParams('group=year')));
		const years = countBy(all, 'year');
		const empty = years.find((y) => y.value === '(empty)')?.count ?? 0;
		// The synthetic set's rows without a day are the only "(empty)" ones.
		expect(empty).toBe(all.filter((r) => r.source === 'synthetic' && !r.date).length);
		expect(years.find((y) => y.value === '2025')!.count).toBe(
			all.filter((r) => r.date.startsWith('2025')).length,
		);
	});

	it('sorts every page by date, newest first, own records among the synthetic ones', async () => {
		const { p1 } = await setup();
		const key = findCase('airport-meth-transit')!.key;
		await createSeizure(t.db, p1, { ...key, seizureDate: '2023-02-01' }, { today });
		await createSeizure(t.db, p1, { ...key, seizureDate: '2025-09-02' }, { today });
		const rows = await searchRows(t.db, p1.id, readQuery(new URLSearchParams()));
		const dated = rows.filter((r) => r.date);
		for (let i = 1; i < dated.length; i++)
			expect(
				dated[i - 1]!.date >= dated[i]!.date,
				`${dated[i - 1]!.date} then ${dated[i]!.date}`,
			).toBe(true);
		// Records without a day come last, not in the middle of a page.
		expect(rows.slice(dated.length).every((r) => !r.date)).toBe(true);
		const first = pageOf(rows, 1).rows;
		expect(first.every((r) => r.date.startsWith(first[0]!.date.slice(0, 4)))).toBe(true);
		const own = rows.filter((r) => r.source === 'practice').map((r) => r.date);
		expect(own).toEqual(['2025-09-02', '2023-02-01']);
		// The 2023 record sits among 2023 rows, not on page 1.
		const at = rows.findIndex((r) => r.source === 'practice' && r.date === '2023-02-01');
		expect(rows[at - 1]!.date >= '2023-02-01' && rows[at + 1]!.date <= '2023-02-01').toBe(true);
		expect(at).toBeGreaterThan(25);
	});

	it('offers only the chosen group’s commodities, and drops a commodity of another group', () => {
		expect(commodityChoices('tobacco')).toEqual(commodityTypesOf('tobacco'));
		expect(commodityChoices('')).toContain('cigarettes');
		expect(commodityChoices('')).toContain('ketamine');
		expect(readQuery(new URLSearchParams('category=tobacco&commodity=ketamine')).commodity).toBe(
			'',
		);
		expect(readQuery(new URLSearchParams('category=drugs&commodity=ketamine')).commodity).toBe(
			'ketamine',
		);
	});
});
