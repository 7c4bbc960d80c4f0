/** Data-quality checks on the records in view: what is missing, repeated, mixed or unusual. */
import { fieldInfo, formatCount, showValue } from '~/lib/lab/fields';
import type { DatasetInfo, QualityReport } from '~/lib/lab/query';
import DataTable from './DataTable';
import LabSection from './LabSection';

type Props = { report: QualityReport; count: number; rarePlaces: DatasetInfo['rarePlaces'] };

const share = (n: number, total: number) => (total ? `${((n / total) * 100).toFixed(1)}%` : '—');
const round = (n: number) => formatCount(Math.round(n * 100) / 100);

function Missing({ report, count }: Omit<Props, 'rarePlaces'>) {
	return (
		<DataTable
			caption="Empty cells per field"
			columns={['Field', 'Empty', 'Share of records']}
			rows={report.missing.map((m) => [
				fieldInfo(m.field).label,
				formatCount(m.count),
				share(m.count, count),
			])}
			numericFrom={1}
		/>
	);
}

function Duplicates({ report }: { report: QualityReport }) {
	return (
		<>
			<p>
				<strong>{formatCount(report.exactDuplicates)}</strong> extra copies of records identical in
				every field (case id included). <strong>{formatCount(report.nearDuplicates)}</strong> likely
				re-entries under another case id: same day, reporting administration, commodity type,
				transport mode, consignee and quantity (grams counted as kilograms).
			</p>
			<div className="mt-2 grid gap-4 md:grid-cols-2">
				<DataTable
					caption="Exact duplicates: most copied cases (first 10)"
					columns={['Case id', 'Copies']}
					rows={report.duplicateExamples.map((d) => [d.caseId, d.copies])}
					numericFrom={1}
				/>
				<DataTable
					caption="Likely re-entries: case ids of the same seizure (first 10)"
					columns={['Case ids']}
					rows={report.nearExamples.map((ids) => [ids.join(', ')])}
				/>
			</div>
		</>
	);
}

function Outliers({ report }: { report: QualityReport }) {
	return (
		<>
			<p className="hint">
				Tukey’s rule: a quantity is unusual when it lies more than 1.5 × the interquartile range (Q3
				− Q1) below Q1 or above Q3 of its unit. Seizure sizes vary widely between commodities and
				transport modes: filter to one commodity type and mode to compare like with like.
			</p>
			<DataTable
				caption="Quantity spread and unusual values per unit"
				columns={[
					'Unit',
					'Records',
					'Q1',
					'Median',
					'Q3',
					'Upper fence',
					'Below',
					'Above',
					'Largest',
				]}
				rows={report.spreads.map((s) => [
					showValue(s.unit),
					formatCount(s.n),
					round(s.q1),
					round(s.median),
					round(s.q3),
					round(s.high),
					formatCount(s.below),
					formatCount(s.above),
					round(s.max),
				])}
				numericFrom={1}
			/>
			<div className="mt-3">
				<DataTable
					caption="Furthest above the upper fence (first 12)"
					columns={['Case id', 'Commodity type', 'Transport mode', 'Quantity', 'Unit']}
					rows={report.outlierExamples.map((o) => [
						o.caseId,
						o.commodity,
						o.mode,
						formatCount(o.quantity),
						showValue(o.unit),
					])}
					numericFrom={3}
				/>
			</div>
		</>
	);
}

export default function QualityPanel({ report, count, rarePlaces }: Props) {
	return (
		<LabSection name="quality" heading="Data quality" className="space-y-6">
			<div>
				<h3 className="font-semibold">Missing values</h3>
				<p className="hint">
					Some fields are empty by design: transit for direct routes, consignee for passengers and
					drivers.
				</p>
				<Missing report={report} count={count} />
			</div>
			<div>
				<h3 className="font-semibold">Duplicates</h3>
				<Duplicates report={report} />
			</div>
			<div>
				<h3 className="font-semibold">Units</h3>
				<p className="hint">
					Look for the same unit written in different ways, and for grams beside kilograms.
				</p>
				<DataTable
					caption="Records per unit"
					columns={['Unit', 'Records']}
					rows={report.units.map((u) => [showValue(u.value), formatCount(u.count)])}
					numericFrom={1}
				/>
			</div>
			<div>
				<h3 className="font-semibold">Unusual quantities</h3>
				<Outliers report={report} />
			</div>
			<div>
				<h3 className="font-semibold">Rare place names</h3>
				<p className="hint">
					Place names seen fewer than five times in the whole data set (not only in view): usually
					misspellings of a common name.
				</p>
				<DataTable
					caption="Rare values in the place fields"
					columns={['Field', 'Value', 'Records']}
					rows={rarePlaces.map((r) => [fieldInfo(r.field).label, showValue(r.value), r.count])}
					numericFrom={2}
				/>
			</div>
		</LabSection>
	);
}
