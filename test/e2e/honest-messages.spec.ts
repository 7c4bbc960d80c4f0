/**
 * Every refused action answers in words. Each action (read from the source tree, so a new one
 * without an expectation fails) is posted the way a browser without JavaScript posts it, with
 * input it must refuse, to the page its form lives on. The page must say why in a sentence at
 * the top (and beside the field when there is one), and show no raw validation output. The
 * page comes back with the person at the form: focus on the field (or on the message when no
 * field is to blame), in view, with the message right beside the field, without script.
 */
import { createHash } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { listActions } from './inventory';
import { demo, insertStudyRecords, queryServerDb, signIn, sqlOnServerDb } from './fixtures';
import { errorSentence } from '../../src/lib/action-error';

type Who = keyof typeof demo | 'nobody';
type BadPath = {
	as: Who;
	/** The page the action's form posts to. */
	page: () => string;
	form: () => Record<string, string>;
	/** The field the message belongs beside, when the form has one. */
	field?: string;
	/** When the page itself does not exist for this request: its 404 page must still be words. */
	notFound?: true;
};
/** Actions reached only from a script (island): their JSON error must still become a sentence. */
type IslandPath = { island: true; as: Who; form: () => Record<string, string> };

const p1 = 'demopart0001';
/** A candidate's link to a draft application in the open demo call, made for this test. */
const applyToken = 'honestapplicationtoken0001';
/** Study records of participant 1 made for this test (the demo's own are left alone). */
const study = { source: 'honestsrc1', paper: 'honestpaper1', activity: 'honestact1' };
const ids = {
	draft: '',
	submitted: '',
	approved: '',
	section: '',
	inviteToken: '',
	resetToken: '',
};

