/** Every mutation the UI makes, namespaced by noun (actions.auth.signIn, actions.cohort.create…). */
import { auth } from './auth';
import { cohort, invitation } from './admin';
import { checklist } from './checklist';
import { progress, quiz } from './curriculum';

export const server = { auth, cohort, invitation, checklist, progress, quiz };
