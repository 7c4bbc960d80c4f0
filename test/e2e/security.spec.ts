/**
 * The access matrix and request forgery, over every real route and action (read from the
 * source tree): signed out, as another participant, and cross-origin. Records must stay unchanged.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
	cenActionAttempts,
	cenIds,
	cenRouteExpectations,
	cenRouteId,
	listActions,
	listRoutes,
} from './inventory';
import {
	cohort2027Days,
	demo,
	insertStudyRecords,
	queryServerDb,
	signIn,
	sqlOnServerDb,
} from './fixtures';

const publicRoutes = new Set([
	'/',
	'/403',
	'/404',
	'/500',
	'/login',
	'/logout',
	// The second step of signing in: without a session waiting for it, it sends you to /login.
	'/login/second-factor',
	// How to report a vulnerability (RFC 9116).
	'/.well-known/security.txt',
	'/healthz',
	'/curriculum',
	'/curriculum/[id]',
	'/curriculum/glossary',
	'/search',
	// The signed-in version of a static page: signed out it sends you to the static page.
	'/signed-in/[...path]',
	// Anyone may try a knowledge check or a course test; only participants' attempts are recorded.
	'/curriculum/[id]/check',
	'/curriculum/pre-test',
	'/curriculum/post-test',
	// Handouts and job aids are for participants and print; they hold only course content.
	'/curriculum/[id]/handout',
	'/curriculum/job-aids',
	'/curriculum/job-aids/[aid]',
	// The call for applications is public (issue 15).
	'/apply',
	'/apply/[edition]',
	// The form that checks a letter's or certificate's code (issue 15).
	'/verify',
]);
/** Pages that exist only with a valid one-time token: without one they are 404. */
const tokenRoutes = new Set([
	'/setup',
	'/invitation',
	'/reset',
	'/calendar/[token].ics',
	'/verify/[code]',
	'/delivery/[token]',
	'/delivery/[token]/report.docx',
	'/apply/verify',
	'/apply/application',
	'/apply/receipt',
	'/apply/offer',
	// The one-click email preference link: a signed token, no session.
	'/email-preferences/[token]',
]);
/** Pages that only receive a form from a static page; a plain visit is sent back to the curriculum. */
const formReceivers = new Set(['/progress/module']);

const p1 = 'demopart0001';
const ids = {
	entry: '',
	section: '',
	comment: 'secmatrixcomment1',
	studySource: 'secmatrixsrc1',
	milestone: 'secmatrixms1',
	paper: 'secmatrixpaper1',
	activity: 'secmatrixact1',
	cohort: 'democohort01',
};

