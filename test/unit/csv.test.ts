import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formulaStart, toCsv } from '~/lib/csv';

/** The cells of a CSV file as a spreadsheet program would read them (BOM dropped). */
function cells(csv: string): string[][] {
	return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false }).data;
}

describe('toCsv', () => {
	it('neutralises a formula that spans several lines', () => {
		const csv = toCsv([{ a: '=HYPERLINK("https://evil.example","click")\nsecond line' }], ['a']);
		expect(cells(csv)[1]![0]).toBe('\'=HYPERLINK("https://evil.example","click")\nsecond line');
	});

	it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (cell) => {
		expect(cells(toCsv([{ a: cell }], ['a']))[1]![0]).toBe(`'${cell}`);
	});

	it('leaves ordinary text alone, formula characters inside included', () => {
		const cell = 'Seizures: 3 = 2 + 1\n- reviewed';
		expect(cells(toCsv([{ a: cell }], ['a']))[1]![0]).toBe(cell);
	});

	it('never lets a generated cell start a formula, and loses no text', () => {
		const text = fc.string({
			unit: fc.oneof(
				fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', "'", ' '),
				fc.string({ unit: 'grapheme', maxLength: 1 }),
			),
			maxLength: 20,
		});
		fc.assert(
			fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 5 }), (rows) => {
				const records = rows.map(([a, b, c]) => ({ a, b, c }));
				const parsed = cells(toCsv(records, ['a', 'b', 'c']));
				expect(parsed[0]).toEqual(['a', 'b', 'c']);
				records.forEach((record, i) => {
					const row = parsed[i + 1]!;
					(['a', 'b', 'c'] as const).forEach((key, j) => {
						const original = record[key];
						expect(row[j]).not.toMatch(formulaStart);
						expect(row[j]).toBe(formulaStart.test(original) ? `'${original}` : original);
					});
				});
			}),
			{ numRuns: 2000 },
		);
	});
});
