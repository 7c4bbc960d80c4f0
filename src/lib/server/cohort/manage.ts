/** Cohorts and their members: at most four participants, one per Member administration. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { preparedOnce } from '~db/prepared';
import {
	administrationTable,
	cohortMemberTable,
	cohortTable,
	userTable,
	type Cohort,
} from '~db/schema';
import { cohortDateProblems, type CohortDates } from '~/lib/cohort/rules';
import { recordAudit, writeAudited } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { administrationForName, findAdministration } from './administration';
import { findRow } from '../find-row';
import { memberAdministrationName, memberAdministrationJoin } from './members';

/** Most participants a cohort takes. */
export const maxParticipants = 4;

/** A cohort as the admin form submits it. */
export type CohortInput = CohortDates & { edition: string; timezone: string };

/** Any handle that reads and writes: the db or a transaction. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** Every cohort, newest edition first. */
export function listCohorts(db: Db) {
	return db.select().from(cohortTable).orderBy(desc(cohortTable.trainingStart));
}

/** One cohort, or null. */
export async function findCohort(db: Tx, id: string): Promise<Cohort | null> {
	return findRow(db, cohortTable, eq(cohortTable.id, id));
}

/** The cohort a participant or mentor works in now: the newest one they belong to. */
export async function findCurrentCohort(db: Db, userId: string): Promise<Cohort | null> {
	const [row] = await currentCohort(db).execute({ userId });
	return row?.cohort ?? null;
}
const currentCohort = preparedOnce((db) =>
	db
		.select({ cohort: cohortTable })
		.from(cohortMemberTable)
		.innerJoin(cohortTable, eq(cohortTable.id, cohortMemberTable.cohortId))
		.where(eq(cohortMemberTable.userId, sql.placeholder('userId')))
		.orderBy(sql`${cohortTable.archivedAt} is not null`, desc(cohortTable.trainingStart))
		.limit(1)
		.prepare(),
);

/** The newest cohort that is not archived (what admins see first). */
export async function findActiveCohort(db: Db): Promise<Cohort | null> {
	const [row] = await db
		.select()
		.from(cohortTable)
		.where(isNull(cohortTable.archivedAt))
		.orderBy(desc(cohortTable.trainingStart))
		.limit(1);
	return row ?? null;
}

function assertDates(input: CohortInput): void {
	const problems = Object.entries(cohortDateProblems(input));
	if (problems.length) throw new RuleError('invalid', problems[0]![1], problems[0]![0]);
}

async function assertEditionFree(db: Db, edition: string, exceptId?: string) {
	const [row] = await db
		.select({ id: cohortTable.id })
		.from(cohortTable)
		.where(eq(cohortTable.edition, edition));
	if (row && row.id !== exceptId)
		throw new RuleError('conflict', `A cohort named “${edition}” already exists.`, 'edition');
}

/** Creates a cohort after checking its dates and name. */
export async function createCohort(db: Db, actorId: string, input: CohortInput): Promise<Cohort> {
	assertDates(input);
	await assertEditionFree(db, input.edition);
	return writeAudited(
		db,
		(tx) =>
			tx
				.insert(cohortTable)
				.values({ id: newId(), ...input })
				.returning(),
		{
			actorId,
			action: 'cohort.create',
			subjectType: 'cohort',
			details: { edition: input.edition },
		},
	);
}

/** Changes a cohort's name or dates; archived cohorts are read-only. */
export async function updateCohort(
	db: Db,
	actorId: string,
	id: string,
	input: CohortInput,
): Promise<Cohort> {
	const cohort = await findCohort(db, id);
	if (!cohort) throw notFound('cohort');
	assertWritable(cohort);
	assertDates(input);
	await assertEditionFree(db, input.edition, id);
	return db.transaction(async (tx) => {
		const [row] = await tx.update(cohortTable).set(input).where(eq(cohortTable.id, id)).returning();
		await recordAudit(tx, {
			actorId,
			action: 'cohort.update',
			subjectType: 'cohort',
			subjectId: id,
			details: { edition: input.edition },
		});
		return row!;
	});
}

/** Archives (or restores) a cohort. */
export async function setCohortArchived(db: Db, actorId: string, id: string, archived: boolean) {
	const cohort = await findCohort(db, id);
	if (!cohort) throw notFound('cohort');
	await db.transaction(async (tx) => {
		await tx
			.update(cohortTable)
			.set({ archivedAt: archived ? new Date() : null })
			.where(eq(cohortTable.id, id));
		await recordAudit(tx, {
			actorId,
			action: archived ? 'cohort.archive' : 'cohort.restore',
			subjectType: 'cohort',
			subjectId: id,
		});
	});
}

