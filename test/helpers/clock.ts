/** The settings the programme's clock runs with in tests: the test portal's address and sender. */
import type { JobSettings } from '~/lib/server/clock/run-jobs';

/** Without `smtpUrl` every email waits in the outbox, where a test can count it. */
export function jobSettings(smtpUrl?: string): JobSettings {
	return {
		smtpUrl,
		from: 'Portal <no-reply@portal.test>',
		publicUrl: 'https://portal.test',
		retentionMonths: 6,
	};
}
