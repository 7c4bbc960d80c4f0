/** People: lookups, creation and password changes. */
import { eq, asc } from 'drizzle-orm';
import type { Db } from '~db/client';
import { userTable, type Role, type User } from '~db/schema';
import { newId } from '../ids';
import { hashPassword } from './password';
import { findRow } from '../find-row';

/** Emails are compared and stored lower-cased and trimmed. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** The user with this email, or null. */
export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
	return findRow(db, userTable, eq(userTable.email, normaliseEmail(email)));
}

/** The user with this id, or null. */
export async function findUserById(db: Db, id: string): Promise<User | null> {
	return findRow(db, userTable, eq(userTable.id, id));
}

/** Every user, by name (admin screens). */
export function listUsers(db: Db) {
	return db.select().from(userTable).orderBy(asc(userTable.name));
}

/** True when at least one admin account exists. */
export async function hasAdmin(db: Db): Promise<boolean> {
	const [row] = await db
		.select({ id: userTable.id })
		.from(userTable)
		.where(eq(userTable.role, 'admin'))
		.limit(1);
	return Boolean(row);
}

/** What a new account needs. The password is checked by the caller (passwordProblem). */
export type NewUser = {
	email: string;
	name: string;
	role: Role;
	password: string;
	/** For a home contact: their Member administration. */
	administrationId?: string | null;
};

/** Inserts a user; pass `passwordHash` when it was computed before a transaction began. */
export async function insertUser(
	tx: Pick<Db, 'insert'>,
	input: NewUser,
	passwordHash?: string,
): Promise<User> {
	const [row] = await tx
		.insert(userTable)
		.values({
			id: newId(),
			email: normaliseEmail(input.email),
			name: input.name.trim(),
			role: input.role,
			administrationId: input.administrationId ?? null,
			passwordHash: passwordHash ?? (await hashPassword(input.password)),
		})
		.returning();
	return row!;
}
