/** A plain data table with a caption, in a scroll box that keyboard users can scroll too. */
import type { ReactNode } from 'react';

type Props = {
	caption: string;
	columns: string[];
	rows: ReactNode[][];
	/** Columns from this index on hold numbers and are right-aligned. */
	numericFrom?: number;
	/** Hide the caption visually when a heading above already says it. */
	quietCaption?: boolean;
};

export default function DataTable({
	caption,
	columns,
	rows,
	numericFrom = Infinity,
	quietCaption,
}: Props) {
	const align = (i: number) => (i >= numericFrom ? 'text-right tabular-nums' : undefined);
	return (
		<div
			className={rows.length > 20 ? 'max-h-[32rem] overflow-auto' : 'overflow-x-auto'}
			tabIndex={0}
			role="region"
			aria-label={caption}
		>
			<table>
				<caption className={quietCaption ? 'sr-only' : 'pb-1 text-left text-sm font-semibold'}>
					{caption}
				</caption>
				<thead className="sticky top-0 bg-white dark:bg-slate-950">
					<tr>
						{columns.map((c, i) => (
							<th key={c} scope="col" className={align(i)}>
								{c}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.map((row, r) => (
						<tr key={r}>
							{row.map((cell, i) => (
								<td key={i} className={align(i)} data-label={columns[i]}>
									{cell}
								</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
