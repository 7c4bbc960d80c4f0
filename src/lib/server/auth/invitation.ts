/**
 * One-time links: invitations into a cohort, password resets and the first-admin setup link.
 * Only a hash of each token is stored; a link is open until used, revoked or expired.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { invitationTable, userTable, type Invitation, type Role } from '~db/schema';
import { recordAudit } from '../audit';
import { findAdministration } from '../cohort/administration';
import {
	addMember,
	administrationTaken,
	countParticipants,
	findCohort,
	assertWritable,
	maxParticipants,
} from '../cohort/manage';
import { notFound, RuleError } from '../errors';
import { hashToken, newId, newToken } from '../ids';
import { hashPassword, passwordProblem } from './password';
import { invalidateUserSessions } from './session';
import { findUserByEmail, findUserById, hasAdmin, insertUser, normaliseEmail } from './user';
import { insertedLast } from '../row-order';
import { findRow } from '../find-row';

/** How long an invitation or reset link stays valid. */
export const linkLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export type LinkState = 'open' | 'used' | 'revoked' | 'expired';

/** Where a link stands now. */
export function linkState(inv: Invitation, now = Date.now()): LinkState {
	if (inv.usedAt) return 'used';
	if (inv.revokedAt) return 'revoked';
	if (inv.expiresAt.getTime() <= now) return 'expired';
	return 'open';
}

/** What a person is told when a link cannot be used. */
export function linkStateMessage(state: Exclude<LinkState, 'open'>): string {
	return {
		used: 'This link has already been used. Sign in, or ask the programme admin for a new link.',
		revoked:
			'This link was withdrawn by the programme admin. Ask them for a new one if you still need it.',
		expired:
			'This link has expired (links are valid for 7 days). Ask the programme admin for a new one.',
	}[state];
}

