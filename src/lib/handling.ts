/**
 * The handling marking every record and material has: restricted text never leaves the portal
 * (emails, notifications and exports withhold it). One default for every form that makes a
 * record (log entries, CEN messages, uploads, saved searches, lab charts). Pure.
 */
import type { Handling } from '~db/schema';

/** The marking a new record gets unless its author chooses the other. */
export const defaultHandling: Handling = 'unrestricted';

/** The markings in words. */
export const handlingLabels: Record<Handling, string> = {
	restricted: 'Restricted',
	unrestricted: 'Unrestricted',
};

/** The sentence every marking field shows under its choices. */
export const defaultHandlingNote = `New records are ${handlingLabels[defaultHandling].toLowerCase()} unless you choose otherwise.`;
