/** A candidate's application answers that meet every requirement, for the office tests. */
import { readAnswers, type Answers } from '~/lib/office/application-form';

/** Complete, eligible answers; overrides make one requirement fail or need a check. */
export function eligibleAnswers(overrides: Partial<Answers> = {}): Answers {
	return {
		...readAnswers({
			fullName: 'Cand Idate',
			nationality: 'Japanese',
			dateOfBirth: '1990-01-02',
			post: 'Analyst',
			unit: 'Risk unit',
			grade: 'junior',
			yearsInCustoms: '5',
			degreeLevel: 'bachelor',
			degreeDetail: 'BA Economics',
			englishLevel: 'good',
			computerSkills: 'good',
			expertise: ['risk_management'],
			programming: ['python'],
			visualisation: ['tableau'],
			clikc: ['risk_management', 'data_analytics'],
			motivation: 'To learn.',
			careerPath: 'Border, then risk.',
			customsOfficer: 'yes',
			fitness: 'yes',
		}),
		...overrides,
	};
}
