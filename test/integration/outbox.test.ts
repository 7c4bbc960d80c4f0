/** The mail queue against a real SMTP server that refuses one mailbox: back-off, failure, sending again. */
import { beforeEach, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutboxTable } from '~db/schema';
import {
	countByStatus,
	deliverQueuedMail,
	queueMail,
	resendMail,
	retryDelaysMs,
} from '~/lib/server/notify/mail-queue';
import { listOutbox } from '~/lib/server/notify/outbox';
import { useTestDb } from '../helpers/db';
import { useSmtpServer } from '../helpers/smtp';

/** While true the server takes the envelope but refuses every message body (a full mailbox). */
let refuseData = false;
const smtp = useSmtpServer({
	recipient: (address) => address.endsWith('@refused.test'),
	data: () => refuseData,
});
/** The recipients of every message the server took, in order. */
const accepted = () => smtp.received.flatMap((m) => m.to);

const t = useTestDb();
beforeEach(() => {
	refuseData = false;
});

/** Where the queue delivers: the test server, read once it listens. */
const delivery = () => ({ smtpUrl: smtp.url, from: 'Portal <no-reply@portal.test>' });
const row = async (id: string) =>
	(await t.db.select().from(mailOutboxTable).where(eq(mailOutboxTable.id, id)))[0]!;

it('sends a good message, retries a refused one with growing waits, then marks it failed', async () => {
	const start = new Date('2026-12-01T00:00:00Z');
	const good = await queueMail(
		t.db,
		{ to: 'p@customs.test', subject: 'Hi', text: 'x' },
		true,
		start,
	);
	const bad = await queueMail(
		t.db,
		{ to: 'p@refused.test', subject: 'Hi', text: 'x' },
		true,
		start,
	);
	const settings = delivery();

	expect(await deliverQueuedMail(t.db, settings, start)).toEqual({
		sent: 1,
		retrying: 1,
		failed: 0,
	});
	expect(accepted()).toEqual(['p@customs.test']);
	expect(await row(good)).toMatchObject({ status: 'sent', attempts: 1, sentAt: start });
	let refused = await row(bad);
	expect(refused).toMatchObject({ status: 'queued', attempts: 1 });
	expect(refused.lastError).toMatch(/550/);

	// Not due yet: a run just before the wait ends leaves it alone.
	const early = new Date(refused.nextAttemptAt!.getTime() - 1);
	expect(await deliverQueuedMail(t.db, settings, early)).toEqual({
		sent: 0,
		retrying: 0,
		failed: 0,
	});

	const waits: number[] = [];
	let at = start;
	for (let i = 0; i < retryDelaysMs.length; i++) {
		waits.push(refused.nextAttemptAt!.getTime() - at.getTime());
		at = refused.nextAttemptAt!;
		const run = await deliverQueuedMail(t.db, settings, at);
		refused = await row(bad);
		expect(run.sent).toBe(0);
		expect(refused.attempts).toBe(i + 2);
	}
	expect(waits).toEqual(retryDelaysMs);
	for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
	expect(refused).toMatchObject({ status: 'failed', nextAttemptAt: null });
	expect(refused.lastError).toMatch(/550/);
	expect(await countByStatus(t.db)).toEqual({ kept: 0, queued: 0, sent: 1, failed: 1 });
	expect(accepted()).toEqual(['p@customs.test']);
});

it('lets an admin send a failed or kept message again, and only those, only with SMTP', async () => {
	const now = new Date('2026-12-01T00:00:00Z');
	const kept = await queueMail(t.db, { to: 'k@customs.test', subject: 'K', text: 'x' }, false, now);
	const sent = await queueMail(t.db, { to: 's@customs.test', subject: 'S', text: 'x' }, true, now);
	await deliverQueuedMail(t.db, delivery(), now);
	await t.db
		.update(mailOutboxTable)
		.set({ status: 'failed', attempts: 6, lastError: '550 Mailbox unavailable' })
		.where(eq(mailOutboxTable.id, kept));

	expect(await resendMail(t.db, kept, false, now)).toBe(false);
	expect(await resendMail(t.db, sent, true, now)).toBe(false);
	expect(await resendMail(t.db, kept, true, now)).toBe(true);
	expect(await row(kept)).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
	expect(await deliverQueuedMail(t.db, delivery(), now)).toMatchObject({ sent: 1 });
	expect(await row(kept)).toMatchObject({ status: 'sent', attempts: 1 });
	expect(accepted()).toEqual(['s@customs.test', 'k@customs.test']);
});

it('sends a message again once the server that refused it takes mail again', async () => {
	refuseData = true;
	let at = new Date('2026-12-01T00:00:00Z');
	const id = await queueMail(t.db, { to: 'y@customs.test', subject: 'Y', text: 'x' }, true, at);
	for (let i = 0; i <= retryDelaysMs.length; i++) {
		await deliverQueuedMail(t.db, delivery(), at);
		at = (await row(id)).nextAttemptAt ?? at;
	}
	expect(await row(id)).toMatchObject({ status: 'failed', attempts: retryDelaysMs.length + 1 });
	expect((await row(id)).lastError).toMatch(/452/);
	refuseData = false;
	expect(await resendMail(t.db, id, true, at)).toBe(true);
	expect(await deliverQueuedMail(t.db, delivery(), at)).toMatchObject({ sent: 1 });
	expect(await row(id)).toMatchObject({ status: 'sent', lastError: null });
	expect(accepted()).toEqual(['y@customs.test']);
});

it('finds one person’s messages among the rest, by all or part of the address', async () => {
	for (let i = 0; i < 120; i++)
		await queueMail(t.db, { to: `someone${i}@other.test`, subject: 'Other', text: 'x' }, false);
	await queueMail(
		t.db,
		{ to: 'Mara.Santos@Customs.test', subject: 'Reminder', text: 'Where to act' },
		false,
		new Date(Date.now() - 86_400_000),
	);
	// Older than the newest 100: not on the unfiltered list, found by the recipient.
	expect((await listOutbox(t.db, 'kept')).some((m) => m.subject === 'Reminder')).toBe(false);
	const found = await listOutbox(t.db, 'kept', 100, 'mara.santos@customs');
	expect(found.map((m) => m.subject)).toEqual(['Reminder']);
	expect(await listOutbox(t.db, 'sent', 100, 'mara.santos')).toEqual([]);
});
