/** A candidate's application answers that meet every requirement, for the office tests. */
import type { Db } from '~db/client';
import { reviewAssignmentTable } from '~db/schema';
import { readAnswers, type Answers } from '~/lib/office/application-form';
import { saveScoreSheet } from '~/lib/server/office/score';

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

/**
 * Saves a reviewer's score sheet as an assigned reviewer: the assignment is written first (as
 * the programme office would have made it), then the sheet is saved by the rule.
 */
export async function scoreAssigned(
	db: Db,
	reviewer: { id: string; role: string },
	input: Parameters<typeof saveScoreSheet>[2],
	now?: number,
) {
	await db
		.insert(reviewAssignmentTable)
		.values({
			applicationId: input.applicationId,
			reviewerId: reviewer.id,
			assignedAt: new Date(now ?? Date.now()),
		})
		.onConflictDoNothing();
	return saveScoreSheet(db, reviewer, input, now);
}
