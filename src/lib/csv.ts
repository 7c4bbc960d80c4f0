/**
 * CSV for spreadsheet programs. A cell whose first character is `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read as a formula by Excel, LibreOffice and Google Sheets, so such a cell
 * is prefixed with `'` — judged by the first character of the whole cell, since a cell of
 * several lines is one formula to a spreadsheet (papaparse's default test looks at one line).
 */
import Papa from 'papaparse';

/** The first characters that make a spreadsheet evaluate a cell. */
export const formulaStart = /^[=+\-@\t\r]/;

/**
 * A CSV file (UTF-8 with a BOM, so spreadsheet programs read accents) of `rows`, in `columns`
 * order (the first row's keys when none are given). Every CSV the portal sends is made here:
 * papaparse's own `escapeFormulae: true` misses a formula that spans several lines.
 */
export function toCsv<T extends Record<string, unknown>>(
	rows: T[],
	columns?: (keyof T & string)[],
) {
	return '\uFEFF' + Papa.unparse(rows, { columns, escapeFormulae: formulaStart });
}
