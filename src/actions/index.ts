/** Every mutation the UI makes, namespaced by noun (actions.auth.signIn, actions.cohort.create…). */
import { auth } from './auth';
import { cen } from './cen';
import { cohort, invitation } from './admin';
import { checklist } from './checklist';
import { progress, quiz } from './curriculum';
import { lab } from './lab';
import { comment, logbook, notifications } from './logbook';
import { report } from './report';
import { review } from './review';
import { study } from './study';

export const server = {
	auth,
	cohort,
	invitation,
	checklist,
	progress,
	quiz,
	lab,
	logbook,
	comment,
	notifications,
	review,
	study,
	report,
	cen,
};
