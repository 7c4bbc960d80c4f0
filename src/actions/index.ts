/** Every mutation the UI makes, namespaced by noun (actions.auth.signIn, actions.cohort.create…). */
// Loaded first: it gives every schema words for people where a rule has no message of its own.
import '~/lib/form-schemas';
import { assessment } from './assessment';
import { administration } from './administration';
import { auth } from './auth';
import { cen } from './cen';
import { cohort, invitation } from './admin';
import { checklist } from './checklist';
import { evaluation } from './evaluation';
import { followUp } from './follow-up';
import { progress, quiz } from './curriculum';
import { lab } from './lab';
import { outbox } from './outbox';
import { account } from './preferences';
import { call, edition } from './office';
import { assignment, nominatingContact, recusal, score, screening, selection } from './selection';
import { comment, logbook, notifications } from './logbook';
import { delivery } from './delivery';
import { adminMatter, alumni, letter } from './enrolment';
import { report } from './report';
import { review } from './review';
import { study } from './study';
import { secondFactor } from './second-factor';
import { passkey } from './passkey';

export const server = {
	auth,
	account,
	cohort,
	invitation,
	administration,
	checklist,
	progress,
	quiz,
	assessment,
	evaluation,
	followUp,
	lab,
	logbook,
	comment,
	notifications,
	review,
	study,
	report,
	delivery,
	cen,
	edition,
	call,
	screening,
	assignment,
	nominatingContact,
	recusal,
	score,
	selection,
	letter,
	adminMatter,
	alumni,
	outbox,
	secondFactor,
	passkey,
};
