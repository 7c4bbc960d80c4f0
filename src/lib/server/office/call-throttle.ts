/**
 * The public call's throttle key. A candidate behind the same network address as someone
 * sending junk must still save and submit: a request that carries a link token the portal
 * issued (an open application or a nomination awaiting confirmation) is counted against that
 * token; every other request against the client address.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { applicationTable, nominationTable } from '~db/schema';
import { throttleKey } from '../auth/throttle';
import { findRow } from '../find-row';
import { hashToken } from '../ids';

/** The key a public-call request is counted and held back under. */
export async function callThrottleKey(db: Db, address: string, token?: string): Promise<string> {
	if (token && token.length <= 100) {
		const hash = hashToken(token);
		const known =
			(await findRow(db, applicationTable, eq(applicationTable.tokenHash, hash))) ??
			(await findRow(db, nominationTable, eq(nominationTable.verifyTokenHash, hash)));
		if (known) return throttleKey('call', `token:${hash}`);
	}
	return throttleKey('call', address);
}
