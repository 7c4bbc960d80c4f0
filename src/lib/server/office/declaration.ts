/**
 * Fair review: each reviewer declares no conflict of interest with a candidate (with their score
 * sheet) or recuses themself with the reason; a reviewer from the candidate's own Member
 * administration is recused automatically. Recused reviewers do not score that candidate.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reviewDeclarationTable, scoreSheetTable, userTable } from '~db/schema';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { findRow } from '../find-row';
import { assertApplicationReader } from './access';
import { findScreened } from './application';
import { assertSelectionOpen } from './selection-state';

/** A reviewer's standing on one application. */
export type Declaration = { recused: boolean; note: string; at: Date; automatic: boolean };

/** The declarations on these applications: by application id, then reviewer id. */
export async function declarationsFor(
	db: Db,
	ids: string[],
): Promise<Map<string, Map<string, Declaration>>> {
	const out = new Map<string, Map<string, Declaration>>();
	if (!ids.length) return out;
	const rows = await db
		.select()
		.from(reviewDeclarationTable)
		.where(inArray(reviewDeclarationTable.applicationId, ids));
	for (const r of rows) {
		const map = out.get(r.applicationId) ?? new Map<string, Declaration>();
		map.set(r.reviewerId, { recused: r.recused, note: r.note, at: r.at, automatic: false });
		out.set(r.applicationId, map);
	}
	return out;
}

/** The Member administration a reviewer's account belongs to, if any. */
async function reviewerAdministration(db: Db, reviewerId: string): Promise<string | null> {
	const user = await findRow(db, userTable, eq(userTable.id, reviewerId));
	return user?.administrationId ?? null;
}

/**
 * Whether this reviewer is recused from this application, and why: automatically (the same
 * administration as the candidate) or by their own declaration.
 */
export async function recusalOf(
	db: Db,
	reviewerId: string,
	application: { id: string; administrationId: string; administrationName: string },
): Promise<string | null> {
	if ((await reviewerAdministration(db, reviewerId)) === application.administrationId)
		return `You are recused automatically: you belong to ${application.administrationName}, the candidate’s own administration.`;
	const own = await findRow(
		db,
		reviewDeclarationTable,
		eq(reviewDeclarationTable.applicationId, application.id),
		eq(reviewDeclarationTable.reviewerId, reviewerId),
	);
	return own?.recused ? `You recused yourself from this candidate: “${own.note}”` : null;
}

/** Records the reviewer's recusal with its reason; their sheet on the candidate, if any, goes. Audited. */
export async function recuse(
	db: Db,
	reviewer: { id: string; role: string },
	input: { applicationId: string; note: string },
	now = Date.now(),
) {
	assertApplicationReader(reviewer);
	const found = await findScreened(db, input.applicationId);
	if (!found) throw notFound('application');
	await assertSelectionOpen(db, found.row.edition.id);
	const note = input.note.trim();
	if (note.length < 10)
		throw new RuleError(
			'invalid',
			'Say in a sentence why you recuse yourself (at least 10 characters): it is kept on the application.',
			'note',
		);
	await db.transaction(async (tx) => {
		await tx
			.delete(scoreSheetTable)
			.where(
				and(
					eq(scoreSheetTable.applicationId, input.applicationId),
					eq(scoreSheetTable.reviewerId, reviewer.id),
				),
			);
		const values = { recused: true, note, at: new Date(now) };
		await tx
			.insert(reviewDeclarationTable)
			.values({ applicationId: input.applicationId, reviewerId: reviewer.id, ...values })
			.onConflictDoUpdate({
				target: [reviewDeclarationTable.applicationId, reviewDeclarationTable.reviewerId],
				set: values,
			});
		await recordAudit(
			tx,
			{
				actorId: reviewer.id,
				action: 'application.recuse',
				subjectType: 'application',
				subjectId: input.applicationId,
			},
			now,
		);
	});
	return { applicationId: input.applicationId };
}

/** Who recused themself from an application, with the reason, oldest first. */
export function recusalsOn(db: Db, applicationId: string) {
	return db
		.select({
			reviewerId: reviewDeclarationTable.reviewerId,
			name: userTable.name,
			note: reviewDeclarationTable.note,
			at: reviewDeclarationTable.at,
		})
		.from(reviewDeclarationTable)
		.innerJoin(userTable, eq(userTable.id, reviewDeclarationTable.reviewerId))
		.where(
			and(
				eq(reviewDeclarationTable.applicationId, applicationId),
				eq(reviewDeclarationTable.recused, true),
			),
		)
		.orderBy(reviewDeclarationTable.at);
}
