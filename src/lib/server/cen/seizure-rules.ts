/**
 * The data-quality rules of the practice seizure form, as taught in the CEN module: required
 * fields, values from the code lists, units that fit the commodity, no future dates, quantities
 * in range, no names (the global CEN is non-nominal). Errors block the save; warnings flag what is
 * plausible but odd and need the person's confirmation.
 */
import { isDay } from '~/lib/dates';
import {
	commodityCategories,
	commodityTypesOf,
	concealments,
	concealmentsFor,
	countries,
	detectionMethods,
	placeTypes,
	transportModes,
	typicalSize,
	unitsFor,
} from './codes';

/** The form's fields, as typed (strings). */
export type SeizureForm = {
	seizureDate: string;
	reportingCountry: string;
	placeType: string;
	detectionMethod: string;
	commodityCategory: string;
	commodityType: string;
	quantity: string;
	unit: string;
	concealment: string;
	transportMode: string;
	originCountry: string;
	departureCountry: string;
	transitCountry: string;
	destinationCountry: string;
	nationalities: string;
	remarks: string;
};

/** Every field of the form, in form order. */
export const seizureFields = [
	'seizureDate',
	'reportingCountry',
	'placeType',
	'detectionMethod',
	'commodityCategory',
	'commodityType',
	'quantity',
	'unit',
	'concealment',
	'transportMode',
	'originCountry',
	'departureCountry',
	'transitCountry',
	'destinationCountry',
	'nationalities',
	'remarks',
] as const satisfies readonly (keyof SeizureForm)[];

/** Field -> message. */
export type Findings = Partial<Record<keyof SeizureForm, string>>;

/** What the rules say about a form. */
export type SeizureCheck = { errors: Findings; warnings: Findings };

/** The rule beside each field, shown on the form before anyone types. */
export const fieldRules: Record<keyof SeizureForm, string> = {
	seizureDate: 'Required. The day of the seizure; it cannot be later than today.',
	reportingCountry: 'Required. From the code list: the administration that made the seizure.',
	placeType: 'Required. Should fit the transport mode (a seaport for a sea container…).',
	detectionMethod: 'Required. What led to the seizure, from the list.',
	commodityCategory: 'Required. The commodity group decides which types and units are allowed.',
	commodityType: 'Required. Must belong to the chosen group.',
	quantity: 'Required. More than zero; a size far from the usual one for the goods is flagged.',
	unit: 'Required. Must fit the goods: kg or g for weighed goods, sticks for cigarettes, pieces for counted goods, litres for liquids, USD for cash.',
	concealment: 'Required. From the list; an unusual method for the transport mode is flagged.',
	transportMode: 'Required. How the goods travelled.',
	originCountry: 'Optional (leave empty when unknown). From the code list.',
	departureCountry: 'Required. From the code list.',
	transitCountry: 'Optional: leave empty for a direct route. Not the departure or destination.',
	destinationCountry: 'Required. From the code list.',
	nationalities:
		'Optional. Country names from the code list, separated by commas. Never names of people.',
	remarks:
		'Optional. Non-nominal: no names, passport or phone numbers — the global CEN holds none.',
};

const inList = (list: readonly string[], value: string) => list.includes(value);