/** Raw validation output, JSON, or zod's English defaults. */
const raw =
	/Failed to validate|"path"|\[\s*\{|AstroAction|Too small|Too big|Invalid input|expected \w+, received|received (null|undefined)/;
/** A sentence: starts with a capital (or quote), has a few words, ends with a full stop. */
const sentence = /^[A-Z“"‘].*\S\s+\S+\s+\S.*[.!?)”]$/s;

/** Actions with nothing a person can get wrong (no input, or always allowed for the caller). */
const noBadPath: Record<string, string> = {
	'auth.signOut': 'signing out always works',
	'auth.signOutOthers': 'no input; always works for the signed-in person',
	'passkey.registrationOptions': 'no input; always works for the signed-in person',
	'passkey.authenticationOptions':
		'no input; needs a session waiting for the second factor (second-factor.spec.ts uses it)',
	'auth.verifySecondFactor':
		'needs a session waiting for the second factor; its wrong code is checked in second-factor.spec.ts',
	'notifications.markRead': 'no input; always works for the signed-in person',
	'report.calendarToken': 'no input; always works for the participant',
	'report.draftFromLog': 'no input; adds what the log has',
	'alumni.leave': 'no input; removes one’s own entry if there is one, and says which',
};

function badPaths(): Record<string, BadPath | IslandPath> {
	const cohort = '/admin/cohorts/democohort01';
	const entry = () => `/logbook/${ids.submitted}`;
	return {
		'auth.signIn': {
			as: 'nobody',
			page: () => '/login',
			form: () => ({ email: '' }),
			field: 'email',
		},
		'auth.accept': {
			as: 'nobody',
			page: () => `/invitation?token=${ids.inviteToken}`,
			form: () => ({ token: ids.inviteToken, name: 'Ann', password: 'short', confirm: 'short' }),
			field: 'password',
		},
		'auth.reset': {
			as: 'nobody',
			page: () => `/reset?token=${ids.resetToken}`,
			form: () => ({ token: ids.resetToken, password: 'short', confirm: 'short' }),
			field: 'password',
		},
		// With an admin present the setup page does not exist: a 404 page, still in words.
		'auth.setup': {
			as: 'nobody',
			page: () => '/setup?token=aaaaaaaaaaaaaaaaaaaaaaaa',
			form: () => ({ token: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: '' }),
			notFound: true,
		},
		'auth.changePassword': {
			as: 'participant2',
			page: () => '/account',
			form: () => ({ current: '' }),
		},
		'auth.signOutSession': {
			as: 'participant2',
			page: () => '/account',
			form: () => ({ session: 'a'.repeat(64) }),
		},
		'auth.enrolTotp': {
			as: 'participant2',
			page: () => '/account/second-factor',
			form: () => ({ key: 'AAAA', code: '12', password: '' }),
			field: 'password',
		},
		// Participant 2 has no app to remove: the sentence stands at the top of the page.
		'auth.removeTotp': {
			as: 'participant2',
			page: () => '/account/second-factor',
			form: () => ({ password: '' }),
		},
		'passkey.register': { island: true, as: 'participant2', form: () => ({}) },
		'passkey.verify': { island: true, as: 'nobody', form: () => ({ credentialId: 'x' }) },
		'passkey.remove': {
			as: 'participant2',
			page: () => '/account/second-factor',
			form: () => ({ id: 'nosuchpasskey' }),
		},
		'secondFactor.setRoles': {
			as: 'admin',
			page: () => '/admin',
			form: () => ({}),
		},
		'secondFactor.reset': {
			as: 'admin',
			page: () => '/admin',
			form: () => ({ userId: 'nosuchperson' }),
		},
		'checklist.set': {
			as: 'participant1',
			page: () => '/programme/checklist',
			form: () => ({ key: 'no-such-item', done: 'true' }),
		},
		'edition.createNext': {
			as: 'admin',
			page: () => '/admin/editions',
			form: () => ({ from: 'nosuchedition' }),
		},
		'edition.extend': {
			as: 'admin',
			page: () => '/admin/editions',
			form: () => ({ id: 'demoedition2027', deadline: '2020-01-01' }),
			field: 'deadline',
		},
		'call.nominate': {
			as: 'nobody',
			page: () => '/apply/2027-2028',
			form: () => ({ edition: '2027-2028', officerName: 'Ivo Renn', officerEmail: 'not-an-email' }),
			field: 'officerEmail',
		},
		// An unknown confirmation link: the page does not exist, and says so in words.
		'call.verify': {
			as: 'nobody',
			page: () => '/apply/verify?token=aaaaaaaaaaaaaaaaaaaaaaaa',
			form: () => ({ token: 'aaaaaaaaaaaaaaaaaaaaaaaa' }),
			notFound: true,
		},
		// An unknown offer link: the page does not exist, and says so in words.
		'call.answerOffer': {
			as: 'nobody',
			page: () => '/apply/offer?token=bbbbbbbbbbbbbbbbbbbbbbbb',
			form: () => ({ token: 'bbbbbbbbbbbbbbbbbbbbbbbb', answer: 'decline' }),
			notFound: true,
		},
		'call.apply': {
			as: 'nobody',
			page: () => `/apply/application?token=${applyToken}`,
			form: () => ({ token: applyToken, intent: 'save', yearsInCustoms: 'x' }),
			field: 'yearsInCustoms',
		},
		// The demo issued participant 2 a letter: revoking it without the tick is refused.
		'letter.revoke': {
			as: 'admin',
			page: () => '/admin/participants/demopart0002',
			form: () => ({ participantId: 'demopart0002', code: 'ABCDE-FGHJK-MNPQR-STVWX' }),
			field: 'confirm',
		},
		'letter.issue': {
			as: 'admin',
			page: () => '/admin/participants/demopart0002',
			form: () => ({ participantId: 'demopart0002' }),
		},
		'adminMatter.save': {
			as: 'admin',
			page: () => '/admin/participants/demopart0004',
			form: () => ({ participantId: 'demopart0004', visaStatus: 'obtained', visaObtainedOn: '' }),
			field: 'visaObtainedOn',
		},
		'alumni.join': {
			as: 'alumni3',
			page: () => '/alumni',
			form: () => ({ contact: 'x' }),
			field: 'contact',
		},
		'cohort.create': {
			as: 'admin',
			page: () => '/admin/cohorts/new',
			form: () => ({ edition: '' }),
			field: 'edition',
		},
		'cohort.update': {
			as: 'admin',
			page: () => cohort,
			form: () => ({ id: 'democohort01', edition: 'x' }),
			field: 'edition',
		},
		'cohort.archive': {
			as: 'admin',
			page: () => cohort,
			form: () => ({ id: 'democohort01', archived: 'maybe' }),
		},
		'invitation.create': {
			as: 'admin',
			page: () => '/admin',
			form: () => ({ email: 'not-an-email', name: '', role: 'participant' }),
			field: 'email',
		},
		'invitation.revoke': { as: 'admin', page: () => '/admin', form: () => ({ id: 'nosuchlink' }) },
		'invitation.reset': { as: 'admin', page: () => '/admin', form: () => ({ userId: '' }) },
		'lab.submit': {
			as: 'participant1',
			page: () => '/lab/exercises',
			form: () => ({ exerciseId: 'no-such-exercise', answer: '' }),
		},
		'lab.interpret': {
			as: 'participant1',
			page: () => '/lab/exercises',
			form: () => ({ exerciseId: 'interpret-linked-cluster', body: 'Too short to judge.' }),
			field: 'body',
		},
		'lab.review': {
			as: 'mentor',
			page: () => '/lab/interpretations/demolabint21',
			form: () => ({ id: 'demolabint21', evidence: '3', comment: 'Missing two levels.' }),
		},
		'logbook.create': {
			as: 'participant1',
			page: () => '/logbook/new',
			form: () => ({ title: 'ab', area: '2', activity: 'trend-analysis' }),
			field: 'summary',
		},
		'logbook.update': {
			as: 'participant1',
			page: () => `/logbook/${ids.draft}/edit`,
			form: () => ({ id: ids.draft, version: '1', title: '' }),
			field: 'title',
		},
		'logbook.submit': {
			as: 'participant1',
			page: () => `/logbook/${ids.draft}`,
			form: () => ({ id: ids.draft, version: 'x' }),
		},
		'logbook.delete': {
			as: 'participant1',
			page: () => `/logbook/${ids.draft}/delete`,
			form: () => ({ id: ids.draft }),
		},
		'logbook.savePlan': {
			as: 'participant1',
			page: () => '/logbook/plan',
			form: () => ({ hours1: 'lots' }),
			field: 'hours1',
		},
		'comment.add': {
			as: 'participant1',
			page: () => `/logbook/${ids.draft}`,
			form: () => ({ entryId: ids.draft, body: '' }),
			field: 'body',
		},
		'comment.resolve': {
			as: 'participant1',
			page: () => `/logbook/${ids.draft}`,
			form: () => ({ commentId: '' }),
		},
		'progress.setComplete': {
			as: 'participant1',
			page: () => '/progress/module',
			form: () => ({ moduleId: 'no-such-module', complete: 'true' }),
		},
		'quiz.submit': { island: true, as: 'participant1', form: () => ({ moduleId: '' }) },
		'review.decide': {
			as: 'mentor',
			page: () => '/review',
			form: () => ({ id: ids.submitted, decision: 'changes_requested', comment: '' }),
			field: 'comment',
		},
		'review.reopen': {
			as: 'mentor',
			page: () => `/logbook/${ids.approved}`,
			form: () => ({ id: '' }),
		},
		'review.undo': { as: 'mentor', page: entry, form: () => ({ id: ids.submitted }) },
		'review.approveDay': {
			as: 'mentor',
			page: () => '/review',
			form: () => ({ participantId: p1, date: 'someday' }),
		},
		'review.confirmPlan': {
			as: 'mentor',
			page: () => `/review/${p1}`,
			form: () => ({ participantId: '' }),
		},
		'review.checkin': {
			as: 'mentor',
			page: () => `/review/${p1}`,
			form: () => ({ participantId: p1, kind: 'mid', heldOn: '' }),
			field: 'heldOn',
		},
		'report.saveSection': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ id: ids.section, version: 'x', outline: 'text' }),
		},
		'report.addSection': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ title: '' }),
		},
		'report.renameSection': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ id: ids.section, title: '' }),
		},
		'report.moveSection': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ id: ids.section, direction: 'sideways' }),
		},
		'report.deleteSection': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ id: ids.section }),
		},
		'report.restore': {
			as: 'participant1',
			page: () => `/report/history/${ids.section}`,
			form: () => ({ id: ids.section, fromVersion: 'x', version: '1' }),
		},
		'report.comment': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ sectionId: ids.section, body: '' }),
		},
		'report.resolveComment': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ commentId: '' }),
		},
		'report.presented': {
			as: 'mentor',
			page: () => `/report/${p1}`,
			form: () => ({ participantId: p1, day: '' }),
		},
		'report.requestCorrections': {
			as: 'mentor',
			page: () => `/report/${p1}`,
			form: () => ({ participantId: p1, what: '' }),
		},
		'report.accept': {
			as: 'mentor',
			page: () => `/report/${p1}`,
			form: () => ({ participantId: p1 }),
		},
		// Participant 2 has not presented the outline yet: submitting is refused in words.
		'report.submit': {
			as: 'participant2',
			page: () => '/report',
			form: () => ({}),
		},
		'administration.create': {
			as: 'admin',
			page: () => '/admin/administrations',
			form: () => ({ name: '' }),
		},
		'administration.rename': {
			as: 'admin',
			page: () => '/admin/administrations',
			form: () => ({ id: 'nosuchadministration', name: '' }),
		},
		'administration.setActive': {
			as: 'admin',
			page: () => '/admin/administrations',
			form: () => ({ id: 'nosuchadministration', active: 'maybe' }),
		},
		'assessment.submit': {
			as: 'participant3',
			page: () => '/curriculum/pre-test',
			form: () => ({ kind: 'no-such-test' }),
		},
		// A kind that cannot be turned off, turned off: refused beside its choice.
		'account.savePreferences': {
			as: 'participant1',
			page: () => '/account',
			form: () => ({ deadline: 'off' }),
			field: 'deadline',
		},
		'account.setFromLink': {
			as: 'nobody',
			page: () => '/email-preferences/forged.deadline.signature',
			form: () => ({ token: 'forged.deadline.signature', mode: 'digest' }),
			notFound: true,
		},
		// Without a mail server (the demo has none) a message cannot be sent again.
		'outbox.resend': {
			as: 'admin',
			page: () => '/admin/outbox',
			form: () => ({ id: 'demonosuchmail' }),
		},
		'followUp.save': {
			as: 'alumni1',
			page: () => '/follow-up/demoalum0001',
			form: () => ({ participant: 'demoalum0001', round: '3', 'answer.1': 'perhaps' }),
		},
		'evaluation.save': {
			as: 'participant1',
			page: () => '/curriculum/evaluation',
			form: () => ({ 'rating.day-1': '9' }),
		},
		// Participant 4's report is accepted and locked: the copy is refused in words.
		'evaluation.copyToReport': {
			as: 'participant4',
			page: () => '/curriculum/evaluation',
			form: () => ({}),
		},
		'cen.codeSeizure': {
			as: 'participant1',
			page: () => '/cen/seizures/new',
			form: () => ({ detectedOn: '' }),
		},
		'cen.draftMessage': {
			as: 'participant1',
			page: () => '/cen/messages/new?kind=warning',
			form: () => ({ kind: 'warning', subject: '' }),
		},
		'cen.updateMessage': {
			as: 'participant1',
			page: () => '/cen/messages/democenmsg11',
			form: () => ({ id: 'democenmsg11', version: 'x', kind: 'warning', subject: '' }),
		},
		'cen.submitMessage': {
			as: 'participant1',
			page: () => '/cen/messages/democenmsg11',
			form: () => ({ id: 'democenmsg11', version: '' }),
		},
		'cen.reviewMessage': {
			as: 'mentor',
			page: () => '/cen/messages/democenmsg11',
			form: () => ({ id: 'democenmsg11', decision: 'maybe' }),
		},
		'cen.saveSearch': {
			as: 'participant1',
			page: () => '/cen/search',
			form: () => ({ title: '' }),
		},
		'cen.addToMaterials': {
			as: 'participant1',
			page: () => '/materials',
			form: () => ({ title: '', record: '' }),
		},
		'cen.upload': {
			as: 'participant1',
			page: () => '/materials',
			form: () => ({ title: 'A file', handling: 'unrestricted' }),
		},
		// Posted by the data lab's "Save to my materials" control.
		'cen.saveChart': {
			island: true,
			as: 'participant1',
			form: () => ({ title: '', handling: 'restricted' }),
		},
		'cen.attachMaterial': {
			as: 'participant1',
			page: entry,
			form: () => ({ material: '', logEntryId: ids.submitted }),
			field: 'material',
		},
		'cen.detachMaterial': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ id: '', from: 'study' }),
		},
		'report.insertMaterial': {
			as: 'participant1',
			page: () => '/report',
			form: () => ({ id: ids.section, material: '' }),
		},
		'study.savePlan': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ version: 'x', question: 'Q' }),
		},
		'study.saveFindings': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ version: 'x', findings: 'F' }),
		},
		'study.addSource': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ citation: '', reliability: 'A' }),
			field: 'citation',
		},
		'study.updateSource': {
			as: 'participant1',
			page: () => `/study?source=${study.source}`,
			form: () => ({ id: study.source, citation: '', reliability: 'A' }),
			field: 'citation',
		},
		'study.deleteSource': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ id: study.source }),
		},
		'study.addMilestone': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ title: '', dueDate: 'soon' }),
			field: 'title',
		},
		'study.setMilestoneDone': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ id: '' }),
		},
		'study.deleteMilestone': { as: 'participant1', page: () => '/study', form: () => ({ id: '' }) },
		'study.addActivity': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ what: '', agreedOn: '', agreedBy: '' }),
		},
		'study.updateActivity': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ id: study.activity, status: 'forgotten' }),
		},
		'study.addSection': {
			as: 'participant1',
			page: () => '/study/paper',
			form: () => ({ title: '' }),
			field: 'title',
		},
		'study.renameSection': {
			as: 'participant1',
			page: () => '/study/paper',
			form: () => ({ id: study.paper, title: '' }),
		},
		'study.saveSection': {
			as: 'participant1',
			page: () => '/study/paper',
			form: () => ({ id: study.paper, version: 'x' }),
		},
		'study.moveSection': {
			as: 'participant1',
			page: () => '/study/paper',
			form: () => ({ id: '', direction: 'down' }),
		},
		'study.deleteSection': {
			as: 'participant1',
			page: () => '/study/paper',
			form: () => ({ id: study.paper }),
		},
		'study.comment': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ participantId: p1, part: 'plan', body: '' }),
		},
		'study.resolveComment': {
			as: 'participant1',
			page: () => '/study',
			form: () => ({ commentId: '' }),
		},
		// Asking for a change without saying what: refused beside the comment box.
		'study.answerActivity': {
			as: 'home1',
			page: () => `/oversight/${p1}`,
			form: () => ({ id: 'demoact-0-2', decision: 'change', comment: '' }),
			field: 'comment',
		},
		// The demo Secretariat already acknowledged participant 4's version 2.
		'delivery.acknowledge': {
			as: 'secretariat',
			page: () => '/oversight/demopart0004/report?version=2',
			form: () => ({ versionId: 'demoversion-3-2' }),
		},
		// The demo's 2026/2027 selection is recorded: screening and scores are read-only.
		'screening.override': {
			as: 'secretariat',
			page: () => '/admin/applications/demoapp06',
			form: () => ({ applicationId: 'demoapp06', checkKey: 'english', verdict: 'met', note: '' }),
		},
		'score.save': {
			as: 'admin',
			page: () => '/admin/applications/demoapp01',
			form: () => ({ applicationId: 'demoapp01', experience: '4' }),
		},
		'selection.record': {
			as: 'admin',
			page: () => '/admin/selection/2026-2027',
			form: () => ({ editionId: 'demoedition2026', applicationIds: 'demoapp05', confirm: 'on' }),
		},
		'selection.reopen': {
			as: 'admin',
			page: () => '/admin/selection/2026-2027',
			form: () => ({ editionId: 'demoedition2026' }),
		},
		// The demo's 2026/2027 selection is recorded: nobody recuses from it any more.
		'recusal.declare': {
			as: 'admin',
			page: () => '/admin/applications/demoapp01',
			form: () => ({ applicationId: 'demoapp01', note: 'x' }),
		},
		// Assigning the ticked without choosing a reviewer: said beside the reviewer's list.
		'assignment.add': {
			as: 'admin',
			page: () => '/admin/applications?edition=demoedition2027',
			form: () => ({ applicationIds: 'demoapp2027b', reviewerId: '' }),
			field: 'reviewerId',
		},
		// The demo admin's sheet on Ilse Varga is in: they stay assigned, said at the top.
		'assignment.remove': {
			as: 'admin',
			page: () => '/admin/applications/demoapp2027a',
			form: () => ({ applicationId: 'demoapp2027a', reviewerId: 'demoadmin001' }),
		},
		'letter.savePassport': {
			as: 'participant1',
			page: () => '/programme/enrolment-letter',
			form: () => ({ passportNumber: 'x' }),
			field: 'passportNumber',
		},
		'nominatingContact.add': {
			as: 'admin',
			page: () => '/admin/applications/contacts',
			form: () => ({ administrationId: 'demo-adm-orvania', contact: 'not a domain' }),
			field: 'contact',
		},
		'nominatingContact.remove': {
			as: 'admin',
			page: () => '/admin/applications/contacts',
			form: () => ({ administrationId: 'demo-adm-orvania', contact: 'nosuch.example' }),
			notFound: true,
		},
		// The demo's selection is confirmed by both sides already: a second confirmation is refused.
		'selection.confirm': {
			as: 'secretariat',
			page: () => '/admin/selection/2026-2027',
			form: () => ({ editionId: 'demoedition2026', confirm: 'on' }),
		},
		'selection.notify': {
			as: 'secretariat',
			page: () => '/admin/selection/2026-2027',
			form: () => ({ editionId: 'demoedition2026' }),
		},
		'selection.invite': {
			as: 'admin',
			page: () => '/admin/selection/2026-2027',
			form: () => ({ applicationId: 'demoapp01', name: 'Mara Santos', email: 'not-an-email' }),
		},
		'selection.purge': {
			as: 'admin',
			page: () => '/admin/applications/purge',
			form: () => ({}),
		},
		'delivery.sendLink': {
			as: 'admin',
			page: () => '/report/demopart0003',
			form: () => ({ deliveryId: 'nosuchdelivery', email: 'not-an-email' }),
		},
		// Without a valid link the page does not exist: a 404 page, still in words.
		'delivery.acknowledgeByLink': {
			as: 'nobody',
			page: () => '/delivery/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
			form: () => ({ token: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }),
			notFound: true,
		},
	};
}

