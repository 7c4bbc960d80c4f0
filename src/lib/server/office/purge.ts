/**
 * Retention: unsuccessful applications and their nominations are deleted a set number of
 * months after the edition's selection decision; selected ones are kept. An admin runs the
 * purge; the audit log keeps only how many were deleted.
 */
import { and, eq, inArray, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	applicationTable,
	nominationTable,
	selectionCandidateTable,
	selectionTable,
} from '~db/schema';
import { recordAudit } from '../audit';
import { RuleError } from '../errors';

/** The default number of months an unsuccessful application is kept after the decision. */
export const defaultRetentionMonths = 6;

/** The instant `months` calendar months before `now`: decisions up to it are due. */
export function retentionCutoff(now: number, months: number): Date {
	const d = new Date(now);
	d.setUTCMonth(d.getUTCMonth() - months);
	return d;
}

/** The nominations (with their applications) due for deletion now. */
async function dueNominations(db: Db, now: number, months: number) {
	return db
		.select({ id: nominationTable.id, applicationId: applicationTable.id })
		.from(nominationTable)
		.innerJoin(selectionTable, eq(selectionTable.editionId, nominationTable.editionId))
		.leftJoin(applicationTable, eq(applicationTable.nominationId, nominationTable.id))
		.where(
			and(
				lte(selectionTable.decidedAt, retentionCutoff(now, months)),
				// Selected applications are kept.
				sql`(${applicationTable.id} is null or ${notExists(
					db
						.select({ one: sql`1` })
						.from(selectionCandidateTable)
						.where(eq(selectionCandidateTable.applicationId, applicationTable.id)),
				)})`,
			),
		);
}

/** How many nominations and applications the purge would delete now. */
export async function countPurgeDue(db: Db, months: number, now = Date.now()) {
	const due = await dueNominations(db, now, months);
	return { nominations: due.length, applications: due.filter((d) => d.applicationId).length };
}

/** Deletes the unsuccessful applications past retention, with their nominations; audited (counts only). */
export async function purgeApplications(
	db: Db,
	actor: { id: string; role: string } | 'scheduler',
	months: number,
	now = Date.now(),
) {
	if (actor !== 'scheduler' && actor.role !== 'admin')
		throw new RuleError('forbidden', 'Only an admin runs the purge.');
	const due = await dueNominations(db, now, months);
	const counts = {
		nominations: due.length,
		applications: due.filter((d) => d.applicationId).length,
	};
	if (!due.length) return counts;
	await db.transaction(async (tx) => {
		const ids = due.map((d) => d.id);
		for (let i = 0; i < ids.length; i += 500)
			await tx.delete(nominationTable).where(inArray(nominationTable.id, ids.slice(i, i + 500)));
		await recordAudit(
			tx,
			{
				actorId: actor === 'scheduler' ? null : actor.id,
				action: 'application.purge',
				subjectType: 'application',
				details: {
					...counts,
					retentionMonths: months,
					...(actor === 'scheduler' ? { scheduled: true } : {}),
				},
			},
			now,
		);
	});
	return counts;
}
