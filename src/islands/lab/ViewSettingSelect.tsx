/** The one setting of the routes and categories views: how routes run, or which field. */
import { groupableFields, type FieldName } from '~/lib/lab/fields';
import type { RouteBy } from '~/lib/lab/query';
import LabSelect from './LabSelect';

const routeOptions: { value: RouteBy; label: string }[] = [
	{ value: 'origin', label: 'Origin → destination' },
	{ value: 'departure', label: 'Departure → destination' },
	{ value: 'via-transit', label: 'Origin → transit → destination' },
];

type Props =
	| { kind: 'route'; value: RouteBy; onChange: (value: RouteBy) => void }
	| { kind: 'field'; value: FieldName; onChange: (value: FieldName) => void };

export default function ViewSettingSelect(props: Props) {
	const options =
		props.kind === 'route'
			? routeOptions
			: groupableFields.map((f) => ({ value: f.name, label: f.label }));
	return (
		<LabSelect
			className="mt-2 max-w-sm"
			id={`lab-${props.kind}-setting`}
			label={props.kind === 'route' ? 'Route by' : 'Break down by'}
			value={props.value}
			options={options}
			onChange={props.onChange as (v: string) => void}
		/>
	);
}
