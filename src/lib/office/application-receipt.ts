/**
 * What a receipt for a submitted application says: which parts of the form were answered, by
 * name only. The answers themselves stay out of it (a receipt travels by email). Pure.
 */
import type { Answers } from './application-form';

type Section = { title: string; fields: [keyof Answers, string][] };

/** The form's sections and their fields, in the order the form shows them. */
const sections: Section[] = [
	{
		title: 'About you',
		fields: [
			['fullName', 'full name'],
			['nationality', 'nationality'],
			['dateOfBirth', 'date of birth'],
			['phone', 'telephone'],
		],
	},
	{
		title: 'Your post',
		fields: [
			['post', 'current post'],
			['unit', 'office or unit'],
			['grade', 'level of the post'],
			['yearsInCustoms', 'years in Customs'],
			['customsOfficer', 'status as a Customs officer'],
		],
	},
	{
		title: 'Education, language and computer skills',
		fields: [
			['degreeLevel', 'highest qualification'],
			['degreeDetail', 'the qualification in detail'],
			['englishLevel', 'English'],
			['computerSkills', 'computer skills'],
		],
	},
	{
		title: 'Expertise and skills',
		fields: [
			['expertise', 'areas of expertise'],
			['expertiseDetail', 'experience in these areas'],
			['programming', 'programming'],
			['visualisation', 'data visualisation'],
			['otherTools', 'other tools'],
			['clikc', 'CLiKC! courses'],
			['clikcOther', 'other CLiKC! courses'],
		],
	},
	{
		title: 'Motivation and career',
		fields: [
			['motivation', 'motivation'],
			['careerPath', 'career path'],
		],
	},
	{ title: 'Declaration', fields: [['fitness', 'declaration of fitness']] },
];

function isAnswered(value: Answers[keyof Answers]): boolean {
	if (typeof value === 'boolean') return value;
	if (Array.isArray(value)) return value.length > 0;
	return value.trim() !== '';
}

/** Each section with the names of the fields answered in it (sections with none left out). */
export function answeredSections(answers: Answers): { title: string; answered: string[] }[] {
	return sections
		.map((s) => ({
			title: s.title,
			answered: s.fields.filter(([f]) => isAnswered(answers[f])).map(([, label]) => label),
		}))
		.filter((s) => s.answered.length > 0);
}

/** The facts a receipt states. */
export type ApplicationReceipt = {
	edition: string;
	candidate: string;
	administration: string;
	/** The submission time, already formatted (Tokyo time). */
	submittedAt: string;
	sections: { title: string; answered: string[] }[];
};

/** The body of the receipt email, in sentences and one line per section. */
export function receiptLines(r: ApplicationReceipt): string[] {
	return [
		`The application of ${r.candidate} (${r.administration}) to the ${r.edition} edition of the WCO Asia-Pacific Regional Data/Intelligence Professionals Programme was submitted on ${r.submittedAt} (Tokyo time).`,
		'',
		'Parts of the form answered:',
		...r.sections.map((s) => `- ${s.title}: ${s.answered.join(', ')}`),
		'',
		'It can no longer be changed. The programme office will write to the candidate and the nominating officer after the selection.',
	];
}
