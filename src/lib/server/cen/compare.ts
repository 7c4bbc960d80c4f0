/**
 * Compares a coded record with an exercise's key, field by field, and says why each difference
 * matters. Equivalent codings count as right: 2,400 g and 2.4 kg, countries in any order.
 */
import type { CodingCase } from './cases';
import { readQuantity, seizureFields, splitCountries, type SeizureForm } from './seizure-rules';

/** People's names for the form's fields. */
export const fieldLabels: Record<keyof SeizureForm, string> = {
	seizureDate: 'Seizure date',
	reportingCountry: 'Reporting country',
	placeType: 'Place of detection',
	detectionMethod: 'Detection method',
	commodityCategory: 'Commodity group',
	commodityType: 'Commodity',
	quantity: 'Quantity',
	unit: 'Unit',
	concealment: 'Concealment',
	transportMode: 'Transport mode',
	originCountry: 'Origin country',
	departureCountry: 'Departure country',
	transitCountry: 'Transit country',
	destinationCountry: 'Destination country',
	nationalities: 'Nationalities involved',
	remarks: 'Remarks',
};

/** One field's verdict. */
export type FieldVerdict = {
	field: keyof SeizureForm;
	label: string;
	expected: string;
	given: string;
	ok: boolean;
	/** Why the key says what it says (always shown on a difference). */
	explanation: string;
};

/** Amount in the commodity's base unit (grams become kilograms), or null. */
function baseAmount(f: SeizureForm): number | null {
	const q = readQuantity(f.quantity);
	if (q === null) return null;
	return f.unit === 'g' ? q / 1000 : q;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const weighed = (unit: string) => unit === 'kg' || unit === 'g';

function sameAmount(key: SeizureForm, given: SeizureForm): boolean {
	const [a, b] = [baseAmount(key), baseAmount(given)];
	return a !== null && b !== null && Math.abs(a - b) <= Math.abs(a) * 0.005;
}

function fieldOk(field: keyof SeizureForm, key: SeizureForm, given: SeizureForm): boolean {
	if (field === 'quantity') return sameAmount(key, given);
	// 2,400 g is as right as 2.4 kg: the unit differs, the amount does not.
	if (field === 'unit')
		return (
			same(key.unit, given.unit) ||
			(weighed(key.unit) && weighed(given.unit) && sameAmount(key, given))
		);
	if (field === 'nationalities') {
		const norm = (s: string) =>
			splitCountries(s)
				.map((x) => x.toLowerCase())
				.sort()
				.join(',');
		return norm(key.nationalities) === norm(given.nationalities);
	}
	return same(key[field], given[field]);
}

function explain(field: keyof SeizureForm, c: CodingCase): string {
	const expected = c.key[field] || '(empty)';
	return c.notes[field] ?? `The case gives ${fieldLabels[field].toLowerCase()} as “${expected}”.`;
}

/** The verdict on every compared field (remarks are free text and not compared). */
export function compareWithKey(c: CodingCase, given: SeizureForm): FieldVerdict[] {
	return seizureFields
		.filter((field) => field !== 'remarks')
		.map((field) => ({
			field,
			label: fieldLabels[field],
			expected: c.key[field],
			given: given[field],
			ok: fieldOk(field, c.key, given),
			explanation: explain(field, c),
		}));
}
