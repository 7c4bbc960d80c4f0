/**
 * The charter's other parties: what the WCO Secretariat and a home administration's contact may
 * read and do; delivery of the final report to the three recipients with acknowledgements and
 * the link for a recipient without an account; correction requests within the window; and the
 * three-party agreement on study activities.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	cohortMemberTable,
	logEntryTable,
	notificationTable,
	reportDeliveryTable,
	studyActivityTable,
	userTable,
} from '~db/schema';
import type { SessionUser } from '~/lib/server/auth/session';
import {
	findOverseenParticipant,
	listOverseenEntries,
	listOverseenOfficers,
} from '~/lib/server/oversight/access';
import { loadOfficerView, overseenReportPack } from '~/lib/server/oversight/officer-view';
import { findVisibleParticipant } from '~/lib/server/access';
import { getReportForViewer, saveSection } from '~/lib/server/report/working-copy';
import { markOutlinePresented } from '~/lib/server/report/outline';
import { submitVersion } from '~/lib/server/report/submit-version';
import { acceptVersion, returnForCorrections } from '~/lib/server/report/decide-version';
import { findStudyForViewer } from '~/lib/server/study/plan';
import { addStudyComment } from '~/lib/server/study/comment';
import { findEntryForViewer } from '~/lib/server/logbook/entry';
import { decideEntry } from '~/lib/server/review/decide';
import { loadReportView } from '~/lib/server/report/view';
import { exportMarkdown } from '~/lib/server/report/export-markdown';
import {
	acknowledgeByLink,
	acknowledgeDelivery,
	deliveredOnTime,
	deliveryVisitMs,
	issueDeliveryLink,
	listDeliveries,
	openDeliveryLink,
} from '~/lib/server/oversight/delivery';
import {
	activitiesByAgreement,
	agreementState,
	answerActivity,
	listAgreements,
} from '~/lib/server/study/agreement';
import { addActivity, updateActivity } from '~/lib/server/study/activity';
import { createInvitation, acceptInvitation } from '~/lib/server/auth/invitation';
import { useTestDb } from '../helpers/db';
import { factoryMoments } from '../helpers/cohort-dates';
import { makeCohort, makeHome, makeUser, testPassword } from '../helpers/factories';

const t = useTestDb();

/** The smallest correction request: one point on section 1, no note. */
const oneCorrection = { corrections: [{ position: 1, what: 'x' }], note: '' };

// The factory cohort: departure 2026-12-26, report due 2027-01-09, corrections until 2027-01-26.
const { dayAfterDeparture: submittedOn, afterCorrections: afterWindow } = factoryMoments;

async function setup(withHome = true) {
	const admin = await makeUser(t.db, 'admin', 'Aiko Admin');
	const { cohort, mentor, participants } = await makeCohort(t.db, admin, 2);
	const [p1, p2] = participants as [SessionUser, SessionUser];
	const secretariat = await makeUser(t.db, 'secretariat', 'Claire Secretariat');
	const home1 = withHome ? await makeHome(t.db, p1.id, 'Home One') : null;
	const home2 = await makeHome(t.db, p2.id, 'Home Two');
	return { admin, cohort, mentor, p1, p2, secretariat, home1: home1!, home2 };
}

/** Writes the participant's evaluation, presents the outline; the report is ready to submit. */
async function readyReport(p: SessionUser, evaluation = 'Candid evaluation text') {
	const view = (await getReportForViewer(t.db, p, p.id))!;
	const evalSection = view.sections.find((s) => s.kind === 'evaluation')!;
	await saveSection(t.db, p, evalSection.id, 1, { outline: evaluation, notes: '' });
	await markOutlinePresented(t.db, p, p.id, '2026-12-24');
}

async function entry(
	participantId: string,
	id: string,
	status: 'draft' | 'submitted' | 'approved',
	handling: 'restricted' | 'unrestricted',
) {
	await t.db.insert(logEntryTable).values({
		id,
		participantId,
		date: '2026-12-08',
		area: 3,
		activity: 'trend-analysis',
		title: `Title ${id}`,
		minutes: 60,
		summary: `Summary ${id}`,
		handling,
		status,
		updatedAt: new Date(),
	});
}

