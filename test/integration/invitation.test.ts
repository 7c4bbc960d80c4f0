import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cohortMemberTable, invitationTable, userTable } from '~db/schema';
import {
	acceptInvitation,
	completeSetup,
	createInvitation,
	createResetLink,
	findLinkByToken,
	issueSetupLink,
	linkLifetimeMs,
	linkState,
	revokeLink,
	useResetLink,
} from '~/lib/server/auth/invitation';
import { signIn } from '~/lib/server/auth/sign-in';
import { createSession, validateSessionToken } from '~/lib/server/auth/session';
import { createTestDb, type TestDb } from '../helpers/db';
import { makeCohort, makeUser, testPassword } from '../helpers/factories';

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.close());

const welcome = {
	name: 'Mara Santos',
	administration: 'Aldoria Customs',
	password: 'violet harbour engine tulip',
};

describe('invitations', () => {
	it('creates an account and cohort membership once, and the link is then used', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 0);
		const { token, invitation } = await createInvitation(t.db, admin.id, {
			email: 'Mara@Customs.Example',
			name: 'Mara',
			role: 'participant',
			cohortId: cohort.id,
			administrationId: 'wco-ap-japan',
		});
		expect(invitation.email).toBe('mara@customs.example');
		expect(invitation.tokenHash).not.toBe(token);
		const user = await acceptInvitation(t.db, token, welcome);
		expect(user.role).toBe('participant');
		const members = await t.db.select().from(cohortMemberTable);
		// The administration the admin chose, not what the invitee might type.
		expect(members.find((m) => m.userId === user.id)).toMatchObject({
			administrationId: 'wco-ap-japan',
			administration: 'Japan',
		});
		await expect(acceptInvitation(t.db, token, welcome)).rejects.toThrow(/already been used/);
		expect(
			(
				await signIn(t.db, {
					email: 'mara@customs.example',
					password: welcome.password,
					address: '1',
					device: '',
				})
			).ok,
		).toBe(true);
	});

	it('says when a link has expired or was revoked', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 0);
		const now = Date.now();
		const expired = await createInvitation(
			t.db,
			admin.id,
			{ email: 'a@x.example', name: 'A', role: 'mentor', cohortId: cohort.id },
			now - linkLifetimeMs - 1,
		);
		await expect(acceptInvitation(t.db, expired.token, welcome)).rejects.toThrow(/expired/);
		const revoked = await createInvitation(t.db, admin.id, {
			email: 'b@x.example',
			name: 'B',
			role: 'mentor',
			cohortId: cohort.id,
		});
		await revokeLink(t.db, admin.id, revoked.invitation.id);
		await expect(acceptInvitation(t.db, revoked.token, welcome)).rejects.toThrow(/withdrawn/);
		const link = await findLinkByToken(t.db, revoked.token);
		expect(linkState(link!)).toBe('revoked');
		await expect(revokeLink(t.db, admin.id, revoked.invitation.id)).rejects.toThrow(
			/Only an open link/,
		);
	});

	it('refuses a weak password without using up the link', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 0);
		const { token } = await createInvitation(t.db, admin.id, {
			email: 'c@x.example',
			name: 'C',
			role: 'participant',
			cohortId: cohort.id,
			administrationId: 'wco-ap-fiji',
		});
		await expect(
			acceptInvitation(t.db, token, { ...welcome, password: 'password1234' }),
		).rejects.toMatchObject({ field: 'password' });
		await expect(acceptInvitation(t.db, token, welcome)).resolves.toMatchObject({
			name: 'Mara Santos',
		});
	});

	it('counts open invitations against the four places', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 3);
		await createInvitation(t.db, admin.id, {
			email: 'four@x.example',
			name: 'Four',
			role: 'participant',
			cohortId: cohort.id,
			administrationId: 'wco-ap-samoa',
		});
		await expect(
			createInvitation(t.db, admin.id, {
				email: 'five@x.example',
				name: 'Five',
				role: 'participant',
				cohortId: cohort.id,
				administrationId: 'wco-ap-tonga',
			}),
		).rejects.toThrow(/4 participants or open invitations/);
		// Mentors are not limited.
		await expect(
			createInvitation(t.db, admin.id, {
				email: 'm@x.example',
				name: 'M',
				role: 'mentor',
				cohortId: cohort.id,
			}),
		).resolves.toBeTruthy();
	});

	it('refuses a second participant of the same administration at invitation, by identity', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 0);
		const invite = (email: string, administrationId: string | null) =>
			createInvitation(t.db, admin.id, {
				email,
				name: 'Someone',
				role: 'participant',
				cohortId: cohort.id,
				administrationId,
			});
		await expect(invite('none@x.example', null)).rejects.toMatchObject({
			field: 'administrationId',
			message: expect.stringMatching(/from the list/),
		});
		const a = await invite('a@x.example', 'wco-ap-korea');
		// An open invitation already holds the administration's place…
		await expect(invite('b@x.example', 'wco-ap-korea')).rejects.toMatchObject({
			field: 'administrationId',
			message: expect.stringMatching(/Korea already has an open invitation/),
		});
		await acceptInvitation(t.db, a.token, welcome);
		// …and so does a member, however the name is spelled elsewhere.
		await expect(invite('c@x.example', 'wco-ap-korea')).rejects.toMatchObject({
			message: expect.stringMatching(/Korea already has a participant/),
		});
		await expect(invite('d@x.example', 'wco-ap-viet-nam')).resolves.toBeTruthy();
		const users = await t.db.select().from(userTable);
		expect(users.map((u) => u.email)).not.toContain('b@x.example');
	});

	it('accepts an invitation issued before administrations were records by mapping the typed name', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 0);
		const old = await createInvitation(t.db, admin.id, {
			email: 'old@x.example',
			name: 'Old',
			role: 'participant',
			cohortId: cohort.id,
			administrationId: 'wco-ap-japan',
		});
		await t.db
			.update(invitationTable)
			.set({ administrationId: null })
			.where(eq(invitationTable.id, old.invitation.id));
		const user = await acceptInvitation(t.db, old.token, { ...welcome, administration: ' JAPAN ' });
		const [member] = await t.db
			.select()
			.from(cohortMemberTable)
			.where(eq(cohortMemberTable.userId, user.id));
		expect(member?.administrationId).toBe('wco-ap-japan');
	});

	it('refuses to invite an email that already has an account', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 1);
		const [existing] = await t.db.select().from(userTable).limit(1);
		await expect(
			createInvitation(t.db, admin.id, {
				email: existing!.email,
				name: 'X',
				role: 'mentor',
				cohortId: cohort.id,
			}),
		).rejects.toMatchObject({ field: 'email' });
	});
});

