/**
 * Applications (charter Annex III): the candidate saves and submits through their link; the
 * programme office reads them screened. Nothing here is public: reads are audited.
 */
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { administrationTable, applicationTable, editionTable, nominationTable } from '~db/schema';
import {
	formatProblems,
	readAnswers,
	storedAnswers,
	submitProblems,
	type Answers,
} from '~/lib/office/application-form';
import {
	applyOverrides,
	overallVerdict,
	screenProfile,
	screenRequirements,
	type Override,
	type ScreeningFacts,
} from '~/lib/office/screening';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { hashToken } from '../ids';
import { assertApplicationReader } from './access';
import { queueApplicationReceipts, type ReceiptSettings } from './application-receipt';
import { assertCallOpen } from './edition';
import { overridesFor } from './override';
import { nominationContexts, type NominationContext } from './nominating-contact';
import { keysetPage } from '../paging';

const joined = {
	application: applicationTable,
	nomination: nominationTable,
	edition: editionTable,
	administration: administrationTable,
};

function withAll(db: Db) {
	return db
		.select(joined)
		.from(applicationTable)
		.innerJoin(nominationTable, eq(nominationTable.id, applicationTable.nominationId))
		.innerJoin(editionTable, eq(editionTable.id, applicationTable.editionId))
		.innerJoin(administrationTable, eq(administrationTable.id, nominationTable.administrationId));
}

/** An application with its nomination, edition and administration. */
export type FullApplication = Awaited<ReturnType<typeof withAll>>[number];

/** The application behind a candidate's link, or null. */
export async function findApplicationByToken(db: Db, token: string) {
	const [row] = await withAll(db).where(eq(applicationTable.tokenHash, hashToken(token)));
	return row ?? null;
}

/** Thrown when the answers cannot be submitted yet: saved, but these fields need an answer. */
export class IncompleteApplication extends Error {
	constructor(readonly problems: Record<string, string>) {
		super('Your answers are saved, but the application is not submitted yet.');
	}
}

/**
 * Saves the candidate's answers (draft), and submits them when asked and complete. Refused
 * after the deadline and once submitted. Throws IncompleteApplication after saving when a
 * submit lacks answers. With `receipts`, a submission queues the candidate's and the
 * nominating officer's receipts in the same transaction.
 */
export async function saveApplication(
	db: Db,
	token: string,
	answers: Answers,
	submit: boolean,
	now = Date.now(),
	receipts: ReceiptSettings | null = null,
) {
	const found = await findApplicationByToken(db, token);
	if (!found) throw notFound('application');
	const { application, edition } = found;
	if (application.status === 'submitted')
		throw new RuleError(
			'conflict',
			'This application is already submitted and can no longer be changed. The programme office will write to you after the selection.',
		);
	assertCallOpen(edition, now);
	const format = formatProblems(answers);
	const [field, message] = Object.entries(format)[0] ?? [];
	if (field) throw new RuleError('invalid', message!, field);
	const problems = submit ? submitProblems(answers) : {};
	const complete = submit && Object.keys(problems).length === 0;
	await db.transaction(async (tx) => {
		await tx
			.update(applicationTable)
			.set({
				answers: storedAnswers(answers),
				updatedAt: new Date(now),
				...(complete ? { status: 'submitted' as const, submittedAt: new Date(now) } : {}),
			})
			.where(and(eq(applicationTable.id, application.id), eq(applicationTable.status, 'draft')));
		if (complete && receipts)
			await queueApplicationReceipts(tx, found, answers, receipts, new Date(now));
		if (complete)
			await recordAudit(
				tx,
				{
					actorId: null,
					action: 'application.submit',
					subjectType: 'application',
					subjectId: application.id,
					details: { edition: edition.name, by: 'candidate_link' },
				},
				now,
			);
	});
	if (submit && !complete) throw new IncompleteApplication(problems);
	return { submitted: complete, edition };
}

/** The facts screening works from, for one application. */
export function screeningFacts(
	row: FullApplication,
	context: NominationContext = { officialAddress: false, otherNominees: [] },
): ScreeningFacts {
	return {
		answers: readAnswers(row.application.answers),
		administration: { name: row.administration.name, active: !row.administration.deactivatedAt },
		nomination: {
			officerName: row.nomination.officerName,
			officerPost: row.nomination.officerPost,
			officerEmail: row.nomination.officerEmail,
			verified: Boolean(row.nomination.verifiedAt),
			...context,
		},
	};
}

