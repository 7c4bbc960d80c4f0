/**
 * The application form (charter Annex III): its fields, their choices, and what must be filled
 * in before it can be submitted. Pure: the page, the action and the screening share it.
 */

/** A choice offered in a select or a group of boxes. */
export type Choice = { value: string; label: string };

export const gradeChoices: Choice[] = [
	{ value: 'junior', label: 'Junior officer' },
	{ value: 'middle', label: 'Middle management' },
	{ value: 'senior', label: 'Senior management' },
];
export const degreeChoices: Choice[] = [
	{ value: 'doctorate', label: 'Doctorate' },
	{ value: 'master', label: 'Master’s degree' },
	{ value: 'bachelor', label: 'Bachelor’s degree' },
	{ value: 'equivalent', label: 'A qualification equivalent to a university degree' },
	{ value: 'none', label: 'No university degree or equivalent' },
];
export const englishChoices: Choice[] = [
	{ value: 'fluent', label: 'Fluent or native' },
	{ value: 'good', label: 'Good working knowledge' },
	{ value: 'basic', label: 'Basic' },
];
export const computerChoices: Choice[] = [
	{ value: 'advanced', label: 'Advanced (scripts, databases or analysis tools)' },
	{ value: 'good', label: 'Good (office software, spreadsheets with formulas)' },
	{ value: 'basic', label: 'Basic (email, word processing, web)' },
	{ value: 'none', label: 'None' },
];
export const expertiseChoices: Choice[] = [
	{ value: 'risk_management', label: 'Risk management' },
	{ value: 'intelligence_analysis', label: 'Data collection and intelligence analysis' },
	{ value: 'targeting', label: 'Targeting' },
	{ value: 'enforcement', label: 'Enforcement' },
];
export const programmingChoices: Choice[] = [
	{ value: 'python', label: 'Python' },
	{ value: 'r', label: 'R' },
];
export const visualisationChoices: Choice[] = [
	{ value: 'power_bi', label: 'Power BI' },
	{ value: 'tableau', label: 'Tableau' },
];
export const clikcChoices: Choice[] = [
	{ value: 'risk_management', label: 'Risk management' },
	{ value: 'data_analytics', label: 'Data analytics' },
];

/** Single-choice fields and their choices. */
export const choiceFields = {
	grade: gradeChoices,
	degreeLevel: degreeChoices,
	englishLevel: englishChoices,
	computerSkills: computerChoices,
} as const;
/** Groups of boxes and their choices. */
export const multiFields = {
	expertise: expertiseChoices,
	programming: programmingChoices,
	visualisation: visualisationChoices,
	clikc: clikcChoices,
} as const;
/** Free-text fields and their longest length. */
export const textFields = {
	fullName: 120,
	nationality: 80,
	dateOfBirth: 10,
	phone: 40,
	post: 160,
	unit: 160,
	yearsInCustoms: 2,
	degreeDetail: 300,
	expertiseDetail: 2000,
	otherTools: 300,
	clikcOther: 300,
	motivation: 4000,
	careerPath: 4000,
} as const;
/** Declarations (a ticked box). */
export const boxFields = ['customsOfficer', 'fitness'] as const;

type TextField = keyof typeof textFields;
type ChoiceField = keyof typeof choiceFields;
type MultiField = keyof typeof multiFields;
type BoxField = (typeof boxFields)[number];

/** The answers as the form holds them: text, one choice, several choices, ticked boxes. */
export type Answers = Record<TextField | ChoiceField, string> &
	Record<MultiField, string[]> &
	Record<BoxField, boolean>;

/** The stored answers (or a form's values) read into the form's shape; unknown choices dropped. */
export function readAnswers(raw: Record<string, unknown>): Answers {
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	const out = {} as Answers;
	for (const f of Object.keys(textFields) as TextField[]) out[f] = text(raw[f]);
	for (const [f, choices] of Object.entries(choiceFields) as [ChoiceField, Choice[]][])
		out[f] = choices.some((c) => c.value === raw[f]) ? text(raw[f]) : '';
	for (const [f, choices] of Object.entries(multiFields) as [MultiField, Choice[]][]) {
		const list = Array.isArray(raw[f]) ? (raw[f] as unknown[]) : raw[f] ? [raw[f]] : [];
		out[f] = choices.map((c) => c.value).filter((v) => list.includes(v));
	}
	for (const f of boxFields) out[f] = raw[f] === true || raw[f] === 'yes' || raw[f] === 'on';
	return out;
}

/** The answers as stored (booleans as 'yes' or ''). */
export function storedAnswers(a: Answers): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of Object.entries(a)) out[k] = typeof v === 'boolean' ? (v ? 'yes' : '') : v;
	return out;
}

/** A form's posted values (FormData) as answers, so a refused form shows what was typed. */
export function answersFromForm(data: FormData): Answers {
	const raw: Record<string, unknown> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
		raw[key] = key in multiFields ? all : all[0];
	}
	return readAnswers(raw);
}

/** Fields that must be answered before submitting, with what to say when one is not. */
const requiredForSubmit: Partial<Record<keyof Answers, string>> = {
	fullName: 'Enter your full name as in your passport.',
	nationality: 'Enter your nationality.',
	dateOfBirth: 'Enter your date of birth.',
	post: 'Enter your current post (job title).',
	unit: 'Enter the office or unit you work in.',
	grade: 'Choose the level of your post.',
	yearsInCustoms: 'Enter how many full years you have worked in Customs.',
	degreeLevel: 'Choose your highest qualification.',
	englishLevel: 'Choose your level of English.',
	computerSkills: 'Choose your level of computer skills.',
	motivation: 'Say why you want to take part (a few sentences).',
	careerPath: 'Describe your career path so far and where you want it to go.',
};

/** What still stops these answers from being submitted, by field (empty when complete). */
export function submitProblems(a: Answers): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const [field, message] of Object.entries(requiredForSubmit))
		if (!String(a[field as keyof Answers] ?? '').trim()) problems[field] = message!;
	if (a.degreeLevel && a.degreeLevel !== 'none' && !a.degreeDetail.trim())
		problems.degreeDetail =
			'Name the degree (or equivalent qualification), its field and where you obtained it.';
	if (!a.fitness)
		problems.fitness =
			'Tick the declaration of fitness to submit: the programme asks for it from every candidate.';
	return problems;
}

/** Problems with the form of an answer (checked on every save, draft or not), by field. */
export function formatProblems(a: Answers): Record<string, string> {
	const problems: Record<string, string> = {};
	if (a.yearsInCustoms && !/^\d{1,2}$/.test(a.yearsInCustoms.trim()))
		problems.yearsInCustoms = 'Enter a whole number of years, like 5.';
	if (a.dateOfBirth && !/^\d{4}-\d{2}-\d{2}$/.test(a.dateOfBirth))
		problems.dateOfBirth = 'Enter the date as year-month-day, like 1990-04-21.';
	return problems;
}
