/**
 * Reviewer assignment: the programme office (admins) assigns reviewers — admins and WCO
 * Secretariat accounts — to each application. Only assigned reviewers score it; a reviewer from
 * the candidate's own Member administration is never assigned (recused automatically). Audited.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '~db/client';
import { administrationTable, reviewAssignmentTable, scoreSheetTable, userTable } from '~db/schema';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { findRow } from '../find-row';
import { assertApplicationReader } from './access';
import { findScreened } from './application';
import { assertSelectionOpen } from './selection-state';

/** A reviewer as the assignment forms list them. */
export type Reviewer = {
	id: string;
	name: string;
	role: string;
	administrationId: string | null;
	administration: string | null;
};

/** An assigned reviewer of one application. */
export type Assignment = {
	reviewerId: string;
	name: string;
	role: string;
	administrationId: string | null;
	assignedAt: Date;
};

/** Every account that may review (admins and the WCO Secretariat, not disabled), by name. */
export async function listReviewers(db: Db): Promise<Reviewer[]> {
	return db
		.select({
			id: userTable.id,
			name: userTable.name,
			role: userTable.role,
			administrationId: userTable.administrationId,
			administration: administrationTable.name,
		})
		.from(userTable)
		.leftJoin(administrationTable, eq(administrationTable.id, userTable.administrationId))
		.where(
			and(
				or(eq(userTable.role, 'admin'), eq(userTable.role, 'secretariat')),
				isNull(userTable.disabledAt),
			),
		)
		.orderBy(asc(userTable.name));
}

/** The assigned reviewers of these applications, by application id, earliest assigned first. */
export async function assignmentsFor(db: Db, ids: string[]): Promise<Map<string, Assignment[]>> {
	const out = new Map<string, Assignment[]>();
	if (!ids.length) return out;
	const rows = await db
		.select({
			applicationId: reviewAssignmentTable.applicationId,
			reviewerId: reviewAssignmentTable.reviewerId,
			name: userTable.name,
			role: userTable.role,
			administrationId: userTable.administrationId,
			assignedAt: reviewAssignmentTable.assignedAt,
		})
		.from(reviewAssignmentTable)
		.innerJoin(userTable, eq(userTable.id, reviewAssignmentTable.reviewerId))
		.where(inArray(reviewAssignmentTable.applicationId, ids))
		.orderBy(asc(reviewAssignmentTable.assignedAt), asc(userTable.name));
	for (const { applicationId, ...a } of rows) {
		const list = out.get(applicationId) ?? [];
		list.push(a);
		out.set(applicationId, list);
	}
	return out;
}

/** True when this reviewer is assigned to this application. */
export async function isAssigned(db: Db, reviewerId: string, applicationId: string) {
	return Boolean(
		await findRow(
			db,
			reviewAssignmentTable,
			eq(reviewAssignmentTable.applicationId, applicationId),
			eq(reviewAssignmentTable.reviewerId, reviewerId),
		),
	);
}

/** Refuses anyone but an admin of the programme office: the office assigns reviewers. */
function assertOffice(actor: { role: string }) {
	assertApplicationReader(actor);
	if (actor.role !== 'admin')
		throw new RuleError('forbidden', 'Only the programme office (an admin) assigns reviewers.');
}

/** The reviewer's account, refused (saying why) when it may not review. */
async function findReviewer(db: Db, reviewerId: string): Promise<Reviewer> {
	const reviewer = (await listReviewers(db)).find((r) => r.id === reviewerId);
	if (!reviewer)
		throw new RuleError(
			'invalid',
			'Choose a reviewer from the list: an admin or a WCO Secretariat account.',
			'reviewerId',
		);
	return reviewer;
}

/** Why this reviewer cannot be assigned to this candidate (their own administration), or null. */
export function automaticRecusal(
	reviewer: { name: string; administrationId: string | null },
	candidate: { administrationId: string; administration: string },
): string | null {
	return reviewer.administrationId === candidate.administrationId
		? `${reviewer.name} belongs to ${candidate.administration}, the candidate’s own administration: recused automatically, so not assigned.`
		: null;
}

