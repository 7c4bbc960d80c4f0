/**
 * One-paragraph text alternatives for the workbench's charts: what a sighted reader takes
 * from the picture, said in words for screen readers and for anyone who prefers text.
 */
import { formatCount, showValue } from './fields';
import type { ValueCount } from './query';

const monthFormat = new Intl.DateTimeFormat('en-GB', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});

/** "November 2025" from '2025-11'. */
export function monthName(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return monthFormat.format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** Highest and lowest months, and the total, of a monthly series. */
export function summariseMonths(
	months: { month: string; count: number }[],
	undated: number,
): string {
	const total = months.reduce((n, m) => n + m.count, 0);
	if (!total) return 'No record in view has a seizure date.';
	const sorted = [...months].sort((a, b) => b.count - a.count);
	const top = sorted[0]!;
	const low = sorted.at(-1)!;
	const first = months[0]!;
	const last = months.at(-1)!;
	return [
		`Records per month from ${monthName(first.month)} to ${monthName(last.month)}: ${formatCount(total)} in all.`,
		`Highest: ${monthName(top.month)} with ${formatCount(top.count)}.`,
		`Lowest: ${monthName(low.month)} with ${formatCount(low.count)}.`,
		`${monthName(first.month)}: ${formatCount(first.count)}; ${monthName(last.month)}: ${formatCount(last.count)}.`,
		undated ? `${formatCount(undated)} records without a date are not shown.` : '',
	]
		.filter(Boolean)
		.join(' ');
}

/** The leading values of a ranking and their share of the records in view. */
export function summariseRanking(values: ValueCount[], what: string, total: number): string {
	if (!values.length) return `No ${what} in view.`;
	const share = (n: number) => (total ? ` (${Math.round((n / total) * 100)}%)` : '');
	const lead = values
		.slice(0, 3)
		.map((v) => `${showValue(v.value)}: ${formatCount(v.count)}${share(v.count)}`)
		.join('; ');
	return `Top ${what} by number of records. ${lead}.`;
}
