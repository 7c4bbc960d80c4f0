/**
 * Sign-ins from a device a person has not used before (as describeDevice names it) are told to
 * them by email, so a stolen password shows. The very first sign-in tells nothing.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { knownDeviceTable } from '~db/schema';
import type { Mail } from '../notify/mail';

/** Remembers the device; true when it is new and the person had signed in from another before. */
export async function noteDevice(db: Db, userId: string, device: string, now = Date.now()) {
	const known = await db
		.select({ device: knownDeviceTable.device })
		.from(knownDeviceTable)
		.where(eq(knownDeviceTable.userId, userId));
	if (known.some((k) => k.device === device)) return false;
	await db
		.insert(knownDeviceTable)
		.values({ userId, device, firstSeenAt: new Date(now) })
		.onConflictDoNothing();
	return known.length > 0;
}

/** The email about a sign-in from a new device (no link in it: phishing looks like links). */
export function newDeviceMail(input: {
	to: string;
	name: string;
	device: string;
	when: string;
}): Mail {
	return {
		to: input.to,
		subject: 'New sign-in to the RILO A/P Programme Portal',
		text: [
			`Dear ${input.name},`,
			'',
			`Your account was signed in from a device it had not been used on before: ${input.device}, on ${input.when}.`,
			'',
			'If this was you, there is nothing to do.',
			'If it was not you, sign in, change your password on your account page (which signs out every other session) and tell the programme admin.',
		].join('\n'),
	};
}
