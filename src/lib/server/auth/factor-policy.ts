/**
 * Which roles must have a second factor (an admin setting; by default the staff who read every
 * participant's restricted entries). A person of such a role without one is sent to enrol and
 * can do nothing else first; the demo's accounts are exempt.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { preparedOnce } from '~db/prepared';
import { appSettingTable, roles, userTable, type Role } from '~db/schema';
import { recordAudit } from '../audit';
import { hasSecondFactor } from './second-factor';

const settingName = 'second_factor_roles';

/** Until an admin chooses: admins, mentors and the WCO Secretariat. */
export const defaultRequiredRoles: Role[] = ['admin', 'mentor', 'secretariat'];

const factorSetting = preparedOnce((db) =>
	db
		.select({ value: appSettingTable.value })
		.from(appSettingTable)
		.where(eq(appSettingTable.name, settingName))
		.prepare(),
);

/** The roles that must have a second factor (read on every signed-in request). */
export async function requiredRoles(db: Db): Promise<Role[]> {
	const [row] = await factorSetting(db).execute();
	if (!row) return defaultRequiredRoles;
	const parsed: unknown = JSON.parse(row.value);
	return Array.isArray(parsed) ? roles.filter((r) => parsed.includes(r)) : defaultRequiredRoles;
}

/** Saves the roles that must have a second factor (audited). */
export async function setRequiredRoles(db: Db, adminId: string, chosen: Role[], now = Date.now()) {
	const value = JSON.stringify(roles.filter((r) => chosen.includes(r)));
	await db.transaction(async (tx) => {
		await tx
			.insert(appSettingTable)
			.values({ name: settingName, value, updatedAt: new Date(now), updatedBy: adminId })
			.onConflictDoUpdate({
				target: appSettingTable.name,
				set: { value, updatedAt: new Date(now), updatedBy: adminId },
			});
		await recordAudit(
			tx,
			{
				actorId: adminId,
				action: 'auth.second_factor_roles_set',
				subjectType: 'setting',
				subjectId: settingName,
				details: { roles: value },
			},
			now,
		);
	});
}

/**
 * True when this person must enrol a second factor before anything else. The middleware asks on
 * every request and passes `exempt` from the session's row, so a demo account costs no query.
 */
export async function mustEnrol(
	db: Db,
	user: { id: string; role: Role },
	exempt?: boolean,
): Promise<boolean> {
	if (exempt === undefined) {
		const [row] = await db
			.select({ exempt: userTable.secondFactorExempt })
			.from(userTable)
			.where(eq(userTable.id, user.id));
		exempt = row?.exempt ?? true;
	}
	if (exempt || !(await requiredRoles(db)).includes(user.role)) return false;
	return !(await hasSecondFactor(db, user.id));
}
