/**
 * Score sheets: each reviewer (RILO A/P admins, the WCO Secretariat) scores each candidate on
 * the rubric's factors, one sheet per reviewer per application, editable until the selection.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reviewDeclarationTable, scoreSheetTable, userTable } from '~db/schema';
import { factors, levels, sheetTotal } from '~/lib/office/rubric';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { assertApplicationReader } from './access';
import { findScreened } from './application';
import { assertSelectionOpen } from './selection-state';
import { findRow } from '../find-row';
import { recusalOf } from './declaration';
import { isAssigned } from './assignment';

/** A sheet as the pages show it: the reviewer's name and body, the levels, the total. */
export type SheetView = {
	reviewerId: string;
	reviewer: string;
	role: string;
	scores: Record<string, number>;
	comment: string;
	total: number | null;
	updatedAt: Date;
};

/** The sheets of these applications, by application id, oldest reviewer first. */
export async function sheetsFor(db: Db, ids: string[]): Promise<Map<string, SheetView[]>> {
	const out = new Map<string, SheetView[]>();
	if (!ids.length) return out;
	const rows = await db
		.select({ s: scoreSheetTable, name: userTable.name, role: userTable.role })
		.from(scoreSheetTable)
		.innerJoin(userTable, eq(userTable.id, scoreSheetTable.reviewerId))
		.where(inArray(scoreSheetTable.applicationId, ids))
		.orderBy(asc(scoreSheetTable.createdAt), asc(scoreSheetTable.id));
	for (const { s, name, role } of rows) {
		const list = out.get(s.applicationId) ?? [];
		list.push({
			reviewerId: s.reviewerId,
			reviewer: name,
			role,
			scores: s.scores,
			comment: s.comment,
			total: sheetTotal(s.scores),
			updatedAt: s.updatedAt,
		});
		out.set(s.applicationId, list);
	}
	return out;
}

/** The problems of a sheet's levels, by factor key (every factor needs a level 1–4). */
export function scoreProblems(scores: Record<string, string | undefined>): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const f of factors) {
		const v = Number(scores[f.key]);
		if (!levels.includes(v as 1)) problems[f.key] = `Choose a level for ${f.label.toLowerCase()}.`;
	}
	return problems;
}

/** Thrown when some factors have no level: nothing is saved; each message goes by its factor. */
export class IncompleteSheet extends Error {
	constructor(readonly problems: Record<string, string>) {
		super('Choose a level for every factor.');
	}
}

/**
 * Saves the reviewer's own sheet for an application (creates it the first time). Only eligible
 * or to-check applications are scored; refused once the edition's selection is recorded.
 */
export async function saveScoreSheet(
	db: Db,
	reviewer: { id: string; role: string },
	input: {
		applicationId: string;
		scores: Record<string, string | undefined>;
		comment: string;
		/** The reviewer declares no conflict of interest with the candidate. */
		noConflict: boolean;
	},
	now = Date.now(),
) {
	assertApplicationReader(reviewer);
	const found = await findScreened(db, input.applicationId);
	if (!found) throw notFound('application');
	if (found.standing === 'not_met')
		throw new RuleError(
			'conflict',
			'This candidate is not eligible (a requirement is not met), so they are not scored. Override the screening result first if it is wrong.',
		);
	await assertSelectionOpen(db, found.row.edition.id);
	const recused = await recusalOf(db, reviewer.id, {
		id: input.applicationId,
		administrationId: found.row.administration.id,
		administrationName: found.row.administration.name,
	});
	if (recused) throw new RuleError('conflict', `${recused} You do not score this candidate.`);
	// Only assigned reviewers score (a sheet saved before assignments existed stays editable).
	if (
		!(await isAssigned(db, reviewer.id, input.applicationId)) &&
		!(await findOwnSheet(db, reviewer.id, input.applicationId))
	)
		throw new RuleError('conflict', notAssigned(reviewer.role));
	const problems = scoreProblems(input.scores);
	if (!input.noConflict)
		problems.noConflict =
			'Tick the declaration that you have no conflict of interest with this candidate, or recuse yourself below.';
	if (Object.keys(problems).length) throw new IncompleteSheet(problems);
	const scores = Object.fromEntries(factors.map((f) => [f.key, Number(input.scores[f.key])]));
	const comment = input.comment.trim();
	await db.transaction(async (tx) => {
		await tx
			.insert(scoreSheetTable)
			.values({
				id: newId(),
				applicationId: input.applicationId,
				reviewerId: reviewer.id,
				scores,
				comment,
				updatedAt: new Date(now),
			})
			.onConflictDoUpdate({
				target: [scoreSheetTable.applicationId, scoreSheetTable.reviewerId],
				set: { scores, comment, updatedAt: new Date(now) },
			});
		await tx
			.insert(reviewDeclarationTable)
			.values({
				applicationId: input.applicationId,
				reviewerId: reviewer.id,
				recused: false,
				at: new Date(now),
			})
			.onConflictDoNothing();
		await recordAudit(
			tx,
			{
				actorId: reviewer.id,
				action: 'application.score',
				subjectType: 'application',
				subjectId: input.applicationId,
				details: { total: sheetTotal(scores) },
			},
			now,
		);
	});
	return { total: sheetTotal(scores) };
}

/** Why a reviewer who is not assigned cannot score, and what to do. */
export function notAssigned(role: string): string {
	return `You are not assigned to review this candidate: only the reviewers the programme office assigns score them.${role === 'admin' ? ' As an admin you may assign yourself under “Reviewers” on this page.' : ' Ask the programme office to assign you if you should.'}`;
}

/** The reviewer's own sheet for an application, or null. */
export async function findOwnSheet(db: Db, reviewerId: string, applicationId: string) {
	return findRow(
		db,
		scoreSheetTable,
		eq(scoreSheetTable.applicationId, applicationId),
		eq(scoreSheetTable.reviewerId, reviewerId),
	);
}