const notes = (userId: string) =>
	t.db.select().from(notificationTable).where(eq(notificationTable.userId, userId));

describe('who the Secretariat and a home contact may see', () => {
	it('the Secretariat sees every participant; a home contact only their own administration’s officer', async () => {
		const { p1, p2, secretariat, home1, mentor } = await setup();
		expect(await findOverseenParticipant(t.db, secretariat, p1.id)).not.toBeNull();
		expect(await findOverseenParticipant(t.db, secretariat, p2.id)).not.toBeNull();
		expect(await findOverseenParticipant(t.db, home1, p1.id)).not.toBeNull();
		expect(await findOverseenParticipant(t.db, home1, p2.id)).toBeNull();
		// Only participants are officers: a mentor's id is nobody to oversee.
		expect(await findOverseenParticipant(t.db, secretariat, mentor.id)).toBeNull();
		expect(await findOverseenParticipant(t.db, home1, 'nosuchperson')).toBeNull();
	});

	it('another administration’s officer is a 404 everywhere a home contact could look', async () => {
		const { p2, home1 } = await setup();
		expect(await loadOfficerView(t.db, home1, p2.id)).toBeNull();
		expect(await getReportForViewer(t.db, home1, p2.id)).toBeNull();
		expect(await loadReportView(t.db, home1, p2.id)).toBeNull();
		expect(await findStudyForViewer(t.db, home1, p2.id)).toBeNull();
		expect(await exportMarkdown(t.db, home1, p2.id, 'full')).toBeNull();
		const officers = await listOverseenOfficers(t.db, home1);
		expect(officers.map((o) => o.id)).not.toContain(p2.id);
	});

	it('a home contact without an administration sees nobody', async () => {
		const { p1 } = await setup();
		const orphan = await makeUser(t.db, 'home', 'No administration');
		expect(await findOverseenParticipant(t.db, orphan, p1.id)).toBeNull();
		expect(await listOverseenOfficers(t.db, orphan)).toEqual([]);
	});

	it('neither role reaches working records through the programme’s own access rules', async () => {
		const { p1, secretariat, home1 } = await setup();
		await entry(p1.id, 'e-draft', 'draft', 'unrestricted');
		for (const viewer of [secretariat, home1]) {
			expect(await findVisibleParticipant(t.db, viewer, p1.id)).toBeNull();
			// The working copy of the report, the study page with its mentor comments, drafts: 404.
			expect(await getReportForViewer(t.db, viewer, p1.id)).toBeNull();
			expect(await findStudyForViewer(t.db, viewer, p1.id)).toBeNull();
			expect(await findEntryForViewer(t.db, viewer, 'e-draft')).toBeNull();
		}
	});

	it('the landing page lists every officer for the Secretariat and one for the home contact', async () => {
		const { p1, p2, secretariat, home1 } = await setup();
		const all = await listOverseenOfficers(t.db, secretariat);
		expect(all.map((o) => o.id).sort()).toEqual([p1.id, p2.id].sort());
		const mine = await listOverseenOfficers(t.db, home1);
		expect(mine.map((o) => o.id)).toEqual([p1.id]);
	});

	it('logbook: approved entries only; restricted ones exist without text for the Secretariat and not at all for home', async () => {
		const { p1, secretariat, home1 } = await setup();
		await entry(p1.id, 'e-open', 'approved', 'unrestricted');
		await entry(p1.id, 'e-secret', 'approved', 'restricted');
		await entry(p1.id, 'e-draft', 'draft', 'unrestricted');
		await entry(p1.id, 'e-waiting', 'submitted', 'unrestricted');
		const bySecretariat = await listOverseenEntries(t.db, secretariat, p1.id);
		expect(bySecretariat.map((e) => e.id).sort()).toEqual(['e-open', 'e-secret']);
		const restricted = bySecretariat.find((e) => e.id === 'e-secret')!;
		expect(restricted).toMatchObject({ handling: 'restricted', title: null, summary: null });
		expect(JSON.stringify(bySecretariat)).not.toContain('Summary e-secret');
		const byHome = await listOverseenEntries(t.db, home1, p1.id);
		expect(byHome.map((e) => e.id)).toEqual(['e-open']);
		expect(byHome[0]!.summary).toBe('Summary e-open');
	});

	it('the evaluation section is withheld before submission and delivered with the version', async () => {
		const { p1, home1, secretariat } = await setup();
		await readyReport(p1, 'Candid evaluation text');
		for (const viewer of [home1, secretariat]) {
			const before = (await loadOfficerView(t.db, viewer, p1.id))!;
			expect(before.versions).toEqual([]);
			expect(JSON.stringify(before)).not.toContain('Candid evaluation text');
		}
		await submitVersion(t.db, p1, submittedOn);
		const after = (await loadOfficerView(t.db, home1, p1.id))!;
		expect(after.versions).toHaveLength(1);
	});

	it('neither role may write participant content, review, decide or comment', async () => {
		const { p1, secretariat, home1 } = await setup();
		await entry(p1.id, 'e-waiting', 'submitted', 'unrestricted');
		await readyReport(p1);
		const view = (await getReportForViewer(t.db, p1, p1.id))!;
		for (const viewer of [secretariat, home1]) {
			await expect(
				saveSection(t.db, viewer, view.sections[0]!.id, 2, { outline: 'x', notes: '' }),
			).rejects.toMatchObject({ code: 'forbidden' });
			await expect(decideEntry(t.db, viewer, 'e-waiting', 'approved', '')).rejects.toMatchObject({
				code: 'forbidden',
			});
			await expect(addStudyComment(t.db, viewer, p1.id, 'plan', 'hi')).rejects.toMatchObject({
				code: 'not_found',
			});
		}
		await submitVersion(t.db, p1, submittedOn);
		await expect(acceptVersion(t.db, secretariat, p1.id, submittedOn)).rejects.toMatchObject({
			code: 'forbidden',
		});
		await expect(
			returnForCorrections(t.db, home1, p1.id, oneCorrection, submittedOn),
		).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('an admin invites a home contact into an administration and a Secretariat member into no cohort', async () => {
		const { admin, p1, home1 } = await setup();
		const [m] = await t.db
			.select({ administrationId: cohortMemberTable.administrationId })
			.from(cohortMemberTable)
			.where(eq(cohortMemberTable.userId, p1.id));
		await expect(
			createInvitation(t.db, admin.id, {
				email: 'nohome@x.test',
				name: 'No Admin',
				role: 'home',
				cohortId: null,
				administrationId: null,
			}),
		).rejects.toMatchObject({ field: 'administrationId' });
		const { token } = await createInvitation(t.db, admin.id, {
			email: 'second@home.test',
			name: 'Second Home',
			role: 'home',
			cohortId: null,
			administrationId: m!.administrationId,
		});
		const user = await acceptInvitation(t.db, token, {
			name: 'Second Home',
			administration: '',
			password: testPassword,
		});
		expect(user).toMatchObject({ role: 'home', administrationId: m!.administrationId });
		const asSession = { ...user, role: 'home' as const };
		expect(await findOverseenParticipant(t.db, asSession, p1.id)).not.toBeNull();
		expect(home1.role).toBe('home');
		const sec = await createInvitation(t.db, admin.id, {
			email: 'sec@wco.test',
			name: 'Sec Two',
			role: 'secretariat',
			cohortId: null,
		});
		expect(sec.invitation).toMatchObject({ role: 'secretariat', cohortId: null });
	});
});

describe('delivering the final report', () => {
	it('submitting delivers the version to the three recipients, each notified', async () => {
		const { p1, mentor, admin, secretariat, home1, home2 } = await setup();
		await readyReport(p1);
		const v1 = await submitVersion(t.db, p1, submittedOn);
		const rows = await listDeliveries(t.db, [v1.id]);
		expect(rows.map((d) => d.recipient)).toEqual([
			'rilo_ap',
			'wco_secretariat',
			'home_administration',
		]);
		expect(rows.every((d) => d.deliveredAt?.getTime() === submittedOn.getTime())).toBe(true);
		for (const who of [mentor, admin, secretariat, home1])
			expect((await notes(who.id)).map((n) => n.text).join()).toContain('version 1');
		// The other administration's contact hears nothing of it.
		expect(await notes(home2.id)).toEqual([]);
		// Notification texts carry no report text.
		for (const n of await notes(home1.id)) expect(n.text).not.toContain('Candid');
	});

	it('the Secretariat and the officer’s home contact download a submitted version, nobody else', async () => {
		const { p1, p2, mentor, secretariat, home1, home2 } = await setup();
		expect(await overseenReportPack(t.db, secretariat, p1.id)).toBeNull();
		await readyReport(p1);
		await submitVersion(t.db, p1, submittedOn);
		for (const who of [secretariat, home1]) {
			const pack = (await overseenReportPack(t.db, who, p1.id))!;
			expect(pack.meta.version?.number).toBe(1);
			expect(pack.fileName).toMatch(/\.docx$/);
			expect(pack.docx.sections.map((s) => s.markdown).join()).toContain('Candid evaluation text');
			expect(await overseenReportPack(t.db, who, p1.id, 2)).toBeNull();
		}
		// Another administration, the programme's own roles, the participant, unknown ids: nothing.
		expect(await overseenReportPack(t.db, home2, p1.id)).toBeNull();
		expect(await overseenReportPack(t.db, mentor, p1.id)).toBeNull();
		expect(await overseenReportPack(t.db, p1, p1.id)).toBeNull();
		expect(await overseenReportPack(t.db, secretariat, p2.id)).toBeNull();
		expect(await overseenReportPack(t.db, secretariat, 'nosuch')).toBeNull();
	});

	it('each recipient acknowledges once; others are refused', async () => {
		const { p1, mentor, secretariat, home1, home2 } = await setup();
		await readyReport(p1);
		const v1 = await submitVersion(t.db, p1, submittedOn);
		const later = new Date('2026-12-28T03:00:00Z');
		await acknowledgeDelivery(t.db, home1, v1.id, later);
		await acknowledgeDelivery(t.db, secretariat, v1.id, later);
		await expect(acknowledgeDelivery(t.db, home1, v1.id)).rejects.toMatchObject({
			code: 'conflict',
		});
		await expect(acknowledgeDelivery(t.db, home2, v1.id)).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(acknowledgeDelivery(t.db, p1, v1.id)).rejects.toMatchObject({
			code: 'forbidden',
		});
		const rows = await listDeliveries(t.db, [v1.id]);
		const by = Object.fromEntries(rows.map((d) => [d.recipient, d]));
		expect(by.home_administration!.acknowledgedByName).toBe('Home One');
		expect(by.wco_secretariat!.acknowledgedAt?.getTime()).toBe(later.getTime());
		expect(by.rilo_ap!.acknowledgedAt).toBeNull();
		await acknowledgeDelivery(t.db, mentor, v1.id, later);
		expect((await notes(p1.id)).filter((n) => n.text.includes('acknowledged'))).toHaveLength(3);
	});

	it('the charter clock: on time up to two weeks after departure, late after', () => {
		const cohort = { reportDueDate: '2027-01-09', timezone: 'Asia/Tokyo' };
		expect(deliveredOnTime(cohort, new Date('2027-01-09T14:00:00Z'))).toBe(true);
		expect(deliveredOnTime(cohort, new Date('2027-01-09T15:30:00Z'))).toBe(false);
		expect(deliveredOnTime(cohort, null)).toBeNull();
	});

	it('an administration without a contact: pending, admins told, then a single-use expiring link', async () => {
		const { p1, admin, mentor } = await setup(false);
		await readyReport(p1);
		const v1 = await submitVersion(t.db, p1, submittedOn);
		const home = (await listDeliveries(t.db, [v1.id])).find(
			(d) => d.recipient === 'home_administration',
		)!;
		expect(home.deliveredAt).toBeNull();
		expect((await notes(admin.id)).map((n) => n.text).join()).toContain('could not be delivered');
		await expect(
			issueDeliveryLink(t.db, mentor, home.id, 'ncp@aldoria.test'),
		).rejects.toMatchObject({ code: 'forbidden' });
		const riloAp = (await listDeliveries(t.db, [v1.id])).find((d) => d.recipient === 'rilo_ap')!;
		await expect(issueDeliveryLink(t.db, admin, riloAp.id, 'x@y.test')).rejects.toMatchObject({
			code: 'conflict',
		});
		const now = new Date('2026-12-28T03:00:00Z');
		const { token } = await issueDeliveryLink(t.db, admin, home.id, 'NCP@aldoria.test', now);
		const [stored] = await t.db
			.select()
			.from(reportDeliveryTable)
			.where(eq(reportDeliveryTable.id, home.id));
		expect(stored!.linkTokenHash).not.toContain(token);
		expect(stored!.linkEmail).toBe('ncp@aldoria.test');
		expect(await openDeliveryLink(t.db, 'not-a-real-token-aaaaaaaaaaaa', now)).toBeNull();
		const opened = await openDeliveryLink(t.db, token, now);
		expect(opened).toMatchObject({ state: 'open' });
		await acknowledgeByLink(t.db, token, new Date(now.getTime() + 60_000));
		const after = (await listDeliveries(t.db, [v1.id])).find(
			(d) => d.recipient === 'home_administration',
		)!;
		expect(after.deliveredAt?.getTime()).toBe(now.getTime());
		expect(after.acknowledgedAt).not.toBeNull();
		// After the one visit, the link no longer works.
		const late = new Date(now.getTime() + deliveryVisitMs + 1000);
		expect(await openDeliveryLink(t.db, token, late)).toEqual({ state: 'used' });
		await expect(acknowledgeByLink(t.db, token, late)).rejects.toMatchObject({
			code: 'conflict',
		});
	});

	it('an unopened link expires', async () => {
		const { p1, admin } = await setup(false);
		await readyReport(p1);
		const v1 = await submitVersion(t.db, p1, submittedOn);
		const home = (await listDeliveries(t.db, [v1.id])).find(
			(d) => d.recipient === 'home_administration',
		)!;
		const { token } = await issueDeliveryLink(t.db, admin, home.id, 'ncp@x.test', submittedOn);
		const muchLater = new Date(submittedOn.getTime() + 15 * 86_400_000);
		expect(await openDeliveryLink(t.db, token, muchLater)).toEqual({ state: 'expired' });
	});
});

describe('correction requests', () => {
	it('the Secretariat requests corrections within the window; the corrected version is delivered again to all three', async () => {
		const { p1, secretariat, home1 } = await setup();
		await readyReport(p1);
		await submitVersion(t.db, p1, submittedOn);
		await returnForCorrections(
			t.db,
			secretariat,
			p1.id,
			{
				corrections: [{ position: 3, what: 'Add a time frame, for the home administration.' }],
				note: '',
			},
			new Date('2027-01-10T03:00:00Z'),
		);
		const v2 = await submitVersion(t.db, p1, new Date('2027-01-12T03:00:00Z'));
		expect(v2.number).toBe(2);
		const rows = await listDeliveries(t.db, [v2.id]);
		expect(rows).toHaveLength(3);
		expect(rows.every((d) => d.deliveredAt)).toBe(true);
		expect((await notes(home1.id)).map((n) => n.text).join()).toContain('version 2');
	});

	it('after the window (one month after the programme), a request is refused with the date', async () => {
		const { p1, secretariat, mentor } = await setup();
		await readyReport(p1);
		await submitVersion(t.db, p1, submittedOn);
		for (const who of [secretariat, mentor])
			await expect(
				returnForCorrections(t.db, who, p1.id, oneCorrection, afterWindow),
			).rejects.toThrow(/corrections window closed on .*2027/);
	});

	it('the Secretariat must name at least one section', async () => {
		const { p1, secretariat } = await setup();
		await readyReport(p1);
		await submitVersion(t.db, p1, submittedOn);
		await expect(
			returnForCorrections(
				t.db,
				secretariat,
				p1.id,
				{ corrections: [], note: 'vague' },
				submittedOn,
			),
		).rejects.toMatchObject({ field: 'correction' });
	});
});

describe('three-party agreement on activities', () => {
	async function withActivity() {
		const s = await setup();
		const activity = await addActivity(t.db, s.p1, {
			what: 'Joint alert on postal shipments',
			agreedOn: '2026-12-10',
			agreedBy: 'proposed',
			status: 'planned',
			outcome: '',
		});
		return { ...s, activity };
	}

	it('proposing counts as the proposer’s agreement and notifies the other two; all three agreeing makes it agreed', async () => {
		const { p1, mentor, home1, home2, activity } = await withActivity();
		expect((await notes(mentor.id)).length).toBe(1);
		expect((await notes(home1.id)).map((n) => n.link).join()).toContain(`/oversight/${p1.id}`);
		expect(await notes(home2.id)).toEqual([]);
		// The participant proposed it: their agreement is recorded, they are not asked for it.
		const proposed = await listAgreements(t.db, [activity.id]);
		expect(proposed.map((r) => [r.party, r.decision, r.userId])).toEqual([
			['participant', 'agreed', p1.id],
		]);
		expect(await notes(p1.id)).toEqual([]);
		const split = activitiesByAgreement([activity], proposed);
		expect(split).toEqual({ agreed: [], proposed: [{ activity, state: 'pending' }] });
		await answerActivity(t.db, mentor, activity.id, { decision: 'agreed', comment: '' });
		expect(agreementState(await listAgreements(t.db, [activity.id]))).toBe('pending');
		await answerActivity(t.db, home1, activity.id, { decision: 'agreed', comment: '' });
		const rows = await listAgreements(t.db, [activity.id]);
		expect(agreementState(rows)).toBe('agreed');
		expect(rows.map((r) => r.name).sort()).toEqual([home1.name, mentor.name, p1.name].sort());
		expect(activitiesByAgreement([activity], rows)).toEqual({ agreed: [activity], proposed: [] });
	});

	it('asking for a change needs a comment and shows as change requested', async () => {
		const { home1, activity } = await withActivity();
		await expect(
			answerActivity(t.db, home1, activity.id, { decision: 'change', comment: '  ' }),
		).rejects.toMatchObject({ field: 'comment' });
		await answerActivity(t.db, home1, activity.id, {
			decision: 'change',
			comment: 'Postal only, please.',
		});
		const rows = await listAgreements(t.db, [activity.id]);
		expect(agreementState(rows)).toBe('change_requested');
		expect(rows[0]).toMatchObject({ party: 'home', comment: 'Postal only, please.' });
	});

	it('only the three parties answer: the Secretariat and admins are refused, others get 404', async () => {
		const { admin, secretariat, home2, activity } = await withActivity();
		for (const who of [secretariat, admin])
			await expect(
				answerActivity(t.db, who, activity.id, { decision: 'agreed', comment: '' }),
			).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			answerActivity(t.db, home2, activity.id, { decision: 'agreed', comment: '' }),
		).rejects.toMatchObject({ code: 'not_found' });
		const stranger = await makeUser(t.db, 'mentor');
		await expect(
			answerActivity(t.db, stranger, activity.id, { decision: 'agreed', comment: '' }),
		).rejects.toMatchObject({ code: 'not_found' });
	});

	it('changing what was agreed resets the others’ agreement and asks them again; status alone does not', async () => {
		const { p1, mentor, home1, activity } = await withActivity();
		for (const who of [p1, mentor, home1])
			await answerActivity(t.db, who, activity.id, { decision: 'agreed', comment: '' });
		await updateActivity(t.db, p1, activity.id, { status: 'in_progress', outcome: '' });
		expect(agreementState(await listAgreements(t.db, [activity.id]))).toBe('agreed');
		const before = (await notes(home1.id)).length;
		await updateActivity(t.db, p1, activity.id, {
			status: 'in_progress',
			outcome: '',
			what: 'Joint alert on postal and courier shipments',
		});
		// Rewording it is the participant's agreement to the new wording; the others are asked again.
		const after = await listAgreements(t.db, [activity.id]);
		expect(after.map((r) => [r.party, r.decision])).toEqual([['participant', 'agreed']]);
		expect(agreementState(after)).toBe('pending');
		const [row] = await t.db
			.select()
			.from(studyActivityTable)
			.where(eq(studyActivityTable.id, activity.id));
		expect(row!.what).toBe('Joint alert on postal and courier shipments');
		expect((await notes(home1.id)).length).toBe(before + 1);
		expect((await notes(home1.id)).at(-1)?.text ?? '').toMatch(/reset/);
	});

	it('a home contact’s account points at its administration', async () => {
		const { home1 } = await setup();
		const [row] = await t.db
			.select()
			.from(userTable)
			.where(and(eq(userTable.id, home1.id), eq(userTable.role, 'home')));
		expect(row!.administrationId).toBeTruthy();
	});
});
