/**
 * The selection of an edition: the scores side by side, the ranking, and the decision the
 * programme office records (read-only once recorded, unless explicitly reopened, audited).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { selectionCandidateTable, selectionTable } from '~db/schema';
import { averageTotal } from '~/lib/office/rubric';
import { callIsOpen, formatDeadline } from '~/lib/office/call-dates';
import {
	disagreement,
	reviewProgress,
	selectionProblem,
	timingProblems,
} from '~/lib/office/selection-rules';
import { defaultReplyDays } from '~/lib/office/offer';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { assertApplicationReader } from './access';
import { listEditionApplications } from './application';
import { findEdition } from './edition';
import { sheetsFor } from './score';
import { declarationsFor } from './declaration';
import { assignmentsFor } from './assignment';
import { findSelection } from './selection-state';

/** The ids of the applications a recorded selection holds. */
async function selectedIds(db: Db, selectionId: string | undefined): Promise<Set<string>> {
	if (!selectionId) return new Set();
	const rows = await db
		.select({ id: selectionCandidateTable.applicationId })
		.from(selectionCandidateTable)
		.where(eq(selectionCandidateTable.selectionId, selectionId));
	return new Set(rows.map((r) => r.id));
}

/**
 * Every submitted application of the edition with its sheets, average, rank and outcome. Blind
 * until the reader has scored (or recused from) a candidate: that candidate's totals are withheld
 * from them and ranked after the others, until the selection is recorded.
 */
export async function selectionBoard(
	db: Db,
	reader: { id?: string; role: string },
	editionId: string,
) {
	assertApplicationReader(reader);
	const edition = await findEdition(db, editionId);
	if (!edition) return null;
	const apps = await listEditionApplications(db, reader, editionId);
	const review = await reviewOf(db, apps);
	const decision = await findSelection(db, editionId);
	const chosen = await selectedIds(db, decision?.selection.id);
	const entries = review.map((a) => {
		const list = a.sheets;
		const totals = list.map((s) => s.total).filter((t): t is number => t !== null);
		const mine = reader.id
			? list.some((s) => s.reviewerId === reader.id) ||
				Boolean(a.declarations.get(reader.id)?.recused)
			: true;
		return {
			...a,
			sheets: list,
			average: averageTotal(totals),
			gap: disagreement(totals),
			blind: !decision && !mine && list.length > 0,
			selected: chosen.has(a.row.application.id),
		};
	});
	const ranking = entries
		.filter((e) => e.standing === 'met')
		.sort(
			(x, y) =>
				Number(x.blind) - Number(y.blind) ||
				(x.blind ? 0 : (y.average ?? -1) - (x.average ?? -1)) ||
				x.row.nomination.candidateName.localeCompare(y.row.nomination.candidateName),
		);
	const reviewers = [
		...new Map(
			entries
				.flatMap((e) => [
					...e.sheets.map((s) => ({ id: s.reviewerId, name: s.reviewer, role: s.role })),
					...e.assigned.map((s) => ({ id: s.reviewerId, name: s.name, role: s.role })),
				])
				.map((r) => [r.id, r] as const),
		).values(),
	].sort((a, b) => a.name.localeCompare(b.name));
	const timing = timingProblems({
		callOpen: callIsOpen(edition.applicationDeadline),
		deadline: formatDeadline(edition.applicationDeadline),
		...reviewGaps(ranking),
	});
	return { edition, entries, ranking, reviewers, decision, timing };
}

/**
 * Each application with its sheets, declarations, assigned reviewers and how many of the
 * assigned reviewers' sheets are in (those recused, by declaration or administration, excepted).
 */
async function reviewOf<
	A extends { row: { application: { id: string }; administration: { id: string } } },
