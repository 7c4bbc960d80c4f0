/**
 * Who may write which part of a thematic study. Only the participant writes their own study;
 * mentors of their cohort comment; admins read. Archived cohorts take no more writes.
 */
import type { Db } from '~db/client';
import { assertWritable, findCurrentCohort } from '../cohort/manage';
import { RuleError } from '../errors';
import type { SessionUser } from '../auth/session';

/** Throws unless `user` is a participant in a cohort that is not archived. */
export async function assertStudyWriter(db: Db, user: SessionUser): Promise<void> {
	if (user.role !== 'participant')
		throw new RuleError('forbidden', 'Only the participant writes their thematic study.');
	const cohort = await findCurrentCohort(db, user.id);
	if (!cohort)
		throw new RuleError(
			'forbidden',
			'You are not in a cohort yet, so there is no thematic study to write.',
		);
	assertWritable(cohort);
}

/** Throws when the participant's cohort is archived (comments are writes too). */
export async function assertStudyOpen(db: Db, participantId: string): Promise<void> {
	const cohort = await findCurrentCohort(db, participantId);
	if (cohort) assertWritable(cohort);
}
