/**
 * An audit event as a sentence a person reads ("Kenji Morita approved 'Orientation briefing…'
 * of Mara Santos") and the page of the record it is about. Pure; the server resolves names.
 */

/** An event with the names the server looked up for it. */
export type AuditFacts = {
	action: string;
	actorName: string | null;
	subjectType: string;
	subjectId: string | null;
	/** The record's title or name (entry title, cohort edition, person…), when it still exists. */
	subjectLabel: string | null;
	/** The participant whose record it is, when it belongs to one. */
	ownerId: string | null;
	ownerName: string | null;
	details: Record<string, unknown> | null;
};

/** Long titles are cut so a sentence stays one line. */
export function shortTitle(title: string, max = 40): string {
	const t = title.trim();
	return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

const quoted = (label: string | null, fallback: string) =>
	label ? `‘${shortTitle(label)}’` : fallback;

function ofOwner(f: AuditFacts): string {
	return f.ownerName ? ` of ${f.ownerName}` : '';
}

function detail(f: AuditFacts, key: string): string {
	const v = f.details?.[key];
	return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

type Phrase = (f: AuditFacts) => string;

const entry =
	(verb: string): Phrase =>
	(f) =>
		`${verb} ${quoted(f.subjectLabel, 'a deleted entry')}${ofOwner(f)}`;
const own =
	(verb: string, what: string): Phrase =>
	(f) =>
		`${verb} ${f.ownerName ? `${f.ownerName}’s` : 'a'} ${what}`;

const named = (f: AuditFacts, fallback: string, key = 'title') =>
	quoted(f.subjectLabel ?? (detail(f, key) || null), fallback);
const onOwner =
	(verb: string, key = 'title'): Phrase =>
	(f) =>
		`${verb} ${named(f, '(since deleted)', key)}${ofOwner(f)}`;

/** "version 2 of Mara Santos’s final report" (the number from the record, else the event). */
function versionOf(f: AuditFacts): string {
	const n = detail(f, 'number');
	const which = f.subjectLabel ?? (n ? `version ${n}` : 'a version');
	return `${which} of ${f.ownerName ? `${f.ownerName}’s` : 'a'} final report`;
}

const recipientNames: Record<string, string> = {
	rilo_ap: 'RILO A/P',
	wco_secretariat: 'the WCO Secretariat',
	home_administration: 'the home administration',
};
const forRecipient = (f: AuditFacts) =>
	recipientNames[detail(f, 'recipient')] ? ` for ${recipientNames[detail(f, 'recipient')]}` : '';

/** A study's part as the comment events store it ('plan', 'paper:<id>'…). */
function studyPartOf(f: AuditFacts): string {
	const part = detail(f, 'part');
	if (!part) return 'the study';
	return part.startsWith('paper') ? 'the research paper' : `the study’s ${part}`;
}
const ownStudy = (f: AuditFacts) => (f.ownerName ? `${f.ownerName}’s thematic study` : 'a study');

const factorNames: Record<string, string> = {
	totp: 'an authenticator app',
	passkey: 'a passkey',
	recovery_code: 'a recovery code',
};
const factorName = (f: AuditFacts) => factorNames[detail(f, 'method')] ?? 'a second factor';

/** What each known action says after the actor's name. */
const phrases: Record<string, Phrase> = {
	'auth.sign_in': () => 'signed in',
	'auth.sign_out': () => 'signed out',
	'auth.password_changed': () => 'changed their password',
	'auth.password_reset': () => 'set a new password with a reset link',
	'auth.setup_admin': () => 'set up the portal as its first admin',
	'auth.password_accepted': () => 'gave the right password; the second factor was asked next',
	'auth.second_factor_enrolled': (f) => `set up ${factorName(f)} as a second factor`,
	'auth.second_factor_removed': (f) => `removed ${factorName(f)} as a second factor`,
	'auth.second_factor_used': (f) => `signed in with ${factorName(f)} as the second factor`,
	'auth.second_factor_failed': (f) => `gave a wrong second factor (${factorName(f)})`,
	'auth.second_factor_reset': (f) =>
		`reset the second factor of ${quoted(f.subjectLabel, 'an account')}`,
	'auth.second_factor_roles_set': (f) =>
		`required a second factor for ${detail(f, 'roles') || 'no role'}`,
	'passport.save': (f) =>
		`saved the passport number for the enrolment letter of ${quoted(f.subjectLabel, 'a participant')}`,
	'cli.admin_create': (f) => `created the admin account of ${f.subjectLabel ?? 'someone'}`,
	'cohort.create': (f) => `created the cohort ${f.subjectLabel ?? ''}`.trim(),
	'cohort.update': (f) => `changed the cohort ${f.subjectLabel ?? ''}`.trim(),
	'cohort.archive': (f) => `archived the cohort ${f.subjectLabel ?? ''}`.trim(),
	'cohort.restore': (f) => `restored the cohort ${f.subjectLabel ?? ''}`.trim(),
	'invitation.create': (f) =>
		`invited ${detail(f, 'email') || 'someone'}${detail(f, 'role') ? ` as ${detail(f, 'role')}` : ''}`,
	'invitation.revoke': (f) => `withdrew the invitation for ${f.subjectLabel ?? 'someone'}`,
	'invitation.accept': (f) =>
		`accepted their invitation${detail(f, 'role') ? ` as ${detail(f, 'role')}` : ''}`,
	'user.reset_link': (f) => `issued a password-reset link for ${f.subjectLabel ?? 'someone'}`,
	'log_entry.create': entry('started the entry'),
	'log_entry.update': entry('edited'),
	'log_entry.submit': entry('submitted'),
	'log_entry.delete': (f) => `deleted an entry${ofOwner(f)}`,
	'review.approved': entry('approved'),
	'review.changes_requested': entry('asked for changes to'),
	'review.reopened': entry('reopened'),
	'review.undone': entry('undid the last decision on'),
	'comment.add': entry('commented on'),
	'comment.resolve': entry('resolved a comment on'),
	'plan.save': own('saved', 'OJT plan'),
	'plan.confirm': own('confirmed', 'OJT plan'),
	// A check-in is the mentor's record of a meeting with the participant.
	'checkin.save': (f) => `recorded a check-in${f.ownerName ? ` with ${f.ownerName}` : ''}`,
	'checklist.tick': (f) => `ticked ‘${f.subjectId ?? 'an item'}’ on their pre-arrival checklist`,
	'checklist.untick': (f) =>
		`unticked ‘${f.subjectId ?? 'an item'}’ on their pre-arrival checklist`,
	'administration.create': (f) => `added ${f.subjectLabel ?? 'an administration'} to the list`,
	'administration.rename': (f) =>
		`renamed the administration ${detail(f, 'from') || ''} to ${detail(f, 'to') || f.subjectLabel || ''}`.replace(
			/\s+/g,
			' ',
		),
	'administration.deactivate': (f) => `deactivated ${f.subjectLabel ?? 'an administration'}`,
	'administration.reactivate': (f) => `reactivated ${f.subjectLabel ?? 'an administration'}`,
	'enrolment_letter.issue': (f) =>
		`issued an enrolment letter for ${f.subjectLabel ?? 'a participant'}`,
	'enrolment_letter.revoke': (f) =>
		`revoked the enrolment letter of ${f.subjectLabel ?? 'a participant'}`,
	'admin_matter.update': (f) => {
		const changed = Array.isArray(f.details?.changed) ? f.details.changed.length : 0;
		return `updated the admin matters of ${f.subjectLabel ?? 'a participant'}${changed ? ` (${changed} ${changed === 1 ? 'field' : 'fields'})` : ' (no change)'}`;
	},
	'alumni.join': () => 'joined the alumni directory',
	'alumni.update': () => 'changed their contact in the alumni directory',
	'alumni.leave': () => 'left the alumni directory',
	// The call for applications and the selection.
	'edition.create': (f) =>
		`opened the call for applications ${named(f, '', 'name')}${detail(f, 'from') ? ` (from ${detail(f, 'from')})` : ''}`,
	'edition.extend': (f) =>
		`extended the application deadline of ${named(f, 'an edition', 'name')}${detail(f, 'to') ? ` to ${detail(f, 'to')}` : ''}`,
	'nomination.confirm': (f) =>
		`confirmed the nomination of ${named(f, 'a candidate', 'candidate')}${detail(f, 'administration') ? ` by ${detail(f, 'administration')}` : ''}`,
	'application.submit': (f) =>
		`submitted ${viaLink(f) ? 'their application' : `the application of ${named(f, 'a candidate')}`}${detail(f, 'edition') ? ` to ${detail(f, 'edition')}` : ''}`,
	'application.read': (f) => `read the application of ${named(f, 'a candidate')}`,
	'application.score': (f) =>
		`scored the application of ${named(f, 'a candidate')}${detail(f, 'total') ? ` (${detail(f, 'total')} points)` : ''}`,
	'application.purge': (f) =>
		`purged ${detail(f, 'applications') || 'the'} unsuccessful applications and ${detail(f, 'nominations') || 'their'} nominations past the retention period`,
	'screening.override': (f) =>
		`overrode the screening check ‘${detail(f, 'check') || 'a check'}’ of the application of ${named(f, 'a candidate')}`,
	'screening.restore': (f) =>
		`restored the automatic screening check ‘${detail(f, 'check') || 'a check'}’ of the application of ${named(f, 'a candidate')}`,
	'selection.record': (f) => `recorded the selection for ${named(f, 'an edition', 'edition')}`,
	'offer.accept': (f) =>
		`accepted the place offered to ${viaLink(f) ? 'them' : named(f, 'a candidate')}${detail(f, 'edition') ? ` in ${detail(f, 'edition')}` : ''}`,
	'offer.decline': (f) =>
		`declined the place offered to ${viaLink(f) ? 'them' : named(f, 'a candidate')}${detail(f, 'edition') ? ` in ${detail(f, 'edition')}` : ''}`,
	'offer.lapse': (f) =>
		`let the offer to ${named(f, 'a candidate')} lapse: no answer by ${detail(f, 'replyBy') || 'the reply-by date'}`,
	'offer.reserve': (f) =>
		`offered a place from the reserve list to ${named(f, 'a candidate')}${detail(f, 'replyBy') ? `, to answer by ${detail(f, 'replyBy')}` : ''}`,
	'offer.reserve_empty': (f) =>
		`found nobody left on the reserve list of ${named(f, 'an edition', 'edition')}`,
	'selection.confirm': (f) =>
		`confirmed the selection for ${named(f, 'an edition', 'edition')} on behalf of ${detail(f, 'side') === 'wco' ? 'the WCO Secretariat' : 'the programme office'}`,
	'application.export': (f) =>
		`exported ${detail(f, 'count') || 'the'} ${detail(f, 'kind') === 'sheets' ? 'score sheets' : 'applications'} of ${named(f, 'an edition', 'name')} as CSV`,
	'application.assign': (f) =>
		`assigned ${detail(f, 'reviewer') || 'a reviewer'} to review the application of ${named(f, 'a candidate')}`,
	'application.unassign': (f) =>
		`took ${detail(f, 'reviewer') || 'a reviewer'} off the review of the application of ${named(f, 'a candidate')}`,
	'passport.erase': (f) =>
		detail(f, 'participants') === '0'
			? `found no passport data to erase for the cohort ${f.subjectLabel ?? detail(f, 'cohort')} (retention rule)`
			: `erased the passport data of ${detail(f, 'participants') === '1' ? 'the participant' : `${detail(f, 'participants') || 'the'} participants`} of the cohort ${f.subjectLabel ?? detail(f, 'cohort')}, ${detail(f, 'days') || 'the set number of'} days after the programme ended (retention rule)`,
	'application.recuse': (f) =>
		`stepped aside from reviewing the application of ${named(f, 'a candidate')}`,
	'nominating_contact.add': (f) =>
		`added ${detail(f, 'contact') || 'a contact'} as a nominating contact of ${quoted(f.subjectLabel, 'an administration')}`,
	'nominating_contact.remove': (f) =>
		`removed ${detail(f, 'contact') || 'a contact'} from the nominating contacts of ${quoted(f.subjectLabel, 'an administration')}`,
	'nomination.duplicate': (f) =>
		`received a second nomination of an already nominated candidate${detail(f, 'administration') ? ` from ${detail(f, 'administration')}` : ''}${detail(f, 'edition') ? ` for ${detail(f, 'edition')}` : ''}`,
	'selection.reopen': (f) => `reopened the selection for ${named(f, 'an edition', 'edition')}`,
	'selection.notify': (f) =>
		`sent the selection notices of ${named(f, 'an edition', 'edition')}${detail(f, 'emailed') ? ` (${detail(f, 'emailed')} emailed)` : ''}`,
	// CEN practice and the data lab.
	'cen_seizure.create': onOwner('coded the practice seizure'),
	'cen_message.create': onOwner('drafted the CEN message'),
	'cen_message.submit': onOwner('submitted the CEN message'),
	'cen_message.approved': onOwner('approved the CEN message'),
	'cen_message.changes_requested': onOwner('asked for changes to the CEN message'),
	'material.add_search': onOwner('saved the search'),
	'material.add_seizure': onOwner('added the practice seizure'),
	'material.add_message': onOwner('added the CEN message'),
	'material.add_upload': onOwner('uploaded'),
	'material.add_chart': onOwner('saved the chart'),
	'material.attach': onOwner('attached the material'),
	'material.detach': onOwner('detached the material'),
	'lab_interpretation.submit': onOwner('submitted an interpretation of the lab exercise'),
	'lab_interpretation.review': onOwner('reviewed the interpretation of the lab exercise'),
	// The final report and its delivery.
	'report.outline_presented': (f) =>
		`marked ${f.ownerName ? `${f.ownerName}’s` : 'a'} report outline as presented${detail(f, 'day') ? ` on ${detail(f, 'day')}` : ''}`,
	'report.section_add': onOwner('added the report section'),
	'report.section_save': onOwner('saved the report section'),
	'report.section_restore': onOwner('restored an earlier text of the report section'),
	'report.section_draft-from-log': onOwner('drafted from the logbook the report section'),
	'report.section_delete': onOwner('deleted the report section'),
	'report.comment': onOwner('commented on the report section'),
	'report.version_submit': (f) => `submitted ${versionOf(f)}`,
	'report.version_return': (f) => `returned ${versionOf(f)} for corrections`,
	'report.version_accept': (f) => `accepted ${versionOf(f)}`,
	'report.delivery_link': (f) => `sent a one-visit link to ${versionOf(f)}${forRecipient(f)}`,
	'report.delivery_acknowledge': (f) => `acknowledged receipt of ${versionOf(f)}${forRecipient(f)}`,
	'follow_up.answer': (f) =>
		`answered the ${detail(f, 'round') ? `${detail(f, 'round')}-month ` : ''}follow-up on ${f.ownerName ? `${f.ownerName}’s` : 'a'} final report`,
	// The thematic study.
	'study.plan_save': (f) => `saved the plan of ${ownStudy(f)}`,
	'study.findings_save': (f) => `saved the findings of ${ownStudy(f)}`,
	'study.comment_add': (f) => `commented on ${studyPartOf(f)}${ofOwner(f)}`,
	'study.comment_resolve': (f) => `resolved a comment on ${studyPartOf(f)}${ofOwner(f)}`,
	'study.source_add': onOwner('added the study source', 'citation'),
	'study.source_update': onOwner('changed the study source', 'citation'),
	'study.source_delete': onOwner('deleted the study source', 'citation'),
	'study.milestone_add': onOwner('added the study milestone'),
	'study.milestone_done': onOwner('marked done the study milestone'),
	'study.milestone_reopen': onOwner('reopened the study milestone'),
	'study.milestone_delete': onOwner('deleted the study milestone'),
	'study.activity_add': onOwner('proposed the intelligence activity'),
	'study.activity_update': onOwner('updated the intelligence activity'),
	'study.activity_agree': onOwner('agreed to the intelligence activity'),
	'study.activity_change': onOwner('asked for a change to the intelligence activity'),
	'study.section_add': onOwner('added the paper section'),
	'study.section_rename': onOwner('renamed the paper section'),
	'study.section_save': onOwner('saved the paper section'),
	'study.section_move': onOwner('moved the paper section'),
	'study.section_delete': onOwner('deleted the paper section'),
};

/** The Action filter's words for each known action (what happened, in a few words). */
export const auditActionLabels: Record<string, string> = {
	'auth.sign_in': 'Signed in',
	'auth.sign_in_failed': 'Sign-in failed',
	'auth.sign_out': 'Signed out',
	'auth.password_changed': 'Password changed',
	'auth.password_reset': 'Password reset with a link',
	'auth.setup_admin': 'First admin set up',
	'auth.password_accepted': 'Password accepted, second factor asked',
	'auth.second_factor_enrolled': 'Second factor set up',
	'auth.second_factor_removed': 'Second factor removed',
	'auth.second_factor_used': 'Signed in with a second factor',
	'auth.second_factor_failed': 'Second factor refused',
	'auth.second_factor_reset': 'Second factor reset by an admin',
	'auth.second_factor_roles_set': 'Roles required to use a second factor',
	'passport.save': 'Passport number saved',
	'cli.admin_create': 'Admin created from the command line',
	'cohort.create': 'Cohort created',
	'cohort.update': 'Cohort changed',
	'cohort.archive': 'Cohort archived',
	'cohort.restore': 'Cohort restored',
	'invitation.create': 'Invitation sent',
	'invitation.revoke': 'Invitation withdrawn',
	'invitation.accept': 'Invitation accepted',
	'user.reset_link': 'Password-reset link issued',
	'log_entry.create': 'Log entry started',
	'log_entry.update': 'Log entry edited',
	'log_entry.submit': 'Log entry submitted',
	'log_entry.delete': 'Log entry deleted',
	'review.approved': 'Log entry approved',
	'review.changes_requested': 'Changes asked to a log entry',
	'review.reopened': 'Log entry reopened',
	'review.undone': 'Review decision undone',
	'comment.add': 'Comment on a log entry',
	'comment.resolve': 'Comment on a log entry resolved',
	'plan.save': 'OJT plan saved',
	'plan.confirm': 'OJT plan confirmed',
	'checkin.save': 'Check-in recorded',
	'checklist.tick': 'Checklist item ticked',
	'checklist.untick': 'Checklist item unticked',
	'administration.create': 'Administration added',
	'administration.rename': 'Administration renamed',
	'administration.deactivate': 'Administration deactivated',
	'administration.reactivate': 'Administration reactivated',
	'enrolment_letter.issue': 'Enrolment letter issued',
	'enrolment_letter.revoke': 'Enrolment letter revoked',
	'admin_matter.update': 'Admin matters updated',
	'alumni.join': 'Joined the alumni directory',
	'alumni.update': 'Alumni contact changed',
	'alumni.leave': 'Left the alumni directory',
	'edition.create': 'Call for applications opened',
	'edition.extend': 'Application deadline extended',
	'nomination.confirm': 'Nomination confirmed',
	'application.submit': 'Application submitted',
	'application.read': 'Application read',
	'application.score': 'Application scored',
	'application.purge': 'Applications purged',
	'screening.override': 'Screening check overridden',
	'screening.restore': 'Screening check restored',
	'selection.record': 'Selection recorded',
	'selection.confirm': 'Selection confirmed',
	'offer.accept': 'Offer accepted',
	'offer.decline': 'Offer declined',
	'offer.lapse': 'Offer lapsed',
	'offer.reserve': 'Place offered from the reserve list',
	'offer.reserve_empty': 'Reserve list empty',
	'application.export': 'Applications exported',
	'application.recuse': 'Reviewer stepped aside',
	'application.assign': 'Reviewer assigned',
	'application.unassign': 'Reviewer taken off',
	'passport.erase': 'Passport data erased (retention)',
	'nominating_contact.add': 'Nominating contact added',
	'nominating_contact.remove': 'Nominating contact removed',
	'nomination.duplicate': 'Second nomination received',
	'selection.reopen': 'Selection reopened',
	'selection.notify': 'Selection notices sent',
	'cen_seizure.create': 'Practice seizure coded',
	'cen_message.create': 'CEN message drafted',
	'cen_message.submit': 'CEN message submitted',
	'cen_message.approved': 'CEN message approved',
	'cen_message.changes_requested': 'Changes asked to a CEN message',
	'material.add_search': 'Search saved to materials',
	'material.add_seizure': 'Practice seizure added to materials',
	'material.add_message': 'CEN message added to materials',
	'material.add_upload': 'File uploaded to materials',
	'material.add_chart': 'Chart saved to materials',
	'material.attach': 'Material attached',
	'material.detach': 'Material detached',
	'lab_interpretation.submit': 'Lab interpretation submitted',
	'lab_interpretation.review': 'Lab interpretation reviewed',
	'report.outline_presented': 'Report outline presented',
	'report.section_add': 'Report section added',
	'report.section_save': 'Report section saved',
	'report.section_restore': 'Report section restored',
	'report.section_draft-from-log': 'Report section drafted from the logbook',
	'report.section_delete': 'Report section deleted',
	'report.comment': 'Comment on the report',
	'report.version_submit': 'Final report version submitted',
	'report.version_return': 'Final report returned for corrections',
	'report.version_accept': 'Final report accepted',
	'report.delivery_link': 'Report delivery link sent',
	'report.delivery_acknowledge': 'Report receipt acknowledged',
	'follow_up.answer': 'Follow-up answered',
	'study.plan_save': 'Study plan saved',
	'study.findings_save': 'Study findings saved',
	'study.comment_add': 'Comment on a study',
	'study.comment_resolve': 'Comment on a study resolved',
	'study.source_add': 'Study source added',
	'study.source_update': 'Study source changed',
	'study.source_delete': 'Study source deleted',
	'study.milestone_add': 'Study milestone added',
	'study.milestone_done': 'Study milestone done',
	'study.milestone_reopen': 'Study milestone reopened',
	'study.milestone_delete': 'Study milestone deleted',
	'study.activity_add': 'Intelligence activity proposed',
	'study.activity_update': 'Intelligence activity updated',
	'study.activity_agree': 'Intelligence activity agreed',
	'study.activity_change': 'Change asked to an intelligence activity',
	'study.section_add': 'Paper section added',
	'study.section_rename': 'Paper section renamed',
	'study.section_save': 'Paper section saved',
	'study.section_move': 'Paper section moved',
	'study.section_delete': 'Paper section deleted',
};

/** The filter's words for an action (an unknown one is spelled out from its code). */
export function auditActionLabel(action: string): string {
	const known = auditActionLabels[action];
	if (known) return known;
	const words = action.replace(/[._-]/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether an action has a sentence of its own (the rest fall back to a generic one). */
export function hasAuditPhrase(action: string): boolean {
	return action in phrases || action === 'auth.sign_in_failed';
}

/** Words for the record kinds, for actions without a phrase of their own. */
const nouns: Record<string, string> = {
	report: 'report',
	report_section: 'report section',
	study: 'thematic study',
	study_source: 'study source',
	study_milestone: 'study milestone',
	study_activity: 'intelligence activity',
	study_paper_section: 'paper section',
	checklist_item: 'pre-arrival checklist',
	log_entry: 'entry',
	user: 'account',
	cohort: 'cohort',
	invitation: 'invitation',
	administration: 'administration',
};

/** "report.section_save" -> "section save" (the readable part of an unknown action). */
function verbOf(action: string): string {
	const tail = action.split('.').slice(1).join(' ') || action;
	return tail.replace(/_/g, ' ');
}

function generic(f: AuditFacts): string {
	const noun = nouns[f.subjectType] ?? f.subjectType.replace(/_/g, ' ');
	const label =
		f.subjectLabel && f.subjectType !== 'report' && f.subjectType !== 'study'
			? ` ${quoted(f.subjectLabel, '')}`
			: '';
	return `did “${verbOf(f.action)}” on the ${noun}${label}${ofOwner(f)}`;
}

/** True when a candidate or officer acted through the link they were sent (no account). */
const viaLink = (f: AuditFacts) => /_link$/.test(detail(f, 'by'));

/** Who acted without an account, in words: the candidate or officer through their link, the portal. */
function linkActor(f: AuditFacts): string | null {
	const by = detail(f, 'by');
	if (by === 'candidate_link')
		return `${f.subjectLabel ?? 'The candidate'} (the candidate, through their link)`;
	if (by === 'officer_link') return 'The nominating officer (through their confirmation link)';
	if (by === 'portal') return 'The portal (automatically)';
	return null;
}

/** The event as one sentence, starting with who did it. */
export function auditSentence(f: AuditFacts): string {
	if (f.action === 'auth.sign_in_failed')
		return `A sign-in failed${detail(f, 'email') ? ` for ${detail(f, 'email')}` : ''}.`;
	// Work the scheduler does on its own (e.g. the retention purge) has no actor; nor has what a
	// candidate or nominating officer does through the link they were sent (no account).
	const who =
		f.actorName ??
		(f.details?.scheduled ? 'The portal’s scheduler' : null) ??
		linkActor(f) ??
		'Someone (account since removed)';
	const phrase = phrases[f.action] ?? generic;
	return `${who} ${phrase(f)}.`;
}

/** The page of the record the event is about, or null when there is none to show. */
export function auditLink(f: AuditFacts): string | null {
	const id = f.subjectId;
	if (!id) return null;
	switch (f.subjectType) {
		case 'log_entry':
			return f.subjectLabel ? `/logbook/${id}` : null;
		case 'cohort':
			return `/admin/cohorts/${id}`;
		case 'administration':
			return '/admin/administrations';
		case 'invitation':
			return '/admin';
		case 'report':
		case 'report_section':
		case 'report_version':
			return f.ownerId ? `/report/${f.ownerId}` : null;
		case 'cen_message':
			return f.subjectLabel ? `/cen/messages/${id}` : null;
		case 'cen_seizure':
			return f.subjectLabel ? `/cen/seizures/${id}` : null;
		case 'study':
		case 'study_source':
		case 'study_milestone':
		case 'study_activity':
		case 'study_paper_section':
			return f.ownerId ? `/study/${f.ownerId}` : null;
		case 'user':
			if (/^(enrolment_letter|admin_matter)\./.test(f.action)) return `/admin/participants/${id}`;
			return f.ownerId ? `/review/${f.ownerId}` : null;
		default:
			return null;
	}
}
