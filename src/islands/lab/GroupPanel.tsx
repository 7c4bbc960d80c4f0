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
import LabSelect from './LabSelect';
import LabSection from './LabSection';

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

const fieldChoices = groupableFields.map((f) => ({ value: f.name as string, label: f.label }));
/** "Then by" may be left out; its empty choice stands for no second field. */
const optionalFieldChoices = [{ value: '', label: '(nothing)' }, ...fieldChoices];

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
		<LabSection name="group" heading="Group and count">
			<div className="mt-2 grid gap-3 sm:grid-cols-3">
				<LabSelect
					id="lab-group-by"
					label="Group by"
					value={settings.groupBy}
					options={fieldChoices}
					onChange={(v) => v && onSettings({ groupBy: v as FieldName })}
				/>
				<LabSelect
					id="lab-then-by"
					label="Then by"
					value={settings.thenBy ?? ''}
					options={optionalFieldChoices}
					onChange={(v) => onSettings({ thenBy: (v || null) as FieldName | null })}
				/>
				<LabSelect
					id="lab-sum-unit"
					label="Sum quantity in unit"
					value={unit ?? ''}
					options={units.map((u) => ({
						value: u.value ?? '',
						label: `${showValue(u.value)} (${formatCount(u.count)} records)`,
					}))}
					onChange={(v) => onSettings({ sumUnit: v })}
				/>
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
		</LabSection>
	);
}
