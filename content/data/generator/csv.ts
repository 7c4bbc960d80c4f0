/** Writing records as RFC 4180 CSV, the format CEN-style bulk exports and spreadsheets share. */
import { columns, type SeizureRecord } from './vocabulary';

function cell(value: string | number | null): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header line and one line per record, each ending in \n. */
export function toCsv(records: SeizureRecord[]): string {
	const lines = [columns.join(',')];
	for (const r of records) lines.push(columns.map((c) => cell(r[c])).join(','));
	return `${lines.join('\n')}\n`;
}