/** The link behind a token, or null for an unknown token. */
export async function findLinkByToken(
	db: Db,
	token: string,
	kind?: Invitation['kind'],
): Promise<Invitation | null> {
	const row = await findRow(db, invitationTable, eq(invitationTable.tokenHash, hashToken(token)));
	if (!row || (kind && row.kind !== kind)) return null;
	return row;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Stores a new link under the hash of its token: the token itself is only ever in the link sent. */
async function insertLink(
	tx: Tx,
	token: string,
	values: Omit<typeof invitationTable.$inferInsert, 'id' | 'tokenHash'>,
): Promise<Invitation> {
	const [row] = await tx
		.insert(invitationTable)
		.values({ id: newId(), tokenHash: hashToken(token), ...values })
		.returning();
	return row!;
}

/** Revokes the open links of a kind (for one person, when given) before a newer one replaces them. */
async function revokeOpenLinks(tx: Tx, kind: Invitation['kind'], now: number, userId?: string) {
	await tx
		.update(invitationTable)
		.set({ revokedAt: new Date(now) })
		.where(
			and(
				eq(invitationTable.kind, kind),
				userId ? eq(invitationTable.userId, userId) : undefined,
				isNull(invitationTable.usedAt),
				isNull(invitationTable.revokedAt),
			),
		);
}

/** Open participant invitations of a cohort (they count against its four places). */
async function countOpenParticipantInvitations(db: Db, cohortId: string, now: number) {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(invitationTable)
		.where(
			and(
				eq(invitationTable.cohortId, cohortId),
				eq(invitationTable.kind, 'invite'),
				eq(invitationTable.role, 'participant'),
				isNull(invitationTable.usedAt),
				isNull(invitationTable.revokedAt),
				gt(invitationTable.expiresAt, new Date(now)),
			),
		);
	return Number(row?.n ?? 0);
}

export type InviteInput = {
	email: string;
	name: string;
	role: Role;
	cohortId: string | null;
	/** For a participant: the Member administration chosen from the list. */
	administrationId?: string | null;
};

/** An open participant invitation of the cohort for this administration, if any. */
async function openInvitationFor(db: Db, cohortId: string, administrationId: string, now: number) {
	const [row] = await db
		.select({ email: invitationTable.email })
		.from(invitationTable)
		.where(
			and(
				eq(invitationTable.cohortId, cohortId),
				eq(invitationTable.kind, 'invite'),
				eq(invitationTable.administrationId, administrationId),
				isNull(invitationTable.usedAt),
				isNull(invitationTable.revokedAt),
				gt(invitationTable.expiresAt, new Date(now)),
			),
		);
	return row ?? null;
}

/** Refuses a participant invitation whose administration is unknown, inactive or already placed. */
async function assertAdministrationFree(
	db: Db,
	cohort: { id: string; edition: string },
	administrationId: string | null | undefined,
	now: number,
) {
	const chosen = administrationId ? await findAdministration(db, administrationId) : null;
	if (!chosen || chosen.deactivatedAt)
		throw new RuleError(
			'invalid',
			'Choose the participant’s Member administration from the list.',
			'administrationId',
		);
	if (await administrationTaken(db, cohort.id, chosen.id))
		throw new RuleError(
			'conflict',
			`${chosen.name} already has a participant in the ${cohort.edition} cohort: the programme takes one per Member administration.`,
			'administrationId',
		);
	const open = await openInvitationFor(db, cohort.id, chosen.id, now);
	if (open)
		throw new RuleError(
			'conflict',
			`${chosen.name} already has an open invitation in the ${cohort.edition} cohort (for ${open.email}): the programme takes one participant per Member administration. Revoke it first to invite someone else.`,
			'administrationId',
		);
}

/** Issues an invitation; returns the token for the link (shown once to the admin). */
export async function createInvitation(
	db: Db,
	actorId: string,
	input: InviteInput,
	now = Date.now(),
) {
	const email = normaliseEmail(input.email);
	if (await findUserByEmail(db, email))
		throw new RuleError('conflict', 'Someone with this email already has an account.', 'email');
	if (input.role === 'home') {
		const chosen = input.administrationId
			? await findAdministration(db, input.administrationId)
			: null;
		if (!chosen || chosen.deactivatedAt)
			throw new RuleError(
				'invalid',
				'Choose the Member administration this home contact belongs to.',
				'administrationId',
			);
	}
	if (input.role === 'participant' || input.role === 'mentor') {
		if (!input.cohortId)
			throw new RuleError('invalid', 'Choose the cohort this person joins.', 'cohortId');
		const cohort = await findCohort(db, input.cohortId);
		if (!cohort) throw new RuleError('invalid', 'Choose the cohort this person joins.', 'cohortId');
		assertWritable(cohort);
		if (input.role === 'participant') {
			const taken =
				(await countParticipants(db, cohort.id)) +
				(await countOpenParticipantInvitations(db, cohort.id, now));
			if (taken >= maxParticipants)
				throw new RuleError(
					'conflict',
					`The ${cohort.edition} cohort already has ${maxParticipants} participants or open invitations, the most the programme takes. Revoke an open invitation first.`,
					'role',
				);
			await assertAdministrationFree(db, cohort, input.administrationId, now);
		}
	}
	const token = newToken();
	const invitation = await db.transaction(async (tx) => {
		const row = await insertLink(tx, token, {
			kind: 'invite',
			email,
			name: input.name.trim(),
			role: input.role,
			cohortId: input.role === 'participant' || input.role === 'mentor' ? input.cohortId : null,
			administrationId:
				input.role === 'participant' || input.role === 'home' ? input.administrationId : null,
			createdBy: actorId,
			expiresAt: new Date(now + linkLifetimeMs),
		});
		await recordAudit(
			tx,
			{
				actorId,
				action: 'invitation.create',
				subjectType: 'invitation',
				subjectId: row.id,
				details: {
					email,
					role: input.role,
					...(input.role === 'participant' || input.role === 'home'
						? { administrationId: input.administrationId }
						: {}),
				},
			},
			now,
		);
		return row;
	});
	return { token, invitation };
}

/** Withdraws an open invitation or reset link. */
export async function revokeLink(db: Db, actorId: string, id: string, now = Date.now()) {
	const row = await findRow(db, invitationTable, eq(invitationTable.id, id));
	if (!row || row.kind === 'setup') throw notFound('invitation');
	if (linkState(row, now) !== 'open')
		throw new RuleError('conflict', 'Only an open link can be revoked.');
	await db.transaction(async (tx) => {
		await tx
			.update(invitationTable)
			.set({ revokedAt: new Date(now) })
			.where(eq(invitationTable.id, id));
		await recordAudit(
			tx,
			{ actorId, action: 'invitation.revoke', subjectType: 'invitation', subjectId: id },
			now,
		);
	});
}

/** Invitations and reset links, newest first (admin screen). */
export function listLinks(db: Db) {
	return db
		.select()
		.from(invitationTable)
		.where(sql`${invitationTable.kind} != 'setup'`)
		.orderBy(desc(invitationTable.createdAt), insertedLast(invitationTable));
}

/** What the invitee fills in. */
export type AcceptInput = { name: string; administration: string; password: string };

/** Turns an open invitation into an account and cohort membership, all or nothing. */
export async function acceptInvitation(
	db: Db,
	token: string,
	input: AcceptInput,
	now = Date.now(),
) {
	const inv = await findLinkByToken(db, token, 'invite');
	if (!inv) throw notFound('invitation');
	const state = linkState(inv, now);
	if (state !== 'open') throw new RuleError('conflict', linkStateMessage(state));
	const problem = passwordProblem(input.password, inv.email);
	if (problem) throw new RuleError('invalid', problem, 'password');
	if (await findUserByEmail(db, inv.email))
		throw new RuleError('conflict', 'An account with this email already exists. Sign in instead.');
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		// Mark the link used first: a second tab submitting the same link finds it taken.
		const used = await tx
			.update(invitationTable)
			.set({ usedAt: new Date(now) })
			.where(and(eq(invitationTable.id, inv.id), isNull(invitationTable.usedAt)))
			.returning({ id: invitationTable.id });
		if (!used.length) throw new RuleError('conflict', linkStateMessage('used'));
		const user = await insertUser(
			tx,
			{
				email: inv.email,
				name: input.name,
				role: inv.role,
				password: '',
				administrationId: inv.role === 'home' ? inv.administrationId : null,
			},
			passwordHash,
		);
		if (inv.cohortId && (inv.role === 'participant' || inv.role === 'mentor'))
			await addMember(tx, {
				cohortId: inv.cohortId,
				userId: user.id,
				role: inv.role,
				administrationId: inv.administrationId,
				administration: input.administration,
			});
		await recordAudit(
			tx,
			{
				actorId: user.id,
				action: 'invitation.accept',
				subjectType: 'user',
				subjectId: user.id,
				details: { role: inv.role },
			},
			now,
		);
		return user;
	});
}