/**
 * The application screened: every requirement, the recommended profile, the standing; the
 * reviewers' overrides count over the automatic results.
 */
export function screen(
	row: FullApplication,
	overrides: Override[] = [],
	context?: NominationContext,
) {
	const facts = screeningFacts(row, context);
	const requirements = applyOverrides(screenRequirements(facts), overrides);
	const profile = applyOverrides(screenProfile(facts.answers), overrides);
	return { requirements, profile, standing: overallVerdict(requirements), answers: facts.answers };
}

/** These applications screened, with their overrides and their nominations' context. */
async function screenAll(db: Db, rows: FullApplication[]) {
	const overrides = await overridesFor(
		db,
		rows.map((r) => r.application.id),
	);
	const contexts = await nominationContexts(
		db,
		rows.map((r) => r.nomination),
	);
	return rows.map((row) => ({
		row,
		...screen(row, overrides.get(row.application.id), contexts.get(row.nomination.id)),
	}));
}

/** Applications per page of the list. */
export const applicationPageSize = 20;

/** Where a page of the list starts: after this submission instant and id (newest first). */
export type ApplicationCursor = { at: number; id: string };

/** Reads a cursor from the address ("<ms>.<id>"), or null when there is none or it is garbled. */
export function parseCursor(value: string | null): ApplicationCursor | null {
	const m = /^(\d{1,15})\.([a-z0-9]{1,40})$/.exec(value ?? '');
	return m ? { at: Number(m[1]), id: m[2]! } : null;
}

/** One page of submitted applications (newest first, keyset on submission time and id), screened. */
export async function listApplicationsPage(
	db: Db,
	reader: { role: string },
	opts: { editionId?: string | null; after?: ApplicationCursor | null; limit?: number },
) {
	assertApplicationReader(reader);
	const limit = opts.limit ?? applicationPageSize;
	const after = opts.after;
	const rows = await withAll(db)
		.where(
			and(
				eq(applicationTable.status, 'submitted'),
				opts.editionId ? eq(applicationTable.editionId, opts.editionId) : undefined,
				after
					? or(
							lt(applicationTable.submittedAt, new Date(after.at)),
							and(
								eq(applicationTable.submittedAt, new Date(after.at)),
								lt(applicationTable.id, after.id),
							),
						)
					: undefined,
			),
		)
		.orderBy(desc(applicationTable.submittedAt), desc(applicationTable.id))
		.limit(limit + 1);
	const { items, next } = keysetPage(rows, limit, ({ application: last }) =>
		last.submittedAt ? `${last.submittedAt.getTime()}.${last.id}` : null,
	);
	return { page: await screenAll(db, items), next };
}

/** Drafts not yet submitted, per edition (the list shows how many are still being written). */
export async function countDrafts(db: Db, editionId?: string | null) {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(applicationTable)
		.where(
			and(
				eq(applicationTable.status, 'draft'),
				editionId ? eq(applicationTable.editionId, editionId) : undefined,
			),
		);
	return Number(row?.n ?? 0);
}

/** One submitted application for the programme office, screened; the read is audited. */
export async function readApplication(
	db: Db,
	reader: { id: string; role: string },
	id: string,
	now = Date.now(),
) {
	assertApplicationReader(reader);
	const [row] = await withAll(db).where(
		and(eq(applicationTable.id, id), eq(applicationTable.status, 'submitted')),
	);
	if (!row) return null;
	await recordAudit(
		db,
		{ actorId: reader.id, action: 'application.read', subjectType: 'application', subjectId: id },
		now,
	);
	return (await screenAll(db, [row]))[0]!;
}

/** Every submitted application of an edition, screened (for scoring and selection; not audited). */
export async function listEditionApplications(db: Db, reader: { role: string }, editionId: string) {
	assertApplicationReader(reader);
	const rows = await withAll(db)
		.where(and(eq(applicationTable.status, 'submitted'), eq(applicationTable.editionId, editionId)))
		.orderBy(applicationTable.submittedAt, applicationTable.id);
	return screenAll(db, rows);
}

/** One submitted application screened, for a rule to check (not a read by a person: not audited). */
export async function findScreened(db: Db, id: string) {
	const [row] = await withAll(db).where(
		and(eq(applicationTable.id, id), eq(applicationTable.status, 'submitted')),
	);
	if (!row) return null;
	return (await screenAll(db, [row]))[0]!;
}