/** An application ready for an assignment change: screened, of an edition not yet decided. */
async function openApplication(db: Db, applicationId: string) {
	const found = await findScreened(db, applicationId);
	if (!found) throw notFound('application');
	await assertSelectionOpen(db, found.row.edition.id);
	return found;
}

/**
 * Assigns one reviewer to each of these applications (one, from its page, or many, ticked on the
 * list). Those from the reviewer's own administration are skipped and named; those already
 * assigned stay as they are. Nothing is assigned when an id is unknown. Audited per application.
 */
export async function assignReviewer(
	db: Db,
	actor: { id: string; role: string },
	input: { applicationIds: string[]; reviewerId: string },
	now = Date.now(),
) {
	assertOffice(actor);
	const ids = [...new Set(input.applicationIds)];
	if (!ids.length)
		throw new RuleError(
			'invalid',
			'Tick the applications to assign the reviewer to.',
			'applicationIds',
		);
	const reviewer = await findReviewer(db, input.reviewerId);
	const apps: Awaited<ReturnType<typeof openApplication>>[] = [];
	for (const id of ids) apps.push(await openApplication(db, id));
	const current = await assignmentsFor(db, ids);
	const skipped: string[] = [];
	const assigned: string[] = [];
	await db.transaction(async (tx) => {
		for (const found of apps) {
			const id = found.row.application.id;
			const name = found.row.nomination.candidateName;
			if (
				automaticRecusal(reviewer, {
					administrationId: found.row.administration.id,
					administration: found.row.administration.name,
				})
			) {
				skipped.push(name);
				continue;
			}
			if ((current.get(id) ?? []).some((a) => a.reviewerId === reviewer.id)) continue;
			await tx.insert(reviewAssignmentTable).values({
				applicationId: id,
				reviewerId: reviewer.id,
				assignedById: actor.id,
				assignedAt: new Date(now),
			});
			await recordAudit(
				tx,
				{
					actorId: actor.id,
					action: 'application.assign',
					subjectType: 'application',
					subjectId: id,
					details: { reviewer: reviewer.name },
				},
				now,
			);
			assigned.push(name);
		}
	});
	if (ids.length === 1 && skipped.length === 1)
		throw new RuleError(
			'conflict',
			automaticRecusal(reviewer, {
				administrationId: apps[0]!.row.administration.id,
				administration: apps[0]!.row.administration.name,
			})!,
			'reviewerId',
		);
	return { reviewer: reviewer.name, assigned: assigned.length, skipped };
}

/**
 * Takes a reviewer off an application. Refused once they have submitted a sheet on it: it
 * counts; to step aside, the reviewer recuses themself (which removes the sheet). Audited.
 */
export async function unassignReviewer(
	db: Db,
	actor: { id: string; role: string },
	input: { applicationId: string; reviewerId: string },
	now = Date.now(),
) {
	assertOffice(actor);
	await openApplication(db, input.applicationId);
	const row = await findRow(
		db,
		reviewAssignmentTable,
		eq(reviewAssignmentTable.applicationId, input.applicationId),
		eq(reviewAssignmentTable.reviewerId, input.reviewerId),
	);
	if (!row) throw notFound('assignment');
	const user = await findRow(db, userTable, eq(userTable.id, input.reviewerId));
	const sheet = await findRow(
		db,
		scoreSheetTable,
		eq(scoreSheetTable.applicationId, input.applicationId),
		eq(scoreSheetTable.reviewerId, input.reviewerId),
	);
	if (sheet)
		throw new RuleError(
			'conflict',
			`${user?.name ?? 'This reviewer'} has already scored this candidate: their sheet counts and they stay assigned. To step aside, they recuse themself, which removes their sheet.`,
		);
	await db.transaction(async (tx) => {
		await tx
			.delete(reviewAssignmentTable)
			.where(
				and(
					eq(reviewAssignmentTable.applicationId, input.applicationId),
					eq(reviewAssignmentTable.reviewerId, input.reviewerId),
				),
			);
		await recordAudit(
			tx,
			{
				actorId: actor.id,
				action: 'application.unassign',
				subjectType: 'application',
				subjectId: input.applicationId,
				details: { reviewer: user?.name ?? '' },
			},
			now,
		);
	});
	return { applicationId: input.applicationId };
}
