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
	| { kind: 'text'; value: string; placeholder?: string }
	/** Written in the participant's words, scored by a mentor on the rubric below. */
	| { kind: 'interpretation'; minWords: number; maxWords: number; modelAnswer: string };

/** One criterion of the interpretation rubric, with what each level (1 to 3) looks like. */
export type RubricCriterion = { id: string; label: string; levels: [string, string, string] };

/** Names of the three levels, lowest first. */
export const rubricLevels = ['Beginning', 'Developing', 'Proficient'] as const;

/** The rubric mentors score interpretations on. Ids are stored with each review: never rename. */
export const interpretationRubric: RubricCriterion[] = [
	{
		id: 'evidence',
		label: 'Evidence',
		levels: [
			'States a conclusion without figures from the data.',
			'Cites figures from the lab, but not how they were obtained.',
			'Cites the figures and the filters or views that produced them, so another analyst could check them.',
		],
	},
	{
		id: 'alternatives',
		label: 'Other explanations',
		levels: [
			'Takes the pattern at face value.',
			'Names at least one other explanation (season, reporting practice, data quality).',
			'Weighs other explanations against the data and says which one the data supports.',
		],
	},
	{
		id: 'limits',
		label: 'Limits and confidence',
		levels: [
			'Says nothing about what the data cannot show.',
			'Names a limit of the data (synthetic, missing or duplicated records, what a field does and does not mean).',
			'Gives a judgment in estimative language, a separate statement of confidence, and what would change it.',
		],
	},
];

export type Exercise = {
	/** Stable id stored with every attempt: never rename. */
	id: string;
	title: string;
	question: string;
	/** Shown after a wrong answer: where to look, without giving the answer away. For an interpretation: what to cover. */
	hint: string;
	/** Shown after a right answer: how an analyst would confirm it. */
	explanation: string;
	answer: ExerciseAnswer;
};

const key = truth.exercises;
const rise = truth.patterns.inspectionRise;
const fmt = (n: number) => n.toLocaleString('en-GB');
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
	{
		id: 'interpret-concealment-shift',
		title: 'Interpret the change in concealment',
		question: `In your own words, interpret the change in how ${shifted} was concealed between 2023 and 2025 (exercise 3). What might it mean for risk profiles at a border, what else could explain the figures, and what would you check next?`,
		hint: 'Give the figures and how you got them (filters, view). Consider whether reporting, missing concealment values or the commodity mix could explain part of the change. End with a judgment, your confidence in it and what would change your mind.',
		explanation: '',
		answer: {
			kind: 'interpretation',
			minWords: 60,
			maxWords: 400,
			modelAnswer: `Filtering commodity type = ${shifted} and grouping by year and concealment method shows "in tea packaging" falling from the most frequent method in 2023 to a minor one in 2025, while "inside machinery parts" rises to the most frequent (see ground truth: ${truth.patterns.concealmentShift.top2023[0]?.[0]} ${truth.patterns.concealmentShift.top2023[0]?.[1]} in 2023; ${truth.patterns.concealmentShift.top2025[0]?.[0]} ${truth.patterns.concealmentShift.top2025[0]?.[1]} in 2025). Counting all ${shifted} records per year shows whether the volume changed too; a change of method is not a change of volume. Other explanations: officers may record the method differently (check by reporting administration), and about 3.5% of records have no concealment method. A profile built on 2023 data (tea packaging) would now miss most cases; it is likely that traffickers adapted after detections. Moderate confidence: seizure data shows what was found, not what passed. Would change: the shift appearing in one administration only.`,
		},
	},
	{
		id: 'interpret-inspection-rise',
		title: 'A rise that may not be what it seems',
		question: `${rise.administration} reported more ${rise.mode} seizures in 2025 than in 2024. Count its ${rise.mode} records per year in the lab (2023 to 2025). The same administration inspected ${fmt(rise.byYear[0]!.inspections)} ${rise.mode}s in 2023, ${fmt(rise.byYear[1]!.inspections)} in 2024 and ${fmt(rise.byYear[2]!.inspections)} in 2025 (inspection counts supplied with this exercise; invented for training, like the records). A colleague drafts an alert: "Smuggling by ${rise.mode} into ${rise.administration.replace(/ Customs$/, '')} is rising sharply." In your own words: is that the right reading? What do the figures support, what else could explain them, and what would you write instead?`,
		hint: 'Count the records per year (filter reporting administration and transport mode; remove exact duplicates first), then divide by the inspections: seizures per 1,000 inspections. Compare the change in seizures with the change in inspections before you name a cause. End with a judgment, your confidence in it and what would change your mind.',
		explanation: '',
		answer: {
			kind: 'interpretation',
			minWords: 60,
			maxWords: 400,
			modelAnswer: `Filtering reporting administration = ${rise.administration} and transport mode = ${rise.mode}, with exact duplicates removed, gives ${rise.byYear.map((y) => `${y.records} records in ${y.year}`).join(', ')}: ${rise.recordsChange > 0 ? '+' : ''}${rise.recordsChange}% from 2024 to 2025. But inspections rose ${rise.inspectionsChange}% over the same year, and seizures per 1,000 inspections stayed almost flat (${rise.byYear.map((y) => `${y.perThousand} in ${y.year}`).join(', ')}). The obvious reading (more smuggling) is not supported: the rise is what more controls at the same hit rate would produce. Other explanations to weigh: a change in reporting practice, a different commodity mix, or duplicates; the flat rate makes more smuggling unlikely as the main cause. Limits: seizures show what was found; a flat hit rate with more inspections could still hide a change in where smugglers go. Judgment: the rise is likely to reflect more inspections rather than more smuggling (moderate confidence, because the inspection counts cover one administration and one mode). Instead of an alert: a short note with the rate per 1,000 inspections, and a question to the administration about what changed in its controls. Would change: a rising hit rate, or new routes or concealment methods in 2025.`,
		},
	},
	{
		id: 'interpret-linked-cluster',
		title: 'Interpret the linked cluster',
		question:
			'In your own words, interpret the consignee cluster you found in exercise 4. What does it suggest, why would no single administration see it, and what can you say, and not say, given that the consignee reference is a pseudonymised national field the global CEN would not hold?',
		hint: 'Say how many cases, over which period, which administrations reported them and by which modes. Consider other explanations (a shared address, a freight forwarder, a coding error). Say how such a link would be found in practice, since the global CEN holds no consignee.',
		explanation: '',
		answer: {
			kind: 'interpretation',
			minWords: 60,
			maxWords: 400,
			modelAnswer: `Grouping by consignee reference (ignoring the empty value) shows ${truth.patterns.cluster.consigneeRef} on ${truth.patterns.cluster.cases} cases, far more than any other reference (the next has ${truth.patterns.cluster.nextLargest}); the cases are small postal and courier parcels of MDMA tablets from February 2024 to October 2025, reported by the destination and by transit administrations. It suggests one receiver (or one address used by a group) supplied repeatedly in small parcels to stay under thresholds; each administration sees only its few cases. Other explanations: a freight forwarder or parcel locker used by many people, or a reference reused by mistake. Limits: the reference is a pseudonymised national field; the global CEN holds non-nominal data only and would not hold it, so in practice the link would come from exchanging information between administrations (for example through the RILO, on a legal basis), not from a CEN query. Judgment: likely a single supply chain; moderate confidence.`,
		},
	},
];
