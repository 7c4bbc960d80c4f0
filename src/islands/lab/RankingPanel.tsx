/** A ranking as a bar chart with its table: shared by the routes and categories views. */
import { useCallback, useMemo } from 'react';
import { formatCount, showValue } from '~/lib/lab/fields';
import type { ValueCount } from '~/lib/lab/query';
import { summariseRanking } from '~/lib/lab/summaries';
import { rankingChart } from './charts';
import DataTable from './DataTable';
import PlotFigure from './PlotFigure';

type Props = {
	title: string;
	/** Plural noun for the ranked things, e.g. "routes". */
	what: string;
	/** Column heading for the ranked things. */
	column: string;
	values: ValueCount[];
	/** Records in view, for the shares. */
	count: number;
	/** How many bars the chart shows; the table shows all values given. */
	bars?: number;
};

const percent = (n: number, total: number) => (total ? `${((n / total) * 100).toFixed(1)}%` : '—');

export default function RankingPanel({ title, what, column, values, count, bars = 15 }: Props) {
	const top = useMemo(() => values.slice(0, bars), [values, bars]);
	const draw = useCallback((width: number) => rankingChart(top, width, 'Records'), [top]);
	if (!values.length) return <p className="notice mt-4">No records in view.</p>;
	return (
		<PlotFigure
			title={title}
			summary={summariseRanking(values, what, count)}
			draw={draw}
			table={
				<DataTable
					caption={`${column}: records and share of the records in view`}
					columns={['Rank', column, 'Records', 'Share']}
					rows={values.map((v, i) => [
						i + 1,
						showValue(v.value),
						formatCount(v.count),
						percent(v.count, count),
					])}
					numericFrom={2}
				/>
			}
		/>
	);
}
