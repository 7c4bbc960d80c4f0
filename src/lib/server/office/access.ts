/**
 * Who may read applications (they hold personal data): admins, and the WCO Secretariat once
 * that role exists. Every application page and query asks here, so the rule lives in one place.
 */
import { RuleError } from '../errors';

/** Roles that read and screen applications. */
const applicationReaders: readonly string[] = ['admin', 'secretariat'];

/** True when this person may read applications. */
export function mayReadApplications(user: { role: string } | null | undefined): boolean {
	return Boolean(user && applicationReaders.includes(user.role));
}

/** Refuses (403) anyone who may not read applications. */
export function assertApplicationReader(user: { role: string } | null | undefined): void {
	if (!mayReadApplications(user))
		throw new RuleError('forbidden', 'Only the programme office reads applications.');
}
