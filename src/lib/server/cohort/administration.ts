/**
 * Member administrations as records: the list admins choose from when inviting a participant,
 * and keep up to date (add, rename, deactivate). Identity is the id, never the spelling.
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { administrationKey } from '~db/administrations';
import { administrationTable, cohortMemberTable, type Administration } from '~db/schema';
import { recordAudit, writeAudited } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { findRow } from '../find-row';

/** Any handle that reads and writes: the db or a transaction. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** Every administration by name, with how many cohort places it holds (admin screen). */
export function listAdministrations(db: Db) {
	return db
		.select({
			id: administrationTable.id,
			name: administrationTable.name,
			deactivatedAt: administrationTable.deactivatedAt,
			participants: sql<number>`(select count(*) from ${cohortMemberTable} where ${cohortMemberTable.administrationId} = ${administrationTable.id})`,
		})
		.from(administrationTable)
		.orderBy(asc(administrationTable.nameKey));
}

/** The active administrations by name: what the invitation form offers. */
export function listActiveAdministrations(db: Db) {
	return db
		.select({ id: administrationTable.id, name: administrationTable.name })
		.from(administrationTable)
		.where(isNull(administrationTable.deactivatedAt))
		.orderBy(asc(administrationTable.nameKey));
}

/** One administration, or null. */
export async function findAdministration(db: Tx, id: string): Promise<Administration | null> {
	return findRow(db, administrationTable, eq(administrationTable.id, id));
}

/** The administration of this name (ignoring case and spacing), or null. */
export async function findAdministrationByName(
	db: Tx,
	name: string,
): Promise<Administration | null> {
	return findRow(db, administrationTable, eq(administrationTable.nameKey, administrationKey(name)));
}

function tidy(name: string): string {
	return name.trim().replace(/\s+/g, ' ');
}

async function assertNameFree(db: Tx, name: string, exceptId?: string) {
	const [row] = await db
		.select({ id: administrationTable.id, name: administrationTable.name })
		.from(administrationTable)
		.where(
			and(
				eq(administrationTable.nameKey, administrationKey(name)),
				exceptId ? ne(administrationTable.id, exceptId) : undefined,
			),
		);
	if (row) throw new RuleError('conflict', `“${row.name}” is already in the list.`, 'name');
}

/** Adds an administration to the list. */
export async function createAdministration(
	db: Db,
	actorId: string,
	rawName: string,
): Promise<Administration> {
	const name = tidy(rawName);
	if (name.length < 2) throw new RuleError('invalid', 'Enter the administration’s name.', 'name');
	await assertNameFree(db, name);
	return writeAudited(
		db,
		(tx) =>
			tx
				.insert(administrationTable)
				.values({ id: newId(), name, nameKey: administrationKey(name) })
				.returning(),
		{
			actorId,
			action: 'administration.create',
			subjectType: 'administration',
			details: { name },
		},
	);
}

/** Renames an administration; members keep it (they hold its id), so the new name shows everywhere. */
export async function renameAdministration(
	db: Db,
	actorId: string,
	id: string,
	rawName: string,
): Promise<void> {
	const current = await findAdministration(db, id);
	if (!current) throw notFound('administration');
	const name = tidy(rawName);
	if (name.length < 2) throw new RuleError('invalid', 'Enter the administration’s name.', 'name');
	await assertNameFree(db, name, id);
	await db.transaction(async (tx) => {
		await tx
			.update(administrationTable)
			.set({ name, nameKey: administrationKey(name) })
			.where(eq(administrationTable.id, id));
		// The copy of the name kept on each membership follows, for pages that read it directly.
		await tx
			.update(cohortMemberTable)
			.set({ administration: name })
			.where(eq(cohortMemberTable.administrationId, id));
		await recordAudit(tx, {
			actorId,
			action: 'administration.rename',
			subjectType: 'administration',
			subjectId: id,
			details: { from: current.name, to: name },
		});
	});
}

/** Deactivates (no longer offered when inviting) or reactivates an administration. */
export async function setAdministrationActive(
	db: Db,
	actorId: string,
	id: string,
	active: boolean,
): Promise<void> {
	if (!(await findAdministration(db, id))) throw notFound('administration');
	await db.transaction(async (tx) => {
		await tx
			.update(administrationTable)
			.set({ deactivatedAt: active ? null : new Date() })
			.where(eq(administrationTable.id, id));
		await recordAudit(tx, {
			actorId,
			action: active ? 'administration.reactivate' : 'administration.deactivate',
			subjectType: 'administration',
			subjectId: id,
		});
	});
}

/**
 * The record a typed name stands for (an invitation issued before administrations were records):
 * the one of that name, or a new one.
 */
export async function administrationForName(tx: Tx, rawName: string): Promise<Administration> {
	const name = tidy(rawName);
	const found = await findAdministrationByName(tx, name);
	if (found) return found;
	const [row] = await tx
		.insert(administrationTable)
		.values({ id: newId(), name, nameKey: administrationKey(name) })
		.returning();
	return row!;
}