/** A one-time link made directly in the database (only its hash is stored). */
async function makeLink(kind: 'invite' | 'reset', email: string, userId: string | null) {
	const token = `${kind}honesttoken${Date.now()}`;
	const hash = createHash('sha256').update(token).digest('hex');
	await sqlOnServerDb(
		'insert into invitation (id, token_hash, kind, email, name, role, cohort_id, user_id, expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
		[
			`honest${kind}`,
			hash,
			kind,
			email,
			'Ann Example',
			'participant',
			kind === 'invite' ? 'democohort01' : null,
			userId,
			Date.now() + 86_400_000,
			Date.now(),
		] as (string | number)[],
	);
	return token;
}

async function entryIn(status: string): Promise<string> {
	const [row] = await queryServerDb<{ id: string }>(
		'select id from log_entry where participant_id = ? and status = ? order by date desc, id limit 1',
		[p1, status],
	);
	return row!.id;
}

/** One signed-in browser context per person, made on first use. */
function contexts(browser: Browser) {
	const made = new Map<Who, BrowserContext>();
	return {
		async get(who: Who) {
			if (!made.has(who)) {
				const context = await browser.newContext({ javaScriptEnabled: false });
				if (who !== 'nobody') await signIn(await context.newPage(), demo[who]);
				made.set(who, context);
			}
			return made.get(who)!;
		},
		async close() {
			for (const c of made.values()) await c.close();
		},
	};
}

