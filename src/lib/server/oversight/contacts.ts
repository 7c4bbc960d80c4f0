/**
 * Who is written to on behalf of an office or an administration. Only enabled accounts: a
 * disabled account can neither read the message nor answer for anyone.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { userTable, type User } from '~db/schema';
import { participantMembership } from './access';

type Reader = Pick<Db, 'select'>;

/** The enabled accounts holding `role` (every admin, every Secretariat officer…). */
export async function activeAccountsWithRole(db: Reader, role: User['role']): Promise<string[]> {
	const rows = await db
		.select({ id: userTable.id })
		.from(userTable)
		.where(and(eq(userTable.role, role), isNull(userTable.disabledAt)));
	return rows.map((r) => r.id);
}

/** The enabled `home` contacts of a participant's administration; none when it is not known. */
export async function homeContactsOf(db: Reader, participantId: string): Promise<string[]> {
	const membership = await participantMembership(db, participantId);
	if (!membership?.administrationId) return [];
	const rows = await db
		.select({ id: userTable.id })
		.from(userTable)
		.where(
			and(
				eq(userTable.role, 'home'),
				eq(userTable.administrationId, membership.administrationId),
				isNull(userTable.disabledAt),
			),
		);
	return rows.map((r) => r.id);
}
