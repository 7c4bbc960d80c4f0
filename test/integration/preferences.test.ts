/** Each person's choice per kind of message, the one-click link's token, and email honouring both. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notificationTable } from '~db/schema';
import { RuleError } from '~/lib/server/errors';
import { preferenceToken, readPreferenceToken } from '~/lib/server/notify/preference-link';
import { preferencesOf, setPreference } from '~/lib/server/notify/preferences';
import { flushNotificationEmails, notify } from '~/lib/server/notify/notification';
import { useTestDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const t = useTestDb();

describe('choosing', () => {
	it('starts from the defaults and keeps a choice per kind', async () => {
		const p = await makeUser(t.db, 'participant');
		expect((await preferencesOf(t.db, p.id)).receipt).toBe('immediately');
		await setPreference(t.db, p.id, 'receipt', 'off');
		await setPreference(t.db, p.id, 'deadline', 'digest');
		await setPreference(t.db, p.id, 'receipt', 'digest');
		const modes = await preferencesOf(t.db, p.id);
		expect(modes).toMatchObject({ receipt: 'digest', deadline: 'digest', activity: 'immediately' });
	});

	it('refuses to turn deadline reminders off and keeps the earlier choice', async () => {
		const p = await makeUser(t.db, 'participant');
		await setPreference(t.db, p.id, 'deadline', 'digest');
		const error = await setPreference(t.db, p.id, 'deadline', 'off').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RuleError);
		expect((error as RuleError).message).toMatch(/cannot be turned off/);
		expect((await preferencesOf(t.db, p.id)).deadline).toBe('digest');
	});
});

describe('the one-click link', () => {
	it('reads back the person and kind it was made for', async () => {
		const p = await makeUser(t.db, 'participant');
		const token = await preferenceToken(t.db, p.id, 'nudge');
		expect(await readPreferenceToken(t.db, token)).toEqual({ userId: p.id, kind: 'nudge' });
	});

	it('refuses a token altered in any part, or made for someone else', async () => {
		const p = await makeUser(t.db, 'participant');
		const other = await makeUser(t.db, 'participant');
		const token = await preferenceToken(t.db, p.id, 'nudge');
		const [userId, kind, sig] = token.split('.') as [string, string, string];
		const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
		for (const forged of [
			`${userId}.${kind}.${flipped}`,
			`${other.id}.${kind}.${sig}`,
			`${userId}.receipt.${sig}`,
			`${userId}.nosuchkind.${sig}`,
			`${userId}.${kind}`,
			`${token}.extra`,
			'',
		])
			expect(await readPreferenceToken(t.db, forged), forged).toBeNull();
	});
});

describe('notification email', () => {
	it('sends at once, leaves for the digest, or sends nothing, as each person chose', async () => {
		const [now, digest, off] = [
			await makeUser(t.db, 'participant'),
			await makeUser(t.db, 'participant'),
			await makeUser(t.db, 'participant'),
		];
		await setPreference(t.db, digest.id, 'activity', 'digest');
		await setPreference(t.db, off.id, 'activity', 'off');
		await notify(t.db, [now.id, digest.id, off.id], 'Your entry was approved.', '/logbook');
		const sent: string[] = [];
		const count = await flushNotificationEmails(t.db, async (_to, _text, _link, userId, kind) => {
			expect(kind).toBe('activity');
			sent.push(userId);
		});
		expect(count).toBe(1);
		expect(sent).toEqual([now.id]);
		const emailed = async (userId: string) =>
			(
				await t.db
					.select({ at: notificationTable.emailedAt })
					.from(notificationTable)
					.where(eq(notificationTable.userId, userId))
			)[0]!.at;
		// The digest's is left for the morning digest; the switched-off one is settled, never sent.
		expect(await emailed(digest.id)).toBeNull();
		expect(await emailed(off.id)).not.toBeNull();
		expect(await flushNotificationEmails(t.db, async () => void sent.push('again'))).toBe(0);
		expect(sent).toEqual([now.id]);
	});

	it('keeps deadline reminders coming to someone who tried to turn everything off', async () => {
		const p = await makeUser(t.db, 'participant');
		await setPreference(t.db, p.id, 'activity', 'off');
		await notify(t.db, [p.id], 'The final report is due in 3 days.', '/report', 'deadline');
		const sent: string[] = [];
		await flushNotificationEmails(t.db, async (_to, text) => void sent.push(text));
		expect(sent).toEqual(['The final report is due in 3 days.']);
	});
});
