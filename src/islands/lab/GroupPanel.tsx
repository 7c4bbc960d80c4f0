/** Counts by one or two fields, with the sum of quantity over one unit at a time. */
import {
	fieldInfo,
	formatCount,
	groupableFields,
	showValue,
	type FieldName,
} from '~/lib/lab/fields';
import type { GroupRow, ValueCount, ViewSettings } from '~/lib/lab/query';
import DataTable from './DataTable';

type Props = {
	keys: FieldName[];
	rows: GroupRow[];
	groups: number;
	unit: string | null;
	units: ValueCount[];
	count: number;
	settings: ViewSettings;
	onSettings: (change: Partial<ViewSettings>) => void;
};

function FieldSelect({
	id,
	label,
	value,
	onChange,
	allowNone,
}: {
	id: string;
	label: string;
	value: FieldName | null;
	onChange: (v: FieldName | null) => void;
	allowNone?: boolean;
}) {
	return (
		<div>
			<label htmlFor={id}>{label}</label>
			<select
				id={id}
				value={value ?? ''}
				onChange={(e) => onChange((e.target.value || null) as FieldName | null)}
			>
				{allowNone && <option value="">(nothing)</option>}
				{groupableFields.map((f) => (
					<option key={f.name} value={f.name}>
						{f.label}
					</option>
				))}
			</select>
		</div>
	);
}

export default function GroupPanel({
	keys,
	rows,
	groups,
	unit,
	units,
	count,
	settings,
	onSettings,
}: Props) {
	const inUnit = units.find((u) => u.value === unit)?.count ?? 0;
	const sumLabel = `Sum of quantity (${unit ?? '—'})`;
	return (
		<section aria-labelledby="lab-group-heading">
			<h2 id="lab-group-heading" className="text-lg">
				Group and count
			</h2>
			<div className="mt-2 grid gap-3 sm:grid-cols-3">
				<FieldSelect
					id="lab-group-by"
					label="Group by"
					value={settings.groupBy}
					onChange={(v) => v && onSettings({ groupBy: v })}
				/>
				<FieldSelect
					id="lab-then-by"
					label="Then by"
					value={settings.thenBy}
					allowNone
					onChange={(v) => onSettings({ thenBy: v })}
				/>
				<div>
					<label htmlFor="lab-sum-unit">Sum quantity in unit</label>
					<select
						id="lab-sum-unit"
						value={unit ?? ''}
						onChange={(e) => onSettings({ sumUnit: e.target.value })}
					>
						{units.map((u) => (
							<option key={u.value} value={u.value ?? ''}>
								{showValue(u.value)} ({formatCount(u.count)} records)
							</option>
						))}
					</select>
				</div>
			</div>
			<p className="hint">
				Sums add only the {formatCount(inUnit)} records measured in “{unit ?? '—'}”; the other{' '}
				{formatCount(count - inUnit)} records in view are left out, because kilograms, grams, pieces
				and sticks cannot be added together. Convert units first where they measure the same thing.
			</p>
			<div className="mt-3">
				<DataTable
					caption={
						rows.length < groups
							? `Records: the largest ${rows.length} of ${formatCount(groups)} groups`
							: `Records in ${formatCount(groups)} ${groups === 1 ? 'group' : 'groups'}`
					}
					columns={[
						...keys.map((k) => fieldInfo(k).label),
						'Records',
						sumLabel,
						`Records in ${unit ?? '—'}`,
					]}
					rows={rows.map((r) => [
						...r.keys.map(showValue),
						formatCount(r.count),
						r.withUnit ? formatCount(r.sum) : '—',
						formatCount(r.withUnit),
					])}
					numericFrom={keys.length}
				/>
			</div>
		</section>
	);
}
