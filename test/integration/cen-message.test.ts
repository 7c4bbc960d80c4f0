import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cenMessageReviewTable, notificationTable } from '~db/schema';
import { checkMessage } from '~/lib/server/cen/message-rules';
import {
	createMessage,
	decideMessage,
	findMessageForViewer,
	submitMessage,
	updateMessage,
} from '~/lib/server/cen/message';
import { blankMessage as blank, warningMessage as warning } from '../helpers/cen-messages';
import { makeSeizure, useTwoCohortsDb } from '../helpers/factories';

describe('message rules', () => {
	it('asks each type for its own fields', () => {
		expect(Object.keys(checkMessage({ ...blank, kind: 'warning' })).sort()).toEqual(
			[
				'indicators',
				'modusOperandi',
				'recipientGroup',
				'requestedAction',
				'riskIndicators',
				'routes',
				'subject',
			].sort(),
		);
		expect(Object.keys(checkMessage({ ...blank, kind: 'feedback' })).sort()).toEqual(
			['inReplyTo', 'recipientGroup', 'result', 'subject'].sort(),
		);
		expect(Object.keys(checkMessage({ ...blank, kind: 'seizure' })).sort()).toEqual(
			['modusOperandi', 'recipientGroup', 'routes', 'seizureId', 'subject'].sort(),
		);
		expect(checkMessage({ ...blank, kind: 'memo' })).toEqual({
			kind: expect.stringMatching(/warning, feedback or seizure/),
		});
		expect(checkMessage(warning({ recipientGroup: 'Everyone' })).recipientGroup).toMatch(/list/);
		expect(checkMessage(warning({ subject: 'Hi' })).subject).toMatch(/at least 8/);
		expect(checkMessage(warning())).toEqual({});
	});
});

describe('drafting, review and access', () => {
	const { t, setup } = useTwoCohortsDb();

	it('draft -> submitted -> changes requested -> edited -> resubmitted -> approved', async () => {
		const { mentor, p1 } = await setup();
		const m = await createMessage(t.db, p1, warning());
		expect(m).toMatchObject({ status: 'draft', version: 1, handling: 'restricted' });
		await submitMessage(t.db, p1, m.id, 1);
		await expect(decideMessage(t.db, mentor, m.id, 'changes_requested', ' ')).rejects.toMatchObject(
			{ field: 'comment' },
		);
		const c = await decideMessage(
			t.db,
			mentor,
			m.id,
			'changes_requested',
			'Name the transit hub in the routes.',
		);
		expect(c.status).toBe('changes_requested');
		const notes = await t.db
			.select()
			.from(notificationTable)
			.where(eq(notificationTable.userId, p1.id));
		expect(notes.at(-1)!.text).not.toContain('Ketamine'); // restricted subject stays out
		await expect(updateMessage(t.db, p1, m.id, 2, warning())).rejects.toMatchObject({
			code: 'conflict',
		});
		const u = await updateMessage(
			t.db,
			p1,
			m.id,
			3,
			warning({ routes: 'Dravania – Qasra (transit) – Kestrel Islands' }),
		);
		expect(u).toMatchObject({ status: 'changes_requested', version: 4 });
		await submitMessage(t.db, p1, m.id, 4);
		await expect(updateMessage(t.db, p1, m.id, 5, warning())).rejects.toMatchObject({
			code: 'forbidden',
		});
		const a = await decideMessage(t.db, mentor, m.id, 'approved', '');
		expect(a.status).toBe('approved');
		const reviews = await t.db
			.select()
			.from(cenMessageReviewTable)
			.where(eq(cenMessageReviewTable.messageId, m.id));
		expect(reviews.map((r) => r.decision)).toEqual(['changes_requested', 'approved']);
	});

	it('a seizure message reports one of the author’s own records', async () => {
		const { p1, p2 } = await setup();
		const own = await makeSeizure(t.db, p1);
		const other = await makeSeizure(t.db, p2);
		const form = {
			...blank,
			kind: 'seizure',
			subject: 'Cash strapped to body, outbound',
			recipientGroup: 'Practice CUG: national contact points',
			modusOperandi: 'Strapped to legs',
			routes: 'Veronia – Qasra',
		};
		await expect(createMessage(t.db, p1, { ...form, seizureId: other.id })).rejects.toMatchObject({
			field: 'seizureId',
		});
		const m = await createMessage(t.db, p1, { ...form, seizureId: own.id, indicators: 'dropped' });
		expect(m.seizureId).toBe(own.id);
		expect(m.indicators).toBe(''); // fields the type does not use are not stored
	});

	it('another participant or cohort cannot see or act on a message', async () => {
		const { admin, mentor, otherMentor, p1, p2 } = await setup();
		const m = await createMessage(t.db, p1, warning());
		expect(await findMessageForViewer(t.db, mentor, m.id)).not.toBeNull();
		expect(await findMessageForViewer(t.db, admin, m.id)).not.toBeNull();
		expect(await findMessageForViewer(t.db, p2, m.id)).toBeNull();
		expect(await findMessageForViewer(t.db, otherMentor, m.id)).toBeNull();
		await expect(submitMessage(t.db, p2, m.id, 1)).rejects.toMatchObject({ code: 'not_found' });
		await expect(updateMessage(t.db, p2, m.id, 1, warning())).rejects.toMatchObject({
			code: 'not_found',
		});
		await submitMessage(t.db, p1, m.id, 1);
		await expect(decideMessage(t.db, otherMentor, m.id, 'approved', '')).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(decideMessage(t.db, p2, m.id, 'approved', '')).rejects.toMatchObject({
			code: 'forbidden',
		});
	});
});
