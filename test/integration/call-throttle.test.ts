/**
 * The public call's throttle: junk from one address holds that address back, never the holder
 * of a valid link behind it (a candidate in the same office network).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationTable } from '~db/schema';
import { hashToken } from '~/lib/server/ids';
import { blockedUntil, recordFailure } from '~/lib/server/auth/throttle';
import { callThrottleKey } from '~/lib/server/office/call-throttle';
import { useTestDb } from '../helpers/db';
import { makeApplication, makeEdition } from '../helpers/factories';

const t = useTestDb();
const address = '203.0.113.7';

describe('the public call throttle', () => {
	it('counts a valid token apart from its address, and junk against the address', async () => {
		const edition = await makeEdition(t.db, '2027-06-30');
		const app = await makeApplication(t.db, edition.id, 'wco-ap-japan', 'Ana Candidate', {
			status: 'draft',
		});
		await t.db
			.update(applicationTable)
			.set({ tokenHash: hashToken('candidate-link-token-1') })
			.where(eq(applicationTable.id, app.id));
		const addressKey = await callThrottleKey(t.db, address);
		for (let i = 0; i < 30; i++) await recordFailure(t.db, 'call', addressKey);
		expect(await blockedUntil(t.db, [addressKey])).not.toBeNull();
		// An unknown token is the address again: junk cannot buy itself a fresh key.
		expect(await callThrottleKey(t.db, address, 'made-up-token-123')).toBe(addressKey);
		const holderKey = await callThrottleKey(t.db, address, 'candidate-link-token-1');
		expect(holderKey).not.toBe(addressKey);
		expect(await blockedUntil(t.db, [holderKey])).toBeNull();
	});
});
