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

/** What each known action says after the actor's name. */
const phrases: Record<string, Phrase> = {
	'auth.sign_in': () => 'signed in',
	'auth.sign_out': () => 'signed out',
	'auth.password_changed': () => 'changed their password',
	'auth.password_reset': () => 'set a new password with a reset link',
	'auth.setup_admin': () => 'set up the portal as its first admin',
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
};

/** Words for the record kinds, for actions without a phrase of their own. */
const nouns: Record<string, string> = {
	report: 'report',
	report_section: 'report section',
	study: 'thematic study',
	study_source: 'study source',
	study_milestone: 'study milestone',
	study_activity: 'agreed activity',
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

/** The event as one sentence, starting with who did it. */
export function auditSentence(f: AuditFacts): string {
	if (f.action === 'auth.sign_in_failed')
		return `A sign-in failed${detail(f, 'email') ? ` for ${detail(f, 'email')}` : ''}.`;
	// Work the scheduler does on its own (e.g. the retention purge) has no actor.
	const who =
		f.actorName ??
		(f.details?.scheduled ? 'The portal’s scheduler' : 'Someone (account since removed)');
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
			return f.ownerId ? `/report/${f.ownerId}` : null;
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
