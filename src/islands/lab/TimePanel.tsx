/** Records per month over the whole period, for the records in view. */
import { useCallback } from 'react';
import { formatCount } from '~/lib/lab/fields';
import { monthName, summariseMonths } from '~/lib/lab/summaries';
import DataTable from './DataTable';
import MonthlyChart from './MonthlyChart';
import PlotFigure from './PlotFigure';
import LabSection from './LabSection';

type Props = { months: { month: string; count: number }[]; undated: number };

export default function TimePanel({ months, undated }: Props) {
	const summary = summariseMonths(months, undated);
	const svg = useCallback(
		(width: number) => <MonthlyChart months={months} width={width} summary={summary} />,
		[months, summary],
	);
	return (
		<LabSection name="time" heading="Seizures over time">
			<p className="hint">
				Number of records in view per month. Compare the same month across years before calling a
				rise a trend.
			</p>
			<PlotFigure
				title="Records per month, January 2023 to December 2025"
				summary={summary}
				svg={svg}
				table={
					<DataTable
						caption="Records per month"
						columns={['Month', 'Records']}
						rows={months.map((m) => [monthName(m.month), formatCount(m.count)])}
						numericFrom={1}
					/>
				}
			/>
		</LabSection>
	);
}
