/**
 * Throttling of the public /verify pages, like sign-in: unknown codes count against the
 * client's address; past a few, each one makes the next check wait longer, then the address
 * is held back for a while. Codes that exist never count.
 */
import type { AstroGlobal } from 'astro';
import type { Db } from '~db/client';
import { blockedUntil, recordFailure, throttleKey } from '../auth/throttle';

/** The client address of a page request (behind a proxy, the first X-Forwarded-For hop). */
export function pageAddress(astro: AstroGlobal): string {
	const forwarded = astro.request.headers.get('x-forwarded-for');
	if (forwarded && process.env.TRUST_PROXY === '1') return forwarded.split(',')[0]!.trim();
	try {
		return astro.clientAddress;
	} catch {
		return 'unknown';
	}
}

/** When this address may check again, or null when it is not held back. */
export function verifyBlockedUntil(db: Db, address: string): Promise<Date | null> {
	return blockedUntil(db, [throttleKey('verify', address)]);
}

/** Counts an unknown code against the address. */
export async function countUnknownCode(db: Db, address: string): Promise<void> {
	await recordFailure(db, 'verify', throttleKey('verify', address));
}