/** A typed number ("1,200.5" reads 1200.5), or null. */
export function readQuantity(text: string): number | null {
	const cleaned = text.replace(/[\s,]/g, '');
	return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

/** Country names typed in a comma-separated list, trimmed, empty parts dropped. */
export function splitCountries(text: string): string[] {
	return text
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

// Titles and document-number shapes: enough to catch the usual slip of writing a person in.
const nominal =
	/\b(?:[Mm]rs?|[Mm]s|[Mm]iss|[Dd]r)\.?\s+[A-Z]|\b[A-Z]{1,2}\d{6,9}\b|\+?\d[\d\s-]{8,}\d/;

// The four fields a record may leave empty; every other field of the form is required.
const optionalFields: readonly (keyof SeizureForm)[] = [
	'originCountry',
	'transitCountry',
	'nationalities',
	'remarks',
];

function requireAll(f: SeizureForm, errors: Findings) {
	const required = seizureFields.filter((field) => !optionalFields.includes(field));
	for (const field of required)
		if (!f[field].trim()) errors[field] = 'Required: a CEN record is incomplete without it.';
}

function checkDate(f: SeizureForm, today: string, errors: Findings, warnings: Findings) {
	if (!f.seizureDate || errors.seizureDate) return;
	if (!isDay(f.seizureDate)) errors.seizureDate = 'Enter a real day (YYYY-MM-DD).';
	else if (f.seizureDate > today)
		errors.seizureDate = 'A seizure cannot be dated in the future: check the year and month.';
	else if (f.seizureDate < '2000-01-01')
		errors.seizureDate = 'Dates before 2000 are not taken: check the year.';
	else if (Number(today.slice(0, 4)) - Number(f.seizureDate.slice(0, 4)) > 5)
		warnings.seizureDate = 'More than five years ago: is this an old case entered late?';
}

function checkCountries(f: SeizureForm, errors: Findings, warnings: Findings) {
	const fields = [
		'reportingCountry',
		'originCountry',
		'departureCountry',
		'transitCountry',
		'destinationCountry',
	] as const;
	for (const field of fields)
		if (f[field] && !inList(countries, f[field]))
			errors[field] = 'Choose a country from the code list (the spelling must match).';
	if (
		f.transitCountry &&
		(f.transitCountry === f.departureCountry || f.transitCountry === f.destinationCountry)
	)
		errors.transitCountry =
			'A transit country is neither the departure nor the destination: leave it empty for a direct route.';
	if (
		f.departureCountry &&
		f.departureCountry === f.destinationCountry &&
		!errors.destinationCountry
	)
		warnings.destinationCountry =
			'Departure and destination are the same country: a domestic seizure? Check the route.';
	const reporting = f.reportingCountry;
	const onRoute = [f.departureCountry, f.transitCountry, f.destinationCountry];
	if (
		reporting &&
		inList(countries, reporting) &&
		f.departureCountry &&
		!onRoute.includes(reporting)
	)
		warnings.reportingCountry =
			'The reporting country is not on the route (departure, transit or destination): check it.';
	const bad = splitCountries(f.nationalities).filter((n) => !inList(countries, n));
	if (bad.length)
		errors.nationalities = `Not in the code list: ${bad.join(', ')}. Give countries, never people’s names.`;
}

function checkCommodity(f: SeizureForm, errors: Findings) {
	if (f.commodityCategory && !inList(commodityCategories, f.commodityCategory))
		errors.commodityCategory = 'Choose a group from the list.';
	else if (f.commodityType && !commodityTypesOf(f.commodityCategory).includes(f.commodityType))
		errors.commodityType = `“${f.commodityType}” is not in the group “${f.commodityCategory}”: choose a type of that group.`;
	if (f.unit && f.commodityType && !errors.commodityType && !errors.commodityCategory) {
		const fits = unitsFor(f.commodityType);
		if (!fits.includes(f.unit))
			errors.unit = `${f.commodityType} is counted in ${fits.join(' or ')}, not ${f.unit}.`;
	}
}

function checkQuantity(f: SeizureForm, errors: Findings, warnings: Findings) {
	if (!f.quantity || errors.quantity) return;
	const q = readQuantity(f.quantity);
	if (q === null && /^[-−–]\s*\d/.test(f.quantity.trim()))
		return void (errors.quantity =
			'A quantity must be positive: give the amount seized without a minus sign, e.g. 12.5.');
	if (q === null) return void (errors.quantity = 'Give a number, e.g. 12.5 (no unit here).');
	if (q <= 0) return void (errors.quantity = 'A seizure has a quantity above zero.');
	if (q > 1e9) return void (errors.quantity = 'More than a billion: check the number.');
	const typical = typicalSize(f.commodityType);
	if (!typical || errors.unit || !f.unit) return;
	const inOwnUnit = f.unit === 'g' ? q / 1000 : q;
	if (['pieces', 'sticks'].includes(f.unit) && !Number.isInteger(q))
		errors.quantity = `${f.unit} are counted in whole numbers.`;
	else if (inOwnUnit > typical.median * 20)
		warnings.quantity = `Far above the usual size (around ${typical.median.toLocaleString('en')} ${typical.unit} even for a container): check the unit and the digits.`;
	else if (f.unit === 'g' && q >= 1000)
		warnings.unit = 'A thousand grams or more: record it in kg, the usual unit for this group.';
}

function checkModeFit(f: SeizureForm, errors: Findings, warnings: Findings) {
	if (f.transportMode && !inList(transportModes, f.transportMode))
		errors.transportMode = 'Choose a transport mode from the list.';
	if (f.placeType && !(f.placeType in placeTypes))
		errors.placeType = 'Choose a kind of place from the list.';
	if (f.detectionMethod && !inList(detectionMethods, f.detectionMethod))
		errors.detectionMethod = 'Choose a detection method from the list.';
	if (f.concealment && !inList(concealments, f.concealment))
		errors.concealment = 'Choose a concealment method from the list.';
	if (errors.transportMode || !f.transportMode) return;
	if (
		f.concealment &&
		!errors.concealment &&
		!concealmentsFor(f.transportMode).includes(f.concealment)
	)
		warnings.concealment = `Unusual for ${f.transportMode}: check the method or the transport mode.`;
	if (f.placeType && !errors.placeType && !placeTypes[f.placeType]!.includes(f.transportMode))
		warnings.placeType = `A ${f.transportMode} seizure at a ${f.placeType} is unusual: check both.`;
}

/** Checks a form against every rule; `today` is the day no seizure may be later than. */
export function checkSeizure(f: SeizureForm, today: string): SeizureCheck {
	const errors: Findings = {};
	const warnings: Findings = {};
	requireAll(f, errors);
	checkDate(f, today, errors, warnings);
	checkCountries(f, errors, warnings);
	checkCommodity(f, errors);
	checkQuantity(f, errors, warnings);
	checkModeFit(f, errors, warnings);
	if (nominal.test(f.remarks))
		errors.remarks =
			'This looks like a name or a document number: the global CEN is non-nominal, so leave people out.';
	return { errors, warnings };
}
