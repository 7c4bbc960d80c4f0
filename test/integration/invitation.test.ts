import { describe, expect, it } from 'vitest';
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
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser, testPassword } from '../helpers/factories';

const t = useTestDb();

const welcome = {
	name: 'Mara Santos',
	administration: 'Aldoria Customs',
	password: 'violet harbour engine tulip',
};

/** An invitation into a cohort; participants come with their administration. */
const inviteTo = (
	admin: { id: string },
	cohortId: string,
	role: 'participant' | 'mentor',
	email: string,
	name: string,
	administrationId?: string,
) => createInvitation(t.db, admin.id, { email, name, role, cohortId, administrationId });

describe('invitations', () => {
	it('creates an account and cohort membership once, and the link is then used', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { cohort } = await makeCohort(t.db, admin, 0);
		const { token, invitation } = await inviteTo(
			admin,
			cohort.id,
			'participant',
			'Mara@Customs.Example',
			'Mara',
			'wco-ap-japan',
		);
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
		const revoked = await inviteTo(admin, cohort.id, 'mentor', 'b@x.example', 'B');
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
		const { token } = await inviteTo(
			admin,
			cohort.id,
			'participant',
			'c@x.example',
			'C',
			'wco-ap-fiji',
		);
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
		await inviteTo(admin, cohort.id, 'participant', 'four@x.example', 'Four', 'wco-ap-samoa');
		await expect(
			inviteTo(admin, cohort.id, 'participant', 'five@x.example', 'Five', 'wco-ap-tonga'),
		).rejects.toThrow(/4 participants or open invitations/);
		// Mentors are not limited.
		await expect(inviteTo(admin, cohort.id, 'mentor', 'm@x.example', 'M')).resolves.toBeTruthy();
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
		const old = await inviteTo(
			admin,
			cohort.id,
			'participant',
			'old@x.example',
			'Old',
			'wco-ap-japan',
		);
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
		await expect(inviteTo(admin, cohort.id, 'mentor', existing!.email, 'X')).rejects.toMatchObject({
			field: 'email',
		});
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
		const setUp = (link: string, email: string, name: string) =>
			completeSetup(t.db, link, { email, name, password: 'sturdy maple river cloud' });
		const first = await issueSetupLink(t.db);
		const second = await issueSetupLink(t.db);
		expect(first && second).toBeTruthy();
		// A new link replaces the old one.
		await expect(setUp(first!, 'boss@x.example', 'Boss')).rejects.toThrow(/No such/);
		const admin = await setUp(second!, 'boss@x.example', 'Boss');
		expect(admin.role).toBe('admin');
		expect(await issueSetupLink(t.db)).toBeNull();
		await expect(setUp(second!, 'x@x.example', 'X')).rejects.toThrow(/No such/);
	});
});