/**
 * Issues a password-reset link for an existing person. Their older open reset links are revoked
 * in the same transaction: only the newest link sent can set the password.
 */
export async function createResetLink(db: Db, actorId: string, userId: string, now = Date.now()) {
	const user = await findUserById(db, userId);
	if (!user) throw notFound('person');
	const token = newToken();
	await db.transaction(async (tx) => {
		await revokeOpenLinks(tx, 'reset', now, user.id);
		const row = await insertLink(tx, token, {
			kind: 'reset',
			email: user.email,
			name: user.name,
			role: user.role,
			userId: user.id,
			createdBy: actorId,
			expiresAt: new Date(now + linkLifetimeMs),
		});
		await recordAudit(
			tx,
			{
				actorId,
				action: 'user.reset_link',
				subjectType: 'user',
				subjectId: user.id,
				details: { link: row.id },
			},
			now,
		);
	});
	return { token, user };
}

/** Sets a new password from a reset link and signs the person out everywhere. */
export async function useResetLink(db: Db, token: string, password: string, now = Date.now()) {
	const link = await findLinkByToken(db, token, 'reset');
	if (!link || !link.userId) throw notFound('link');
	const state = linkState(link, now);
	if (state !== 'open') throw new RuleError('conflict', linkStateMessage(state));
	const problem = passwordProblem(password, link.email);
	if (problem) throw new RuleError('invalid', problem, 'password');
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await tx
			.update(invitationTable)
			.set({ usedAt: new Date(now) })
			.where(eq(invitationTable.id, link.id));
		await tx.update(userTable).set({ passwordHash }).where(eq(userTable.id, link.userId!));
		await recordAudit(
			tx,
			{
				actorId: link.userId,
				action: 'auth.password_reset',
				subjectType: 'user',
				subjectId: link.userId,
			},
			now,
		);
	});
	await invalidateUserSessions(db, link.userId);
	return link;
}

/** When no admin exists, replaces any earlier setup link with a new one; returns its token. */
export async function issueSetupLink(db: Db, now = Date.now()): Promise<string | null> {
	if (await hasAdmin(db)) return null;
	const token = newToken();
	await db.transaction(async (tx) => {
		await revokeOpenLinks(tx, 'setup', now);
		await insertLink(tx, token, {
			kind: 'setup',
			email: '',
			role: 'admin',
			expiresAt: new Date(8640000000000000),
		});
	});
	return token;
}

/** Creates the first admin from the setup link; the link is then spent. */
export async function completeSetup(
	db: Db,
	token: string,
	input: { email: string; name: string; password: string },
	now = Date.now(),
) {
	const link = await findLinkByToken(db, token, 'setup');
	if (!link || linkState(link, now) !== 'open' || (await hasAdmin(db)))
		throw notFound('setup link');
	const problem = passwordProblem(input.password, input.email);
	if (problem) throw new RuleError('invalid', problem, 'password');
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		await tx
			.update(invitationTable)
			.set({ usedAt: new Date(now) })
			.where(eq(invitationTable.id, link.id));
		const user = await insertUser(
			tx,
			{ email: input.email, name: input.name, role: 'admin', password: '' },
			passwordHash,
		);
		await recordAudit(
			tx,
			{ actorId: user.id, action: 'auth.setup_admin', subjectType: 'user', subjectId: user.id },
			now,
		);
		return user;
	});
}
