/**
 * Sign-in throttling, kept in the database so every app instance sees the same counters.
 * A few failures are free; then each failure makes the next attempt wait longer; past a
 * limit the key is blocked for a while. Counters fade after an hour without failures.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { loginThrottleTable } from '~db/schema';
import { findRow } from '../find-row';

/** How a key is throttled. A training room shares one address, so addresses get more room. */
type Policy = { freeFailures: number; blockAfter: number; blockMs: number };
const policies = {
	account: { freeFailures: 3, blockAfter: 10, blockMs: 15 * 60 * 1000 },
	address: { freeFailures: 20, blockAfter: 50, blockMs: 15 * 60 * 1000 },
	/** Wrong second-factor codes of one person (a 6-digit code needs a tighter limit). */
	factor: { freeFailures: 3, blockAfter: 10, blockMs: 15 * 60 * 1000 },
	/** The public call: every nomination sent, and every unknown link, counts per address. */
	call: { freeFailures: 10, blockAfter: 30, blockMs: 15 * 60 * 1000 },
	/** Public checks of letter and certificate codes: every unknown code counts per address. */
	verify: { freeFailures: 20, blockAfter: 50, blockMs: 15 * 60 * 1000 },
} satisfies Record<string, Policy>;
/** Failures older than this no longer count. */
const forgetAfterMs = 60 * 60 * 1000;

export type ThrottleKind = keyof typeof policies;

/** The database key for an account (by email) or a client address. */
export function throttleKey(kind: ThrottleKind, value: string): string {
	return `${kind}:${value.toLowerCase()}`;
}

/** How long a key must wait after `failures` failures (0 = not at all). */
export function waitAfter(kind: ThrottleKind, failures: number): number {
	const p = policies[kind];
	if (failures >= p.blockAfter) return p.blockMs;
	if (failures <= p.freeFailures) return 0;
	return Math.min(1000 * 2 ** (failures - p.freeFailures), p.blockMs);
}

/** When the earliest of these keys may try again, or null when none is held back. */
export async function blockedUntil(db: Db, keys: string[], now = Date.now()): Promise<Date | null> {
	let latest = 0;
	for (const key of keys) {
		const row = await findRow(db, loginThrottleTable, eq(loginThrottleTable.key, key));
		const until = row?.blockedUntil?.getTime() ?? 0;
		if (until > now && until > latest) latest = until;
	}
	return latest ? new Date(latest) : null;
}

/** Counts a failure against a key, atomically, and sets how long it must now wait. */
export async function recordFailure(db: Db, kind: ThrottleKind, key: string, now = Date.now()) {
	const stale = now - forgetAfterMs;
	const [row] = await db
		.insert(loginThrottleTable)
		.values({ key, failures: 1, lastFailureAt: new Date(now) })
		.onConflictDoUpdate({
			target: loginThrottleTable.key,
			set: {
				failures: sql`case when ${loginThrottleTable.lastFailureAt} < ${stale} then 1 else ${loginThrottleTable.failures} + 1 end`,
				lastFailureAt: new Date(now),
			},
		})
		.returning({ failures: loginThrottleTable.failures });
	const wait = waitAfter(kind, row!.failures);
	if (wait > 0)
		await db
			.update(loginThrottleTable)
			.set({ blockedUntil: new Date(now + wait) })
			.where(eq(loginThrottleTable.key, key));
	return { failures: row!.failures, blockedUntil: wait > 0 ? new Date(now + wait) : null };
}

/** Forgets an account's failures after a successful sign-in. */
export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.delete(loginThrottleTable).where(eq(loginThrottleTable.key, key));
}