>(db: Db, apps: A[]) {
	const ids = apps.map((a) => a.row.application.id);
	const sheets = await sheetsFor(db, ids);
	const declarations = await declarationsFor(db, ids);
	const assignments = await assignmentsFor(db, ids);
	return apps.map((a) => {
		const id = a.row.application.id;
		const list = sheets.get(id) ?? [];
		const declared = declarations.get(id) ?? new Map();
		const assigned = (assignments.get(id) ?? []).map((r) => ({
			...r,
			recused:
				Boolean(declared.get(r.reviewerId)?.recused) ||
				r.administrationId === a.row.administration.id,
		}));
		const progress = reviewProgress(
			assigned.map((r) => ({ id: r.reviewerId, name: r.name, recused: r.recused })),
			list.map((s) => s.reviewerId),
		);
		return { ...a, sheets: list, declarations: declared, assigned, progress };
	});
}

/**
 * What the eligible still lack before a selection can be right: candidates with no sheet and no
 * reviewer assigned, sheets of assigned reviewers still missing, reviewers too far apart.
 */
function reviewGaps(
	eligible: {
		row: { nomination: { candidateName: string } };
		sheets: { total: number | null }[];
		progress: { expected: number; missing: string[] };
	}[],
) {
	return {
		unscored: eligible
			.filter((e) => !e.sheets.length && !e.progress.missing.length)
			.map((e) => e.row.nomination.candidateName),
		missing: eligible
			.filter((e) => e.progress.missing.length)
			.map((e) => ({ name: e.row.nomination.candidateName, reviewers: e.progress.missing })),
		disagreements: disagreementsOf(eligible),
	};
}

/** The eligible candidates whose reviewers' totals are too far apart, with the totals. */
function disagreementsOf(
	list: { row: { nomination: { candidateName: string } }; sheets: { total: number | null }[] }[],
) {
	return list
		.map((e) => ({
			name: e.row.nomination.candidateName,
			totals: e.sheets.map((s) => s.total).filter((t): t is number => t !== null),
		}))
		.filter((d) => disagreement(d.totals) !== null);
}

/** Which side's confirmation a person gives: RILO A/P's programme office or the WCO Secretariat. */
function confirmationOf(actor: { id: string; role: string }, now: number) {
	return actor.role === 'secretariat'
		? { secretariatConfirmedAt: new Date(now), secretariatConfirmedById: actor.id }
		: { officeConfirmedAt: new Date(now), officeConfirmedById: actor.id };
}

/**
 * Records the edition's selection: only eligible submitted applications of the edition, at most
 * four, one per administration; refused (saying which rule) otherwise. Refused too before the
 * call's deadline and while an eligible candidate is unscored, unless an admin gives a written
 * reason. The selected have `replyDays` from the second confirmation to accept. Recording counts as the recorder's side's confirmation (programme office or WCO
 * Secretariat); the other side confirms it separately. Audited.
 */
