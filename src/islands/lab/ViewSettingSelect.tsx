/** The one setting of the routes and categories views: how routes run, or which field. */
import { groupableFields, type FieldName } from '~/lib/lab/fields';
import type { RouteBy } from '~/lib/lab/query';

const routeOptions: { value: RouteBy; label: string }[] = [
	{ value: 'origin', label: 'Origin → destination' },
	{ value: 'departure', label: 'Departure → destination' },
	{ value: 'via-transit', label: 'Origin → transit → destination' },
];

type Props =
	| { kind: 'route'; value: RouteBy; onChange: (value: RouteBy) => void }
	| { kind: 'field'; value: FieldName; onChange: (value: FieldName) => void };

export default function ViewSettingSelect(props: Props) {
	const id = `lab-${props.kind}-setting`;
	const options =
		props.kind === 'route'
			? routeOptions
			: groupableFields.map((f) => ({ value: f.name, label: f.label }));
	return (
		<div className="mt-2 max-w-sm">
			<label htmlFor={id}>{props.kind === 'route' ? 'Route by' : 'Break down by'}</label>
			<select
				id={id}
				value={props.value}
				onChange={(e) => (props.onChange as (v: string) => void)(e.target.value)}
			>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	);
}