/** Refuses any change to an archived cohort. */
export function assertWritable(cohort: Cohort): void {
	if (cohort.archivedAt)
		throw new RuleError(
			'forbidden',
			`The ${cohort.edition} cohort is archived and can no longer be changed.`,
		);
}

/** Members of a cohort with their names, participants first, then by name. */
export function listMembers(db: Db, cohortId: string) {
	return db
		.select({
			userId: userTable.id,
			name: userTable.name,
			email: userTable.email,
			role: cohortMemberTable.role,
			administration: memberAdministrationName,
			administrationId: cohortMemberTable.administrationId,
			disabledAt: userTable.disabledAt,
		})
		.from(cohortMemberTable)
		.innerJoin(userTable, eq(userTable.id, cohortMemberTable.userId))
		.leftJoin(administrationTable, memberAdministrationJoin)
		.where(eq(cohortMemberTable.cohortId, cohortId))
		.orderBy(desc(cohortMemberTable.role), asc(userTable.name));
}

/** How many participants a cohort has. */
export async function countParticipants(db: Tx, cohortId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(cohortMemberTable)
		.where(
			and(eq(cohortMemberTable.cohortId, cohortId), eq(cohortMemberTable.role, 'participant')),
		);
	return Number(row?.n ?? 0);
}

/** Adds a member inside the caller's transaction, enforcing the four-participant and one-per-administration rules. */
export async function addMember(
	tx: Tx,
	member: {
		cohortId: string;
		userId: string;
		role: 'participant' | 'mentor';
		/** The administration record (what invitations carry now). */
		administrationId?: string | null;
		/** A typed name, for invitations issued before administrations were records. */
		administration?: string | null;
	},
): Promise<void> {
	const cohort = await findCohort(tx, member.cohortId);
	if (!cohort) throw notFound('cohort');
	assertWritable(cohort);
	const administration =
		member.role === 'participant' ? await resolveAdministration(tx, member) : null;
	if (administration) {
		if ((await countParticipants(tx, member.cohortId)) >= maxParticipants)
			throw new RuleError(
				'conflict',
				`The ${cohort.edition} cohort already has ${maxParticipants} participants, the most the programme takes.`,
			);
		if (await administrationTaken(tx, member.cohortId, administration.id))
			throw new RuleError(
				'conflict',
				`${administration.name} already has a participant in the ${cohort.edition} cohort: the programme takes one per Member administration.`,
				'administration',
			);
	}
	await tx.insert(cohortMemberTable).values({
		cohortId: member.cohortId,
		userId: member.userId,
		role: member.role,
		administration: administration?.name ?? null,
		administrationId: administration?.id ?? null,
	});
}

async function resolveAdministration(
	tx: Tx,
	member: { administrationId?: string | null; administration?: string | null },
) {
	if (member.administrationId) {
		const found = await findAdministration(tx, member.administrationId);
		if (!found)
			throw new RuleError(
				'invalid',
				'Choose a Member administration from the list.',
				'administration',
			);
		return found;
	}
	if (!(member.administration ?? '').trim())
		throw new RuleError(
			'invalid',
			'Say which Member administration you come from.',
			'administration',
		);
	return administrationForName(tx, member.administration!);
}

/** True when the cohort already has a participant of this administration (by identity). */
export async function administrationTaken(
	db: Tx,
	cohortId: string,
	administrationId: string,
): Promise<boolean> {
	const [same] = await db
		.select({ userId: cohortMemberTable.userId })
		.from(cohortMemberTable)
		.where(
			and(
				eq(cohortMemberTable.cohortId, cohortId),
				eq(cohortMemberTable.administrationId, administrationId),
			),
		);
	return Boolean(same);
}

/** True when both people are members of one cohort (a mentor and a participant, say). */
export async function shareCohort(db: Db, a: string, b: string): Promise<boolean> {
	const rows = await db.all<{ n: number }>(sql`
		select count(*) as n from cohort_member m1 join cohort_member m2 on m1.cohort_id = m2.cohort_id
		where m1.user_id = ${a} and m2.user_id = ${b}`);
	return Number(rows[0]?.n ?? 0) > 0;
}

/** The cohort a person looks at: their own; admins may pick any (default: the newest active one). */
export async function cohortForViewer(
	db: Db,
	viewer: { id: string; role: string },
	requestedId?: string | null,
) {
	if (viewer.role !== 'admin') return findCurrentCohort(db, viewer.id);
	if (requestedId) return findCohort(db, requestedId);
	return (await findActiveCohort(db)) ?? (await listCohorts(db))[0] ?? null;
}