describe('password reset links', () => {
	it('sets the password once and signs the person out everywhere', async () => {
		const admin = await makeUser(t.db, 'admin');
		const user = await makeUser(t.db, 'mentor');
		const session = await createSession(t.db, user.id, '');
		const { token } = await createResetLink(t.db, admin.id, user.id);
		await useResetLink(t.db, token, 'granite willow ferry lamp');
		expect(await validateSessionToken(t.db, session.token)).toBeNull();
		expect(
			(await signIn(t.db, { email: user.email, password: testPassword, address: '1', device: '' }))
				.ok,
		).toBe(false);
		expect(
			(
				await signIn(t.db, {
					email: user.email,
					password: 'granite willow ferry lamp',
					address: '1',
					device: '',
				})
			).ok,
		).toBe(true);
		await expect(useResetLink(t.db, token, 'another strong passphrase')).rejects.toThrow(
			/already been used/,
		);
	});

	it('revokes the older open reset links when a new one is issued', async () => {
		const admin = await makeUser(t.db, 'admin');
		const user = await makeUser(t.db, 'participant');
		const other = await makeUser(t.db, 'mentor');
		const first = await createResetLink(t.db, admin.id, user.id);
		const othersLink = await createResetLink(t.db, admin.id, other.id);
		const second = await createResetLink(t.db, admin.id, user.id);
		expect(linkState((await findLinkByToken(t.db, first.token))!)).toBe('revoked');
		await expect(useResetLink(t.db, first.token, 'granite willow ferry lamp')).rejects.toThrow(
			/withdrawn/,
		);
		// Someone else's link and the newest one stay usable.
		expect(linkState((await findLinkByToken(t.db, othersLink.token))!)).toBe('open');
		await useResetLink(t.db, second.token, 'granite willow ferry lamp');
	});
});

describe('first admin', () => {
	it('issues a setup link only while there is no admin, and it works once', async () => {
		const first = await issueSetupLink(t.db);
		const second = await issueSetupLink(t.db);
		expect(first && second).toBeTruthy();
		// A new link replaces the old one.
		await expect(
			completeSetup(t.db, first!, {
				email: 'boss@x.example',
				name: 'Boss',
				password: 'sturdy maple river cloud',
			}),
		).rejects.toThrow(/No such/);
		const admin = await completeSetup(t.db, second!, {
			email: 'boss@x.example',
			name: 'Boss',
			password: 'sturdy maple river cloud',
		});
		expect(admin.role).toBe('admin');
		expect(await issueSetupLink(t.db)).toBeNull();
		await expect(
			completeSetup(t.db, second!, {
				email: 'x@x.example',
				name: 'X',
				password: 'sturdy maple river cloud',
			}),
		).rejects.toThrow(/No such/);
	});
});
