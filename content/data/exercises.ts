/**
 * The data lab's graded exercises. Answers come from ground-truth.json, which the generator
 * measures on the finished data set, so they stay right whenever the data is regenerated.
 * Server-only: this file holds the answers.
 */
import truth from './ground-truth.json';

/** How an answer is given and compared. */
export type ExerciseAnswer =
	| { kind: 'choice'; options: string[]; value: string }
	| { kind: 'number'; value: number; tolerance: number; unit?: string }
	| { kind: 'text'; value: string; placeholder?: string };

export type Exercise = {
	/** Stable id stored with every attempt: never rename. */
	id: string;
	title: string;
	question: string;
	/** Shown after a wrong answer: where to look, without giving the answer away. */
	hint: string;
	/** Shown after a right answer: how an analyst would confirm it. */
	explanation: string;
	answer: ExerciseAnswer;
};

const key = truth.exercises;
const cocaine = key['cocaine-2024-kg'].answer;
const shifted = truth.patterns.concealmentShift.commodityType;

/** Every exercise, in the order the page lists them. */
export const exercises: Exercise[] = [
	{
		id: 'seasonal-peak',
		title: 'A seasonal peak',
		question:
			'Count the records per calendar month over 2023 to 2025. In which month of the year are seizures highest?',
		hint: 'Look at the monthly chart in "Over time" without any filter. Compare the same month across the three years.',
		explanation:
			'The same month is highest in each of the three years, so it is a seasonal pattern and not a single busy month.',
		answer: { kind: 'choice', options: key['seasonal-peak'].options, value: key['seasonal-peak'].answer },
	},
	{
		id: 'emerging-route',
		title: 'An emerging route',
		question:
			'Compare the fourth quarter of 2025 (October to December) with the same quarter a year before, 2024-Q4. Which origin → destination route gained the most records?',
		hint: 'Filter on quarter 2024-Q4, note the route counts in "Routes", then do the same for 2025-Q4 and compare. Comparing the same period of two years keeps the November peak out of the comparison; the busiest route is not always the one that grew.',
		explanation:
			'This route was almost absent in late 2024 and then grew quarter after quarter. Comparing a quarter with the same quarter a year before removes the seasonal rise every route shows around November, so the growth is not the season.',
		answer: { kind: 'choice', options: key['emerging-route'].options, value: key['emerging-route'].answer },
	},
	{
		id: 'concealment-shift',
		title: 'A change in concealment',
		question: `For ${shifted}, "in tea packaging" was the most frequent concealment method in 2023. Which method was the most frequent in 2025?`,
		hint: `Filter commodity type = ${shifted}, then group by year and concealment method (or use "Categories" with the year filter).`,
		explanation:
			'The old method falls year by year while the new one rises: a shift in modus operandi that risk profiles built on 2023 data would miss.',
		answer: { kind: 'choice', options: key['concealment-shift'].options, value: key['concealment-shift'].answer },
	},
	{
		id: 'cluster-consignee',
		title: 'A linked cluster',
		question:
			'One consignee reference appears on far more cases than any other, reported by more than one administration. Which reference is it?',
		hint: 'Group by consignee reference and sort by the number of records. Ignore the empty value: passengers and drivers have no consignee.',
		explanation:
			'The cases share the consignee but are spread over several reporting administrations and routes, so no single administration sees the whole picture. Note that the consignee reference is a pseudonymised national field: the global CEN would not hold it, so in practice this link is made by exchanging information between administrations, not by querying CEN.',
		answer: { kind: 'text', value: key['cluster-consignee'].answer, placeholder: 'e.g. CNE-AB123' },
	},
	{
		id: 'exact-duplicates',
		title: 'Exact duplicates',
		question:
			'Some records were entered twice with every field identical, case id included. How many extra copies are there (count each copy beyond the first)?',
		hint: 'The "Data quality" tab counts exact duplicates. Run it without filters, so that both copies of each record are in view.',
		explanation:
			'Exact copies inflate every count and total. Remove them before any analysis, and keep a note of how many you removed.',
		answer: { kind: 'number', value: key['exact-duplicates'].answer, tolerance: 0 },
	},
	{
		id: 'cocaine-2024-kg',
		title: 'Totals across units',
		question:
			'What was the total quantity of cocaine seized in 2024, in kilograms? Remove exact duplicates first, convert grams (g) to kilograms, and treat "KG", "Kg" and "kgs" as kilograms. Answer to the nearest kilogram.',
		hint: 'Filter commodity type = cocaine and year = 2024, then group by unit: every unit needs its own sum before you convert and add them up.',
		explanation:
			'Summing the quantity column as it stands mixes grams with kilograms and gives a badly wrong total: units must be made consistent first.',
		answer: { kind: 'number', value: Math.round(cocaine), tolerance: Math.round(cocaine * 0.002), unit: 'kg' },
	},
];
