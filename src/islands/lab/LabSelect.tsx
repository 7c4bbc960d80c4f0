/**
 * A labelled select of the lab's controls (filter field and condition, grouping, unit, view
 * setting): the panels say only what is chosen from and what a choice does.
 */
export type Choice = { value: string; label: string };

export default function LabSelect({
	id,
	label,
	value,
	options,
	onChange,
	className,
}: {
	id: string;
	label: string;
	value: string;
	options: readonly Choice[];
	onChange: (value: string) => void;
	className?: string;
}) {
	return (
		<div className={className}>
			<label htmlFor={id}>{label}</label>
			<select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	);
}
