/**
 * Building the view: choose a field, a condition and a value, add it; remove filters one by
 * one or all at once. A record must meet every filter.
 */
import { useRef, useState, type SubmitEvent } from 'react';
import { fieldInfo, fields, formatCount, showValue, type FieldName } from '~/lib/lab/fields';
import {
	describeFilter,
	opsByKind,
	takesValue,
	type DatasetInfo,
	type Filter,
	type FilterOp,
} from '~/lib/lab/query';
import LabSelect from './LabSelect';
import LabSection from './LabSection';

/** Select values are strings; this one stands for "the cell is empty". */
const emptyToken = '\u0000empty';

const filterable = fields
	.filter((f) => f.name !== 'synthetic')
	.map((f) => ({ value: f.name, label: f.label }));

type Props = { info: DatasetInfo; filters: Filter[]; onChange: (filters: Filter[]) => void };

function ValueInput({
	field,
	info,
	value,
	onChange,
}: {
	field: FieldName;
	info: DatasetInfo;
	value: string;
	onChange: (v: string) => void;
}) {
	const kind = fieldInfo(field).kind;
	const common = {
		id: 'lab-filter-value',
		value,
		onChange: (e: { target: { value: string } }) => onChange(e.target.value),
	};
	if (kind === 'category') {
		const options = [...(info.values[field] ?? [])].sort((a, b) =>
			field === 'month' || field === 'quarter' || field === 'year'
				? String(a.value).localeCompare(String(b.value))
				: showValue(a.value).localeCompare(showValue(b.value), 'en', { sensitivity: 'base' }),
		);
		return (
			<select {...common}>
				<option value="">Choose a value…</option>
				{options.map((o) => (
					<option key={o.value ?? emptyToken} value={o.value ?? emptyToken}>
						{showValue(o.value)} ({formatCount(o.count)})
					</option>
				))}
			</select>
		);
	}
	if (kind === 'number') return <input {...common} type="number" step="any" inputMode="decimal" />;
	if (kind === 'date') return <input {...common} type="date" min="2023-01-01" max="2025-12-31" />;
	return <input {...common} type="text" autoComplete="off" spellCheck={false} />;
}

export default function FilterBar({ info, filters, onChange }: Props) {
	const [field, setField] = useState<FieldName>('commodity_category');
	const [op, setOp] = useState<FilterOp>('is');
	const [value, setValue] = useState('');
	const chips = useRef<HTMLUListElement>(null);
	const ops = opsByKind[fieldInfo(field).kind];
	const ready =
		!takesValue(op) ||
		(value.trim() !== '' && (field !== 'quantity' || Number.isFinite(Number(value))));

	function chooseField(next: FieldName) {
		setField(next);
		setOp(opsByKind[fieldInfo(next).kind][0]!.op);
		setValue('');
	}

	/** Removes filters, then puts focus on the next filter or back on the field picker. */
	function remove(keep: Filter[], focusAt: number) {
		onChange(keep);
		requestAnimationFrame(() => {
			const buttons = chips.current?.querySelectorAll<HTMLElement>('button') ?? [];
			(
				buttons[Math.min(focusAt, buttons.length - 1)] ??
				document.getElementById('lab-filter-field')
			)?.focus();
		});
	}

	function add(event: SubmitEvent<HTMLFormElement>) {
		event.preventDefault();
		if (!ready) return;
		const chosen = !takesValue(op)
			? null
			: value === emptyToken
				? null
				: fieldInfo(field).kind === 'category'
					? value
					: value.trim();
		onChange([...filters, { field, op, value: chosen }]);
		setValue('');
	}

	return (
		<LabSection name="filters" heading="Filters" className="card">
			<form onSubmit={add} className="mt-2 grid items-end gap-3 sm:grid-cols-[1fr_auto_1fr_auto]">
				<LabSelect
					id="lab-filter-field"
					label="Field"
					value={field}
					options={filterable}
					onChange={(v) => chooseField(v as FieldName)}
				/>
				<LabSelect
					id="lab-filter-op"
					label="Condition"
					value={op}
					options={ops.map((o) => ({ value: o.op, label: o.label }))}
					onChange={(v) => setOp(v as FilterOp)}
				/>
				<div>
					<label htmlFor="lab-filter-value">Value</label>
					{takesValue(op) ? (
						<ValueInput field={field} info={info} value={value} onChange={setValue} />
					) : (
						<input id="lab-filter-value" value="(no value needed)" disabled />
					)}
				</div>
				<button className="btn" disabled={!ready}>
					Add filter
				</button>
			</form>
			<p className="hint">
				A record must meet every filter. Empty cells show as “(empty)”, stray spaces as “␣”.
			</p>
			{filters.length > 0 && (
				<div className="mt-3 flex flex-wrap items-center gap-2">
					<ul ref={chips} aria-label="Active filters" className="flex flex-wrap gap-2">
						{filters.map((f, i) => (
							<li
								key={`${i}-${describeFilter(f)}`}
								className="badge flex items-center gap-1 text-sm"
							>
								<span>{describeFilter(f)}</span>
								<button
									type="button"
									className="cursor-pointer rounded px-1 font-bold hover:bg-slate-300 dark:hover:bg-slate-600"
									aria-label={`Remove filter: ${describeFilter(f)}`}
									onClick={() =>
										remove(
											filters.filter((_, j) => j !== i),
											i,
										)
									}
								>
									×
								</button>
							</li>
						))}
					</ul>
					<button
						type="button"
						className="btn-secondary py-1 text-sm"
						onClick={() => remove([], 0)}
					>
						Clear all filters
					</button>
				</div>
			)}
		</LabSection>
	);
}
