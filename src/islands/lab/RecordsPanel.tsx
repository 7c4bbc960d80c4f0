/** The first records in view, every column, so people can read what they are counting. */
import { fieldInfo, formatCount, recordColumns, showValue } from '~/lib/lab/fields';
import DataTable from './DataTable';
import LabSection from './LabSection';

export default function RecordsPanel({ rows, count }: { rows: string[][]; count: number }) {
	return (
		<LabSection name="records" heading="Records">
			<p className="hint">
				The first {formatCount(rows.length)} of {formatCount(count)} records in view, in file order.
				Export the view to see them all.
			</p>
			<div className="mt-2 text-sm">
				<DataTable
					caption={`First ${rows.length} of ${formatCount(count)} records in view`}
					columns={recordColumns.map((c) => fieldInfo(c).label)}
					rows={rows.map((r) => r.map((cell) => (cell === '' ? '—' : showValue(cell))))}
				/>
			</div>
		</LabSection>
	);
}