/** The visible text of an HTML page (scripts and styles left out). */
function visible(html: string): string {
	return html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
}

test('every refused action says why in a sentence, in view beside its field, with no raw validation output', async ({
	browser,
	baseURL,
}) => {
	// Nine people sign in (argon2 each) and over a hundred pages render on a shared machine.
	test.setTimeout(600_000);
	ids.draft = await entryIn('draft');
	ids.submitted = await entryIn('submitted');
	ids.approved = await entryIn('approved');
	ids.inviteToken = await makeLink('invite', 'new.person@demo.test', null);
	ids.resetToken = await makeLink('reset', demo.participant4, 'demopart0004');
	const now = Date.now();
	await insertStudyRecords(p1, study, { title: 'Honest section', position: 99 });
	await sqlOnServerDb(
		'insert or ignore into nomination (id, edition_id, administration_id, officer_name, officer_post, officer_email, candidate_name, candidate_email, verify_token_hash, verify_expires_at, verified_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
		[
			'honestnom1',
			'demoedition2027',
			'demo-adm-orvania',
			'Ivo Renn',
			'Director',
			'ivo@x.test',
			'Hon Est',
			'hon@x.test',
			'honestverifyhash',
			now,
			now,
		],
	);
	await sqlOnServerDb(
		'insert or ignore into application (id, nomination_id, edition_id, token_hash, updated_at) values (?, ?, ?, ?, ?)',
		[
			'honestapp1',
			'honestnom1',
			'demoedition2027',
			createHash('sha256').update(applyToken).digest('hex'),
			now,
		],
	);
	const people = contexts(browser);
	// The report exists once its owner has opened it.
	const reader = await (await people.get('participant1')).newPage();
	await reader.goto('/report');
	await reader.close();
	ids.section = (
		await queryServerDb<{ id: string }>(
			"select id from report_section where participant_id = ? and kind = 'activities'",
			[p1],
		)
	)[0]!.id;

	const table = badPaths();
	const problems: string[] = [];
	for (const action of listActions()) {
		if (noBadPath[action]) continue;
		const path = table[action];
		expect(
			path,
			`no bad path for action ${action}: add one (or a reason to noBadPath)`,
		).toBeDefined();
		const context = await people.get(path!.as);
		if ('island' in path!) {
			const res = await context.request.post(`/_actions/${action}`, {
				form: path.form(),
				headers: { Origin: baseURL! },
			});
			const body = (await res.json()) as { issues?: { path: string[]; message: string }[] };
			const fields: Record<string, string[]> = {};
			for (const i of body.issues ?? []) (fields[String(i.path[0])] ??= []).push(i.message);
			const said = errorSentence({ ...body, fields });
			if (res.status() < 400 || !sentence.test(said) || raw.test(said))
				problems.push(`${action} (island): ${res.status()} “${said}”`);
			continue;
		}
		const page = await context.newPage();
		const url = path.page();
		// Posted by the browser itself from the page (no script runs on it), as a person would.
		await page.goto(url);
		const [res] = await Promise.all([
			page.waitForResponse(
				(r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
			),
			page.evaluate(
				({ target, fields }) => {
					const form = document.createElement('form');
					form.method = 'POST';
					form.action = target;
					for (const [name, value] of Object.entries(fields)) {
						const input = document.createElement('input');
						input.type = 'hidden';
						input.name = name;
						input.value = value;
						form.append(input);
					}
					document.body.append(form);
					form.submit();
				},
				{ target: `${url}${url.includes('?') ? '&' : '?'}_action=${action}`, fields: path.form() },
			),
		]);
		const html = await res.text();
		// A refusal is the page again, at the action's address (a redirect is reported below).
		if (res.status() >= 400) await page.waitForURL(/_action=/);
		// The browser moves focus to an autofocus element as it first paints the page.
		await expect
			.poll(() => page.evaluate(() => document.activeElement !== document.body), { timeout: 3000 })
			.toBe(true)
			.catch(() => undefined);
		const found = await page.evaluate((field) => {
			const text = (el: Element | null) => el?.textContent?.trim() ?? '';
			const control = field
				? document.querySelector(`[name="${field}"][aria-invalid="true"]`)
				: null;
			const beside = (control?.getAttribute('aria-describedby') ?? '')
				.split(' ')
				.map((id) => document.getElementById(id))
				.filter((el) => el?.classList.contains('field-error'))
				.map(text);
			const alerts = [...document.querySelectorAll('[role="alert"]')].map(text);
			// In view: the whole box inside the window, as the page first shows it.
			const inView = (el: Element | null | undefined) => {
				const r = el?.getBoundingClientRect();
				return Boolean(r && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight);
			};
			const focused = document.activeElement;
			const invalid = focused?.getAttribute('aria-invalid') === 'true';
			const message = invalid
				? (focused!.getAttribute('aria-describedby') ?? '')
						.split(' ')
						.map((id) => document.getElementById(id))
						.find((el) => el?.classList.contains('field-error'))
				: null;
			const gap = (a: Element, b: Element) => {
				const [x, y] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
				return Math.max(0, y.top - x.bottom, x.top - y.bottom);
			};
			return {
				alerts,
				beside,
				main: [...document.querySelectorAll('main p')].map(text),
				// Focus is on an invalid field with its message in view right beside it, or (when no
				// field is to blame) on the refusal's message, in view.
				inView: invalid
					? inView(focused) && inView(message) && Boolean(message && gap(focused!, message) < 120)
					: focused?.getAttribute('role') === 'alert' && inView(focused),
				focused: `${focused?.tagName.toLowerCase()}#${focused?.id} at ${Math.round(focused?.getBoundingClientRect().top ?? 0)}px, message ${message ? Math.round(message.getBoundingClientRect().top) : 'none'}, scrolled ${Math.round(window.scrollY)}px of ${window.innerHeight}`,
			};
		}, path.field ?? null);
		const leaked = raw.exec(visible(html))?.[0];
		if (res.status() < 400) problems.push(`${action}: status ${res.status()} (not refused)`);
		if (leaked) problems.push(`${action}: raw output “${leaked}” on ${url}`);
		if (path.notFound) {
			if (res.status() !== 404 || !found.main.some((t) => sentence.test(t)))
				problems.push(`${action}: expected a 404 page in words on ${url}, got ${res.status()}`);
		} else if (!found.alerts.some((a) => sentence.test(a)))
			problems.push(
				`${action}: no sentence at the top of ${url} (alerts: ${JSON.stringify(found.alerts)})`,
			);
		if (path.field && !found.beside.some((t) => sentence.test(t)))
			problems.push(`${action}: no sentence beside “${path.field}” on ${url}`);
		if (!path.notFound && !found.inView)
			problems.push(
				`${action}: the refusal is not focused and in view on ${url} (focus: ${found.focused})`,
			);
		await page.close();
	}
	await people.close();
	expect(problems).toEqual([]);
});