function fill(pattern: string): string {
	return pattern
		.replace(
			'[id]',
			cenRouteId(pattern) ??
				(pattern.startsWith('/lab/interpretations/')
					? 'demolabint11'
					: pattern.startsWith('/logbook')
						? ids.entry
						: pattern.startsWith('/admin')
							? ids.cohort
							: 'alert-intelligence'),
		)
		.replace('[participantId]', p1)
		.replace('[edition]', '2026-2027')
		.replace('[rubric]', 'alert')
		.replace('[aid]', 'alert-template')
		.replace('[sectionId]', ids.section)
		.replace('[token]', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
		.replace('[code]', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
}

test.beforeAll(async () => {
	// Participant 1's report exists after their first visit (the tests below make it); entries come from the demo seed.
	ids.entry = (
		await queryServerDb<{ id: string }>(
			'select id from log_entry where participant_id = ? order by id limit 1',
			[p1],
		)
	)[0]!.id;
	const now = Date.now();
	await sqlOnServerDb(
		'insert or ignore into entry_comment (id, entry_id, author_id, body, created_at) values (?, ?, ?, ?, ?)',
		[ids.comment, ids.entry, p1, 'mine', now],
	);
	await insertStudyRecords(
		p1,
		{ source: ids.studySource, milestone: ids.milestone, paper: ids.paper, activity: ids.activity },
		{ title: 'Intro', position: 1 },
	);
});

test('every protected route sends a signed-out visitor to sign in (pages) or answers 401 (files)', async ({
	request,
}) => {
	for (const route of listRoutes()) {
		if (publicRoutes.has(route.pattern)) continue;
		const url = fill(route.pattern);
		const res = await request.get(url, { maxRedirects: 0 });
		if (tokenRoutes.has(route.pattern)) expect(res.status(), url).toBe(404);
		else if (formReceivers.has(route.pattern))
			expect(res.headers().location, url).toBe('/curriculum');
		else if (route.endpoint) expect(res.status(), url).toBe(401);
		else {
			expect(res.status(), url).toBe(302);
			expect(res.headers().location, url).toMatch(/^\/login\?next=/);
		}
	}
});

/** What participant 2 gets for each page of participant 1's records. */
const participantRoutes: Record<string, number | 'own'> = {
	'/logbook/[id]': 404,
	'/logbook/[id]/edit': 404,
	'/logbook/[id]/delete': 404,
	'/report/history/[sectionId]': 404,
	'/review/[participantId]': 404,
	'/report/[participantId]': 404,
	'/study/[participantId]': 404,
	'/admin/cohorts/[id]': 403,
	'/admin/applications/[id]': 403,
	'/admin/applications/[id]/letter': 403,
	'/admin/selection/[edition]': 403,
	'/admin/participants/[participantId]': 403,
	'/curriculum/[id]/facilitator': 404,
	'/oversight/[participantId]': 403,
	'/oversight/[participantId]/report': 403,
	'/oversight/[participantId]/report.docx': 403,
	// Participant 1's interpretation (db/seed-demo-lab.ts): its author, their mentors and admins only.
	'/lab/interpretations/[id]': 404,
	'/curriculum/facilitator/rubrics/[rubric]': 404,
	// The follow-up of participant 1's recommendations: theirs, their home contacts' and staff's.
	'/follow-up/[participantId]': 404,
	...cenRouteExpectations,
};

test('another participant’s records are 404, other roles’ pages 403', async ({ page }) => {
	await signIn(page, demo.participant1);
	await page.goto('/report'); // creates participant 1's report
	const [section] = await queryServerDb<{ id: string }>(
		"select id from report_section where participant_id = ? and kind = 'activities'",
		[p1],
	);
	ids.section = section!.id;
	await page.context().clearCookies();
	await signIn(page, demo.participant2);
	const dynamic = listRoutes().filter((r) => r.pattern.includes('['));
	for (const route of dynamic) {
		if (publicRoutes.has(route.pattern) || tokenRoutes.has(route.pattern)) continue;
		const expected = participantRoutes[route.pattern];
		expect(expected, `no expectation for ${route.pattern}: add one`).toBeDefined();
		const res = await page.request.get(fill(route.pattern), { maxRedirects: 0 });
		expect(res.status(), route.pattern).toBe(expected);
	}
});

/** Pages without an id that only the people who deliver the course may open: a participant gets 404. */
const staffOnlyCoursePages = [
	'/curriculum/facilitator',
	'/curriculum/facilitator/timetable',
	'/curriculum/facilitator/item-statistics',
];

test('the facilitator pages, item statistics included, are 404 for a participant and open for a mentor', async ({
	page,
}) => {
	for (const url of staffOnlyCoursePages)
		expect(
			listRoutes().some((r) => r.pattern === url),
			`${url} is a route`,
		).toBe(true);
	await signIn(page, demo.participant2);
	for (const url of staffOnlyCoursePages)
		expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
	// The CEN day's guided exercises: another participant's progress is a 404.
	expect(
		(await page.request.get(`/cen/exercises?participant=${p1}`, { maxRedirects: 0 })).status(),
	).toBe(404);
	await page.context().clearCookies();
	await signIn(page, demo.mentor);
	for (const url of staffOnlyCoursePages)
		expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(200);
});

/** A valid log entry form: what a hijack attempt would post. */
const entryFields = {
	date: '2026-12-01',
	area: '3',
	activity: 'trend-analysis',
	title: 'hijack',
	hours: '1',
	summary: 'x',
	handling: 'unrestricted',
};

type Attempt = { form: Record<string, string>; status: number } | 'own' | 'public';
/** Participant 2 calling each action on participant 1's records (or a role it lacks). */
function attempts(): Record<string, Attempt> {
	const e = ids.entry;
	const version = '1';
	const cohortForm = {
		edition: 'Hijack',
		timezone: 'Asia/Tokyo',
		...cohort2027Days,
	};
	return {
		'auth.accept': 'public',
		'auth.reset': 'public',
		'auth.setup': 'public',
		'auth.signIn': 'public',
		'auth.signOut': 'public',
		'call.nominate': 'public',
		'call.verify': 'public',
		'call.apply': 'public',
		'call.answerOffer': 'public',
		'edition.createNext': { form: { from: 'demoedition2027' }, status: 403 },
		'edition.extend': { form: { id: 'demoedition2027', deadline: '2030-01-01' }, status: 403 },
		// The programme office's review: forms the Secretariat (a reviewer) also meets harmlessly.
		'screening.override': {
			form: {
				applicationId: 'nosuchapplication',
				checkKey: 'degree',
				verdict: 'met',
				note: 'hijack',
			},
			status: 403,
		},
		'score.save': {
			form: {
				applicationId: 'nosuchapplication',
				...Object.fromEntries(
					[
						'experience',
						'academic',
						'personal',
						'motivation',
						'leadership',
						'management',
						'career',
					].map((k) => [k, '4']),
				),
			},
			status: 403,
		},
		'selection.record': {
			form: { editionId: 'demoedition2026', applicationIds: 'demoapp05', confirm: 'on' },
			status: 403,
		},
		'selection.reopen': { form: { editionId: 'nosuchedition', confirm: 'on' }, status: 403 },
		'selection.confirm': { form: { editionId: 'demoedition2026', confirm: 'on' }, status: 403 },
		'recusal.declare': {
			form: { applicationId: 'nosuchapplication', note: 'I know the candidate well.' },
			status: 403,
		},
		// Only an admin of the programme office assigns reviewers (the Secretariat too is refused).
		'assignment.add': {
			form: { applicationIds: 'demoapp2027b', reviewerId: 'demosecret01' },
			status: 403,
		},
		'assignment.remove': {
			form: { applicationId: 'demoapp2027b', reviewerId: 'demoadmin001' },
			status: 403,
		},
		'nominatingContact.add': {
			form: { administrationId: 'demo-adm-orvania', contact: 'attacker.example' },
			status: 403,
		},
		'nominatingContact.remove': {
			form: { administrationId: 'demo-adm-orvania', contact: 'administration.demo.test' },
			status: 403,
		},
		'selection.notify': { form: { editionId: 'demoedition2026' }, status: 403 },
		'selection.invite': {
			form: { applicationId: 'demoapp01', name: 'Hijack', email: 'x@y.test' },
			status: 403,
		},
		'selection.purge': { form: { confirm: 'on' }, status: 403 },
		'auth.signOutOthers': 'own',
		// Another person's session (any id that is not one's own) is not found; nothing ends.
		'auth.signOutSession': { form: { session: 'a'.repeat(64) }, status: 404 },
		// Needs a session waiting for the second factor: a signed-in person has none (401).
		'auth.verifySecondFactor': 'public',
		'auth.enrolTotp': 'own',
		'auth.removeTotp': 'own',
		'secondFactor.setRoles': { form: { roles: 'participant' }, status: 403 },
		'passkey.registrationOptions': 'own',
		'passkey.register': 'own',
		'passkey.remove': { form: { id: 'nosuchpasskey' }, status: 404 },
		// Both need a session waiting for the second factor: a signed-in person has none (401).
		'passkey.authenticationOptions': 'public',
		'passkey.verify': 'public',
		'secondFactor.reset': { form: { userId: p1 }, status: 403 },
		// A participant gives their own passport number for their own letter.
		'letter.savePassport': 'own',
		'auth.changePassword': 'own',
		'account.savePreferences': 'own',
		'account.setFromLink': 'public',
		'outbox.resend': { form: { id: 'nosuch' }, status: 403 },
		'checklist.set': 'own',
		'lab.submit': 'own',
		'lab.interpret': 'own',
		'lab.review': {
			form: { id: 'demolabint11', evidence: '3', alternatives: '3', limits: '3' },
			status: 403,
		},
		'logbook.create': 'own',
		'logbook.savePlan': 'own',
		'notifications.markRead': 'own',
		'progress.setComplete': 'own',
		'quiz.submit': 'own',
		'assessment.submit': 'own',
		'evaluation.save': 'own',
		'evaluation.copyToReport': 'own',
		'report.addSection': 'own',
		'report.calendarToken': 'own',
		'report.draftFromLog': 'own',
		'report.submit': 'own',
		'study.savePlan': 'own',
		'study.saveFindings': 'own',
		'study.addSource': 'own',
		'study.addMilestone': 'own',
		'study.addActivity': 'own',
		'study.addSection': 'own',
		'cohort.create': { form: cohortForm, status: 403 },
		'cohort.update': { form: { id: ids.cohort, ...cohortForm }, status: 403 },
		'cohort.archive': { form: { id: ids.cohort, archived: 'true' }, status: 403 },
		'invitation.create': {
			form: { email: 'x@y.test', name: 'Xx', role: 'participant' },
			status: 403,
		},
		'invitation.revoke': { form: { id: 'whatever' }, status: 403 },
		'administration.create': { form: { name: 'Hijack Customs' }, status: 403 },
		'administration.rename': { form: { id: 'wco-ap-japan', name: 'Hijack' }, status: 403 },
		'administration.setActive': { form: { id: 'wco-ap-japan', active: 'false' }, status: 403 },
		'invitation.reset': { form: { userId: p1 }, status: 403 },
		'logbook.update': { form: { id: e, version, ...entryFields }, status: 404 },
		'logbook.submit': { form: { id: e, version }, status: 404 },
		'logbook.delete': { form: { id: e, confirm: 'on' }, status: 404 },
		'comment.add': { form: { entryId: e, body: 'hi' }, status: 404 },
		'comment.resolve': { form: { commentId: ids.comment }, status: 404 },
		'review.decide': { form: { id: e, decision: 'approved' }, status: 403 },
		'review.reopen': { form: { id: e }, status: 403 },
		'review.undo': { form: { id: e }, status: 403 },
		'review.approveDay': { form: { participantId: p1, date: '2026-12-01' }, status: 403 },
		'review.confirmPlan': { form: { participantId: p1 }, status: 403 },
		'review.checkin': {
			form: { participantId: p1, kind: 'start', heldOn: '2026-12-01' },
			status: 403,
		},
		'report.saveSection': { form: { id: ids.section, version, outline: 'hijack' }, status: 404 },
		'report.renameSection': { form: { id: ids.section, title: 'hijack' }, status: 404 },
		'report.moveSection': { form: { id: ids.section, direction: 'down' }, status: 404 },
		'report.deleteSection': { form: { id: ids.section, confirm: 'on' }, status: 404 },
		'report.restore': { form: { id: ids.section, fromVersion: '1', version }, status: 404 },
		'report.comment': { form: { sectionId: ids.section, body: 'hi' }, status: 404 },
		'report.resolveComment': { form: { commentId: 'nosuchcomment' }, status: 404 },
		'report.presented': { form: { participantId: p1, day: '2026-12-01' }, status: 404 },
		'report.requestCorrections': {
			form: { participantId: p1, position: '1', correction: 'x' },
			status: 403,
		},
		'report.accept': { form: { participantId: p1, confirm: 'on' }, status: 403 },
		'report.insertMaterial': {
			form: { id: ids.section, material: cenIds.material },
			status: 404,
		},
		'study.updateSource': {
			form: { id: ids.studySource, citation: 'hijack', reliability: 'A' },
			status: 404,
		},
		'study.deleteSource': { form: { id: ids.studySource, confirm: 'on' }, status: 404 },
		'study.setMilestoneDone': { form: { id: ids.milestone, done: 'on' }, status: 404 },
		'study.deleteMilestone': { form: { id: ids.milestone }, status: 404 },
		'study.updateActivity': { form: { id: ids.activity, status: 'done' }, status: 404 },
		'study.renameSection': { form: { id: ids.paper, title: 'hijack' }, status: 404 },
		'study.saveSection': { form: { id: ids.paper, version, body: 'hijack' }, status: 404 },
		'study.moveSection': { form: { id: ids.paper, direction: 'down' }, status: 404 },
		'study.deleteSection': { form: { id: ids.paper, confirm: 'on' }, status: 404 },
		'study.comment': { form: { participantId: p1, part: 'plan', body: 'hi' }, status: 404 },
		'study.resolveComment': { form: { commentId: 'nosuchcomment' }, status: 404 },
		'study.answerActivity': {
			form: { id: ids.activity, decision: 'change', comment: 'hijack' },
			status: 404,
		},
		'followUp.save': {
			form: { participant: p1, round: '3', 'answer.1': 'adopted' },
			status: 404,
		},
		'delivery.acknowledge': { form: { versionId: 'demoversion-2-1' }, status: 403 },
		'delivery.sendLink': { form: { deliveryId: 'nosuch', email: 'x@y.test' }, status: 403 },
		'delivery.acknowledgeByLink': 'public',
		'letter.revoke': {
			form: { participantId: p1, code: 'ABCDE-FGHJK-MNPQR-STVWX', confirm: 'on' },
			status: 403,
		},
		'letter.issue': { form: { participantId: p1 }, status: 403 },
		'adminMatter.save': {
			form: { participantId: p1, visaStatus: 'not_needed', ticketItinerary: 'Hijack' },
			status: 403,
		},
		// Participant 2's programme has not ended: not an alumnus yet.
		'alumni.join': { form: { contact: 'hijack@x.test' }, status: 403 },
		'alumni.leave': 'own',
		...cenActionAttempts(),
	};
}

/** What an attack on participant 1 could change, read back as one string to compare. */
const snapshotQueries = [
	'select id, version, status, title from log_entry where participant_id = ? order by id',
	'select id, version, title, position from report_section where participant_id = ? order by id',
	'select status from report where participant_id = ?',
	'select id, citation from study_source where participant_id = ?',
	'select id, done_at from study_milestone where participant_id = ?',
	'select id, title, body, version from study_paper_section where participant_id = ?',
	'select id, status from study_activity where participant_id = ?',
	'select id, version, status, subject from cen_message where participant_id = ?',
	'select id, title, log_entry_id, study_part from material where participant_id = ?',
	'select activity_id, party, decision from activity_agreement where activity_id in (select id from study_activity where participant_id = ?) order by activity_id, party',
	"select d.id, d.acknowledged_at, d.link_token_hash from report_delivery d join report_version v on v.id = d.version_id where v.participant_id in (?, 'demopart0003', 'demopart0004') order by d.id",
	"select id, decision from report_version where participant_id in (?, 'demopart0003') order by id",
	'select count(*) n from entry_comment where entry_id in (select id from log_entry where participant_id = ?)',
	'select * from admin_matter where participant_id = ?',
	'select code, revoked_at from enrolment_letter where participant_id = ? order by code',
	'select user_id, contact from alumni_entry order by user_id',
];

async function snapshot() {
	const rows: unknown[] = [];
	for (const sql of snapshotQueries) rows.push(await queryServerDb(sql, [p1]));
	return JSON.stringify(rows);
}

async function post(
	request: APIRequestContext,
	action: string,
	form: Record<string, string>,
	origin: string,
) {
	return request.post(`/_actions/${action}`, { form, headers: { Origin: origin } });
}

/**
 * Participant 1 opens their report once (which creates its sections) so the attempts can aim at
 * a real section id; then the cookies go and `email` signs in to make them.
 */
async function signInAfterParticipant1(page: Page, email: string) {
	await signIn(page, demo.participant1);
	await page.goto('/report');
	ids.section = (
		await queryServerDb<{ id: string }>(
			"select id from report_section where participant_id = ? and kind = 'activities'",
			[p1],
		)
	)[0]!.id;
	await page.context().clearCookies();
	await signIn(page, email);
}

test('as another participant, every action on participant 1’s records is refused and changes nothing', async ({
	page,
	baseURL,
}) => {
	await signInAfterParticipant1(page, demo.participant2);
	const table = attempts();
	const before = await snapshot();
	for (const action of listActions()) {
		const attempt = table[action];
		expect(attempt, `no expectation for action ${action}: add one`).toBeDefined();
		if (typeof attempt === 'string') continue;
		const res = await post(page.request, action, attempt.form, baseURL!);
		expect(res.status(), `${action}: ${await res.text()}`).toBe(attempt.status);
	}
	expect(await snapshot()).toBe(before);
});

test('a cross-origin POST to every action is refused', async ({ page }) => {
	await signIn(page, demo.participant2);
	for (const action of listActions()) {
		const res = await post(page.request, action, { id: 'x' }, 'http://evil.example');
		expect(res.status(), action).toBe(403);
		const page404 = await page.request.post(`/logbook?_action=${action}`, {
			form: { id: 'x' },
			headers: { Origin: 'http://evil.example' },
		});
		expect(page404.status(), `${action} via page`).toBe(403);
	}
});

test('signed out, every action answers 401 or refuses the input', async ({ request, baseURL }) => {
	for (const action of listActions()) {
		const attempt = attempts()[action];
		if (attempt === 'public') continue;
		const form = typeof attempt === 'string' ? {} : attempt.form;
		const res = await post(request, action, form, baseURL!);
		// Input is validated before the handler runs, so an incomplete form may be a 400 first.
		expect([400, 401], `${action}: ${res.status()}`).toContain(res.status());
	}
});

/** Actions that take no input at all (nothing to be invalid). */
const noInput = new Set([
	'auth.signOut',
	'passkey.registrationOptions',
	'passkey.authenticationOptions',
	'auth.signOutOthers',
	'notifications.markRead',
	'report.draftFromLog',
	'report.calendarToken',
	'evaluation.copyToReport',
	'alumni.leave',
]);
/** Who may call an action, so an empty form reaches its validation. */
function callerOf(action: string): string {
	if (
		/^(cohort|invitation|administration|edition|screening|score|selection|letter|adminMatter|secondFactor|nominatingContact|recusal|assignment)\./.test(
			action,
		)
	)
		return demo.admin;
	if (/^review\.|^report\.(requestCorrections|accept)$|^cen\.reviewMessage$/.test(action))
		return demo.mentor;
	return demo.participant1;
}

test('an empty or malformed form to every action is a clear 400 and changes nothing', async ({
	browser,
	baseURL,
}) => {
	const before = await snapshot();
	const counts = async () =>
		JSON.stringify(
			await queryServerDb(
				'select (select count(*) from log_entry) a, (select count(*) from cohort) b, (select count(*) from invitation) c, (select count(*) from report_section) d, (select count(*) from study_source) e',
			),
		);
	const countsBefore = await counts();
	const contexts = new Map<string, Awaited<ReturnType<typeof browser.newContext>>>();
	for (const action of listActions()) {
		if (noInput.has(action)) continue;
		const who = callerOf(action);
		if (!contexts.has(who)) {
			const context = await browser.newContext();
			await signIn(await context.newPage(), who);
			contexts.set(who, context);
		}
		const res = await post(
			contexts.get(who)!.request,
			action,
			{ version: 'not-a-number', date: '2026-13-45' },
			baseURL!,
		);
		expect(res.status(), `${action}: ${await res.text()}`).toBe(400);
		const body = (await res.json()) as { type?: string; issues?: { message: string }[] };
		expect(body.issues?.[0]?.message.length, action).toBeGreaterThan(3);
	}
	for (const context of contexts.values()) await context.close();
	expect(await snapshot()).toBe(before);
	expect(await counts()).toBe(countsBefore);
});

// ── The WCO Secretariat and home administration contacts ─────────────────────────────────

type Overseer = 'secretariat' | 'home';
/**
 * What the Secretariat and a home contact of another administration (home2, on participant 1)
 * get on every protected route: only their own pages, their account and notifications; the
 * programme's working pages are 403, records reached through files are 404.
 */
const overseerRoutes: Record<string, Record<Overseer, number>> = {
	'/account': { secretariat: 200, home: 200 },
	'/account/second-factor': { secretariat: 200, home: 200 },
	'/notifications': { secretariat: 200, home: 200 },
	'/dashboard': { secretariat: 200, home: 200 },
	'/oversight': { secretariat: 200, home: 200 },
	'/oversight/[participantId]': { secretariat: 200, home: 404 },
	'/oversight/[participantId]/report': { secretariat: 200, home: 404 },
	// Participant 1 has submitted no version yet.
	'/oversight/[participantId]/report.docx': { secretariat: 404, home: 404 },
	// The synthetic seizure data set: no record of anyone.
	'/lab/data.csv': { secretariat: 200, home: 200 },
	'/lab/data.json': { secretariat: 200, home: 200 },
	// The synthetic alert log beside it: no record of anyone either.
	'/lab/alerts.csv': { secretariat: 200, home: 200 },
	'/materials/[id]/file': { secretariat: 404, home: 404 },
	'/report/export.docx': { secretariat: 404, home: 404 },
	'/report/export.md': { secretariat: 404, home: 404 },
	// Applications: the programme office (admins and the Secretariat) only; no such application here.
	'/admin/applications': { secretariat: 200, home: 403 },
	'/admin/applications/contacts': { secretariat: 200, home: 403 },
	// The export needs an edition: without one, there is nothing to export.
	'/admin/applications/export.csv': { secretariat: 404, home: 403 },
	'/admin/applications/[id]': { secretariat: 404, home: 403 },
	'/admin/applications/[id]/letter': { secretariat: 404, home: 403 },
	'/admin/selection/[edition]': { secretariat: 200, home: 403 },
	// Enrolment letter and admin matters: admins edit, the Secretariat reads (issue 15).
	'/admin/participants/[participantId]': { secretariat: 200, home: 403 },
	// The alumni directory: every signed-in member of the programme.
	'/alumni': { secretariat: 200, home: 200 },
	// The follow-up across editions (a home contact sees only their own officers); participant 1
	// has no accepted report, so there is no follow-up of theirs to open.
	'/follow-up': { secretariat: 200, home: 200 },
	'/follow-up/[participantId]': { secretariat: 404, home: 404 },
};
/** Every other protected route is a page or file of the programme's own roles: 403. */
const programmeOnly = 403;

for (const who of ['secretariat', 'home2'] as const) {
	const role: Overseer = who === 'secretariat' ? 'secretariat' : 'home';
	test(`as ${who}, every protected route answers as expected`, async ({ page }) => {
		await signIn(page, demo[who]);
		await expect(page).toHaveURL(/\/dashboard$/);
		ids.section ||= (
			await queryServerDb<{ id: string }>(
				"select id from report_section where participant_id = ? and kind = 'activities'",
				[p1],
			)
		)[0]!.id;
		const problems: string[] = [];
		for (const route of listRoutes()) {
			if (publicRoutes.has(route.pattern) || tokenRoutes.has(route.pattern)) continue;
			if (formReceivers.has(route.pattern)) continue;
			const expected = overseerRoutes[route.pattern]?.[role] ?? programmeOnly;
			const res = await page.request.get(fill(route.pattern), { maxRedirects: 0 });
			if (res.status() !== expected)
				problems.push(`${route.pattern}: ${res.status()} ≠ ${expected}`);
		}
		expect(problems).toEqual([]);
	});
}

test('a home contact reads their own officer, and only theirs, at every page that could show them', async ({
	page,
}) => {
	await signIn(page, demo.home1);
	for (const url of [`/oversight/${p1}`, `/oversight/${p1}/report`])
		expect((await page.request.get(url)).status(), url).toBe(200);
	for (const other of ['demopart0002', 'demopart0003', 'demopart0004', 'demomentor01', 'nosuch'])
		for (const url of [
			`/oversight/${other}`,
			`/oversight/${other}/report?version=1`,
			`/oversight/${other}/report.docx?version=1`,
		])
			expect((await page.request.get(url)).status(), url).toBe(404);
	const landing = await (await page.request.get('/oversight')).text();
	expect(landing).toContain('Mara Santos');
	for (const name of ['Tevita Lolo', 'Nguyen Thi Lan', 'Arjun Mehta'])
		expect(landing).not.toContain(name);
});

/** Valid forms for actions participant 2's table marks 'own', so the role check is what refuses them. */
function ownForms(): Record<string, { form: Record<string, string>; status: number }> {
	const forbidden = 403;
	return {
		'checklist.set': { form: { key: 'passport', done: 'true' }, status: forbidden },
		'letter.savePassport': { form: { passportNumber: 'HIJACK123' }, status: forbidden },
		'progress.setComplete': {
			form: { moduleId: 'alert-intelligence', complete: 'true' },
			status: forbidden,
		},
		'evaluation.copyToReport': { form: {}, status: forbidden },
		'report.addSection': { form: { title: 'Hijack section' }, status: forbidden },
		'report.calendarToken': { form: {}, status: forbidden },
		'report.draftFromLog': { form: {}, status: forbidden },
		'report.submit': { form: { confirm: 'on' }, status: forbidden },
		'study.savePlan': {
			form: { version: '1', title: 'Hijack', question: 'Hijack?' },
			status: forbidden,
		},
		'study.saveFindings': { form: { version: '1', findings: 'hijack' }, status: forbidden },
		'study.addSource': { form: { citation: 'Hijack', reliability: 'A' }, status: forbidden },
		'study.addMilestone': { form: { title: 'Hijack', dueDate: '2026-12-01' }, status: forbidden },
		'study.addActivity': {
			form: {
				what: 'Hijack',
				agreedOn: '2026-12-01',
				agreedBy: 'nobody',
				status: 'planned',
			},
			status: forbidden,
		},
		'study.addSection': { form: { title: 'Hijack' }, status: forbidden },
		'logbook.create': {
			form: entryFields,
			status: forbidden,
		},
	};
}
/** Own-account actions every signed-in person may call, and actions whose forms are checked before the role. */
const overseerSkip = new Set([
	'auth.accept',
	'auth.reset',
	'auth.setup',
	'auth.signIn',
	'auth.signOut',
	'auth.signOutOthers',
	'auth.changePassword',
	// One's own second factor, and the second step of signing in (no session waits for it here).
	'auth.verifySecondFactor',
	'auth.enrolTotp',
	'auth.removeTotp',
	'passkey.registrationOptions',
	'passkey.register',
	'passkey.authenticationOptions',
	'passkey.verify',
	'notifications.markRead',
	'account.savePreferences',
	'account.setFromLink',
	// Anyone may try these; only participants' answers are stored.
	'lab.submit',
	'quiz.submit',
	'assessment.submit',
	'delivery.acknowledgeByLink',
	// The public call: anyone may nominate, confirm by link and apply by link, signed in or not,
	// and a candidate offered a place answers by link.
	'call.nominate',
	'call.verify',
	'call.apply',
	'call.answerOffer',
	// Leaving the alumni directory removes one's own entry, if any.
	'alumni.leave',
]);
/** Participant-only actions with long forms: refused (input is checked before the role) either way. */
const refusedEitherWay = new Set([
	'logbook.savePlan',
	'evaluation.save',
	'cen.codeSeizure',
	'cen.draftMessage',
	'cen.saveSearch',
	'cen.upload',
	'cen.saveChart',
	'lab.interpret',
]);

/**
 * What an overseer gets for an action where it is not 403 (every write of the programme's own
 * roles is refused by role): records reached through the programme's rules are 404 (not theirs
 * to see), and the Secretariat's own actions meet the records' state (409).
 */
const overseerStatus: Record<string, Record<Overseer, number>> = {
	// Sessions and passkeys are one's own: another person's id is not found.
	'auth.signOutSession': { secretariat: 404, home: 404 },
	'passkey.remove': { secretariat: 404, home: 404 },
	'comment.add': { secretariat: 404, home: 404 },
	'comment.resolve': { secretariat: 404, home: 404 },
	'report.comment': { secretariat: 404, home: 404 },
	'report.resolveComment': { secretariat: 404, home: 404 },
	'report.presented': { secretariat: 404, home: 404 },
	'study.comment': { secretariat: 404, home: 404 },
	'study.resolveComment': { secretariat: 404, home: 404 },
	// A home contact of another administration: participant 1's activity does not exist for them.
	'study.answerActivity': { secretariat: 403, home: 404 },
	// The alumnus and their home contacts answer; the Secretariat reads. Not home2's officer.
	'followUp.save': { secretariat: 403, home: 404 },
	// Participant 1 has submitted nothing: no version waits for corrections.
	'report.requestCorrections': { secretariat: 409, home: 403 },
	// Participant 3's version 1: the Secretariat acknowledged it already; not home2's officer.
	'delivery.acknowledge': { secretariat: 409, home: 404 },
	// The Secretariat reviews applications: no such application; the demo's selection is recorded
	// and its notices sent; no selection to reopen. Invitations and the purge are admins' only.
	'screening.override': { secretariat: 404, home: 403 },
	'score.save': { secretariat: 404, home: 403 },
	'selection.record': { secretariat: 409, home: 403 },
	'selection.reopen': { secretariat: 409, home: 403 },
	'selection.notify': { secretariat: 409, home: 403 },
	'selection.confirm': { secretariat: 409, home: 403 },
	'recusal.declare': { secretariat: 404, home: 403 },
};

/** What each overseer gets for an action, with the form participant 2's table uses. */
function overseerAttempt(action: string, role: Overseer): Attempt {
	const own = ownForms()[action];
	if (own) return own;
	const base = attempts()[action]!;
	if (typeof base === 'string') return base;
	return { form: base.form, status: overseerStatus[action]?.[role] ?? 403 };
}

for (const who of ['secretariat', 'home2'] as const) {
	const role: Overseer = who === 'secretariat' ? 'secretariat' : 'home';
	test(`as ${who}, every action on participant 1’s records is refused and changes nothing`, async ({
		page,
		baseURL,
	}) => {
		await signInAfterParticipant1(page, demo[who]);
		const before = await snapshot();
		const problems: string[] = [];
		for (const action of listActions()) {
			if (overseerSkip.has(action)) continue;
			const attempt = overseerAttempt(action, role);
			if (typeof attempt === 'string') {
				expect(refusedEitherWay.has(action), `no overseer expectation for ${action}`).toBe(true);
				const res = await post(page.request, action, {}, baseURL!);
				if (![400, 403].includes(res.status())) problems.push(`${action}: ${res.status()}`);
				continue;
			}
			const res = await post(page.request, action, attempt.form, baseURL!);
			if (res.status() !== attempt.status)
				problems.push(`${action}: ${res.status()} ≠ ${attempt.status} ${await res.text()}`);
		}
		expect(problems).toEqual([]);
		expect(await snapshot()).toBe(before);
	});
}
