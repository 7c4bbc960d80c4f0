/**
 * Retention: unsuccessful applications and their nominations are deleted a set number of
 * months after the edition's selection decision; selected ones are kept. An admin runs the
 * purge; the audit log keeps only how many were deleted.
 */
import { and, eq, inArray, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	applicationTable,
	mailOutboxTable,
	nominationTable,
	reminderSentTable,
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
		.select({
			id: nominationTable.id,
			applicationId: applicationTable.id,
			candidateName: nominationTable.candidateName,
			candidateEmail: nominationTable.candidateEmail,
			officerEmail: nominationTable.officerEmail,
		})
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
		await forgetTraces(tx, due);
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

/** Escapes a text for a LIKE pattern (with `escape '\\'`). */
function likeText(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Removes what else names the purged candidates: their messages in the outbox (to them, to an
 * officer who nominated nobody kept, or naming them) and the reminders sent about them or to
 * them. Their screening, scores and notices go with the application (foreign keys).
 */
async function forgetTraces(
	db: Parameters<Parameters<Db['transaction']>[0]>[0],
	due: {
		id: string;
		applicationId: string | null;
		candidateName: string;
		candidateEmail: string;
		officerEmail: string;
	}[],
) {
	const officers = [...new Set(due.map((d) => d.officerEmail))];
	const stillNominating = new Set(
		(
			await db
				.select({ email: nominationTable.officerEmail })
				.from(nominationTable)
				.where(inArray(nominationTable.officerEmail, officers))
		).map((r) => r.email),
	);
	const addresses = [
		...new Set([
			...due.map((d) => d.candidateEmail),
			...officers.filter((o) => !stillNominating.has(o)),
		]),
	];
	const subjects = due.flatMap((d) => [d.id, ...(d.applicationId ? [d.applicationId] : [])]);
	for (let i = 0; i < due.length; i += 100) {
		const part = due.slice(i, i + 100);
		await db
			.delete(mailOutboxTable)
			.where(
				or(
					...part.flatMap((d) => [
						sql`${mailOutboxTable.text} like ${likeText(d.candidateName)} escape '\\'`,
						sql`${mailOutboxTable.text} like ${likeText(d.candidateEmail)} escape '\\'`,
						sql`${mailOutboxTable.subject} like ${likeText(d.candidateName)} escape '\\'`,
					]),
				),
			);
	}
	for (let i = 0; i < addresses.length; i += 500) {
		const part = addresses.slice(i, i + 500);
		await db.delete(mailOutboxTable).where(inArray(mailOutboxTable.to, part));
		await db.delete(reminderSentTable).where(inArray(reminderSentTable.recipient, part));
	}
	for (let i = 0; i < subjects.length; i += 500)
		await db
			.delete(reminderSentTable)
			.where(inArray(reminderSentTable.subjectId, subjects.slice(i, i + 500)));
}
