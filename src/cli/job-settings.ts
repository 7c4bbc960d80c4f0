/** The scheduler's settings from the environment (the server and `npm run jobs` read the same). */
import type { JobSettings } from '../lib/server/clock/run-jobs';
import { defaultRetentionMonths } from '../lib/server/office/purge';

/**
 * Reads SMTP_URL, SMTP_FROM, PUBLIC_URL (else http://HOST:PORT), APPLICATION_RETENTION_MONTHS and
 * OFFICE_CONTACT_EMAIL.
 */
export function jobSettingsFromEnv(env = process.env): JobSettings {
	const host = env.HOST ?? '127.0.0.1';
	const port = env.PORT ?? '4321';
	return {
		smtpUrl: env.SMTP_URL || undefined,
		from: env.SMTP_FROM ?? 'RILO A/P Programme Portal <no-reply@localhost>',
		publicUrl: (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
		retentionMonths: Number(env.APPLICATION_RETENTION_MONTHS ?? defaultRetentionMonths),
		// The same default as astro.config's OFFICE_CONTACT_EMAIL (a demo value: set the real one).
		officeEmail: env.OFFICE_CONTACT_EMAIL || 'programme-office@rilo-ap.example',
	};
}