export async function recordSelection(
	db: Db,
	actor: { id: string; role: string },
	editionId: string,
	applicationIds: string[],
	now = Date.now(),
	overrideReason = '',
	replyDays = defaultReplyDays,
) {
	assertApplicationReader(actor);
	const edition = await findEdition(db, editionId);
	if (!edition) throw notFound('edition');
	const existing = await findSelection(db, editionId);
	if (existing)
		throw new RuleError(
			'conflict',
			`The selection for the ${edition.name} edition is already recorded and read-only. Reopen it first to change it.`,
		);
	const ids = [...new Set(applicationIds)];
	const apps = await reviewOf(db, await listEditionApplications(db, actor, editionId));
	const picks = ids.map((id) => apps.find((a) => a.row.application.id === id));
	if (picks.some((p) => !p))
		throw new RuleError(
			'invalid',
			'Only submitted applications of this edition can be selected: reload the page and choose again.',
			'applicationIds',
		);
	const problem = selectionProblem(
		picks.map((p) => ({
			name: p!.row.nomination.candidateName,
			administrationId: p!.row.administration.id,
			administration: p!.row.administration.name,
			standing: p!.standing,
		})),
	);
	if (problem) throw new RuleError('invalid', problem, 'applicationIds');
	const timing = timingProblems({
		callOpen: callIsOpen(edition.applicationDeadline, now),
		deadline: formatDeadline(edition.applicationDeadline),
		...reviewGaps(apps.filter((a) => a.standing === 'met')),
	});
	const reason = overrideReason.trim();
	if (timing.length && !reason)
		throw new RuleError(
			'conflict',
			`The selection cannot be recorded yet. ${timing.join(' ')}${actor.role === 'admin' ? ' An admin may record it anyway with a written reason.' : ''}`,
			'overrideReason',
		);
	if (timing.length && actor.role !== 'admin')
		throw new RuleError(
			'forbidden',
			'Only an admin of the programme office may record a selection before it can be right, with a reason.',
			'overrideReason',
		);
	if (timing.length && reason.length < 10)
		throw new RuleError(
			'invalid',
			'Write the reason in a sentence (at least 10 characters): it is kept in the audit log.',
			'overrideReason',
		);
	const id = newId();
	await db.transaction(async (tx) => {
		await tx.insert(selectionTable).values({
			id,
			editionId,
			decidedAt: new Date(now),
			decidedById: actor.id,
			overrideReason: timing.length ? reason : null,
			replyDays,
			...confirmationOf(actor, now),
		});
		await tx
			.insert(selectionCandidateTable)
			.values(ids.map((applicationId) => ({ selectionId: id, applicationId })));
		await recordAudit(
			tx,
			{
				actorId: actor.id,
				action: 'selection.record',
				subjectType: 'edition',
				subjectId: editionId,
				details: {
					edition: edition.name,
					selected: ids,
					replyDays,
					...(timing.length ? { overridden: timing, reason } : {}),
				},
			},
			now,
		);
	});
	return { edition, count: ids.length };
}

/** Reopens a recorded selection (scores and screening become editable again), audited. */
export async function reopenSelection(
	db: Db,
	actor: { id: string; role: string },
	editionId: string,
	now = Date.now(),
) {
	assertApplicationReader(actor);
	const found = await findSelection(db, editionId);
	if (!found) throw new RuleError('conflict', 'There is no recorded selection to reopen.');
	await db.transaction(async (tx) => {
		await tx.delete(selectionTable).where(eq(selectionTable.id, found.selection.id));
		await recordAudit(
			tx,
			{
				actorId: actor.id,
				action: 'selection.reopen',
				subjectType: 'edition',
				subjectId: editionId,
				details: {
					edition: found.edition,
					decidedAt: found.selection.decidedAt.toISOString(),
					noticesSent: Boolean(found.selection.noticesAt),
				},
			},
			now,
		);
	});
	return { edition: found.edition };
}

/**
 * The other side's confirmation of a recorded selection: the WCO Secretariat confirms what the
 * programme office recorded, or the reverse. Once both have, the selection takes effect (notices,
 * invitations). Audited.
 */
export async function confirmSelection(
	db: Db,
	actor: { id: string; role: string },
	editionId: string,
	now = Date.now(),
) {
	assertApplicationReader(actor);
	const found = await findSelection(db, editionId);
	if (!found) throw new RuleError('conflict', 'There is no recorded selection to confirm.');
	const mine =
		actor.role === 'secretariat'
			? found.selection.secretariatConfirmedAt
			: found.selection.officeConfirmedAt;
	if (mine)
		throw new RuleError(
			'conflict',
			`${actor.role === 'secretariat' ? 'The WCO Secretariat' : 'The programme office'} already confirmed this selection.`,
		);
	await db.transaction(async (tx) => {
		await tx
			.update(selectionTable)
			.set(confirmationOf(actor, now))
			.where(eq(selectionTable.id, found.selection.id));
		await recordAudit(
			tx,
			{
				actorId: actor.id,
				action: 'selection.confirm',
				subjectType: 'edition',
				subjectId: editionId,
				details: { edition: found.edition, side: actor.role === 'secretariat' ? 'wco' : 'office' },
			},
			now,
		);
	});
	return { edition: found.edition };
}
