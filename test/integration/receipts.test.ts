/** Receipts: an application's two emails and its printable page's facts, a report version's, its deliveries'. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { editionTable, mailOutboxTable, notificationTable } from '~db/schema';
import { readAnswers } from '~/lib/office/application-form';
import { answeredSections } from '~/lib/office/application-receipt';
import { saveApplication } from '~/lib/server/office/application';
import { findEdition } from '~/lib/server/office/edition';
import { confirmNomination, requestNomination } from '~/lib/server/office/nomination';
import { getReportForViewer, saveSection } from '~/lib/server/report/working-copy';
import { markOutlinePresented } from '~/lib/server/report/outline';
import { submitVersion } from '~/lib/server/report/submit-version';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { eligibleAnswers } from '../helpers/applications';

const t = useTestDb();

describe('an application submitted', () => {
	const july = Date.parse('2027-07-01T00:00:00Z');
	const answers = eligibleAnswers({ motivation: 'A private reason nobody else should read.' });

	async function applicationToken() {
		await t.db.insert(editionTable).values({
			id: 'ed2027',
			name: '2027/2028',
			slug: '2027-2028',
			applicationDeadline: '2027-07-31',
			selectionPeriod: 'September 2027',
			programmePeriod: 'November–December 2027',
			venue: 'RILO A/P, Tokyo, Japan',
			language: 'English',
		});
		const edition = (await findEdition(t.db, 'ed2027'))!;
		const { token } = await requestNomination(
			t.db,
			edition,
			{
				administrationId: 'wco-ap-japan',
				officerName: 'Officer One',
				officerPost: 'Director',
				officerEmail: 'officer@customs.example',
				candidateName: 'Cand Idate',
				candidateEmail: 'cand@customs.example',
			},
			july,
		);
		return (await confirmNomination(t.db, token, july + 1000)).applicationToken;
	}

	it('queues a receipt to the candidate and one to the nominating officer, without the answers', async () => {
		const token = await applicationToken();
		const before = (await t.db.select().from(mailOutboxTable)).length;
		const receipts = { publicUrl: 'https://portal.test', token, smtpConfigured: false };
		await saveApplication(t.db, token, answers, false, july + 2000, receipts);
		expect(await t.db.select().from(mailOutboxTable)).toHaveLength(before);
		await saveApplication(t.db, token, answers, true, july + 3000, receipts);
		const mail = (await t.db.select().from(mailOutboxTable)).slice(before);
		expect(mail.map((m) => m.to).sort()).toEqual([
			'cand@customs.example',
			'officer@customs.example',
		]);
		for (const m of mail) {
			expect(m.status).toBe('kept');
			expect(m.subject).toContain('receipt of the application of Cand Idate (2027/2028)');
			expect(m.text).toContain('The application of Cand Idate (Japan) to the 2027/2028 edition');
			// 2027-07-01 00:00:03 UTC is 09:00 in Tokyo.
			expect(m.text).toContain('submitted on 1 Jul 2027, 09:00 (Tokyo time)');
			expect(m.text).toContain('- Motivation and career: motivation, career path');
			expect(m.text).not.toContain('private reason');
		}
		const toCandidate = mail.find((m) => m.to === 'cand@customs.example')!;
		const toOfficer = mail.find((m) => m.to === 'officer@customs.example')!;
		expect(toCandidate.text).toContain(`https://portal.test/apply/receipt?token=${token}`);
		expect(toOfficer.text).not.toContain(token);
	});

	it('names only the parts answered', () => {
		const sections = answeredSections(readAnswers({ fullName: 'A', programming: ['python'] }));
		expect(sections).toEqual([
			{ title: 'About you', answered: ['full name'] },
			{ title: 'Expertise and skills', answered: ['programming'] },
		]);
	});
});

describe('the final report', () => {
	async function submitted() {
		const admin = await makeUser(t.db, 'admin');
		await makeUser(t.db, 'secretariat');
		const { participants } = await makeCohort(t.db, admin, 1);
		const p = participants[0]!;
		const view = (await getReportForViewer(t.db, p, p.id))!;
		const rec = view.sections.find((s) => s.kind === 'recommendations')!;
		await saveSection(t.db, p, rec.id, 1, { outline: '- One', notes: '' });
		await markOutlinePresented(t.db, p, p.id, '2026-12-24');
		// 2026-12-25 16:00 UTC is already 26 December in Tokyo, the cohort's time zone.
		await submitVersion(t.db, p, new Date('2026-12-25T16:00:00Z'));
		const receipts = await t.db
			.select()
			.from(notificationTable)
			.where(eq(notificationTable.userId, p.id));
		return { p, receipts: receipts.filter((n) => n.kind === 'receipt') };
	}

	it('gives the participant a receipt for the version submitted', async () => {
		const { receipts } = await submitted();
		const receipt = receipts.find((n) => n.text.startsWith('Receipt: you submitted'));
		expect(receipt?.text).toContain('version 1 of your final report on Sat 26 Dec 2026');
		expect(receipt?.link).toBe('/report#delivery');
	});

	it('confirms the delivery, naming the recipient still waiting for a contact', async () => {
		const { p, receipts } = await submitted();
		const confirmation = receipts.find((n) => n.text.includes('was delivered'));
		expect(confirmation?.text).toBe(
			`Version 1 of your final report was delivered to RILO A/P and the WCO Secretariat on Sat 26 Dec 2026. Delivery to Administration ${p.id} is pending: nobody there has an account yet, so the programme office will send them a link.`,
		);
	});
});
