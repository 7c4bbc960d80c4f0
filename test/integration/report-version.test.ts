/** Submitted versions, decisions, the read-only accepted report, certificates and the Word export's structure. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	auditEventTable,
	certificateTable,
	reportCommentTable,
	reportSectionTable,
} from '~db/schema';
import {
	addSection,
	deleteSection,
	getReportForViewer,
	moveSection,
	renameSection,
	restoreRevision,
	saveSection,
} from '~/lib/server/report/working-copy';
import { draftReportFromLog } from '~/lib/server/report/draft-from-log';
import { addReportComment, resolveReportComment } from '~/lib/server/report/comment';
import { markOutlinePresented } from '~/lib/server/report/outline';
import { findVersion } from '~/lib/server/report/versions';
import { submitVersion } from '~/lib/server/report/submit-version';
import { acceptVersion, returnForCorrections } from '~/lib/server/report/decide-version';
import { findCertificate, verifyCertificate } from '~/lib/server/report/certificate';
import { exportMarkdown } from '~/lib/server/report/export-markdown';
import { reportDocx } from '~/lib/server/report/docx';
import { deliveryPack } from '~/lib/server/oversight/delivery';
import { editionLabel } from '~/lib/report/rules';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { factoryMoments } from '../helpers/cohort-dates';

const t = useTestDb();

// The factory cohort: departure 2026-12-26, corrections until 2027-01-26 (Tokyo days).
const {
	duringOjt: beforeDeparture,
	afterDeparture,
	afterCorrections: afterWindow,
} = factoryMoments;

async function setup() {
	const admin = await makeUser(t.db, 'admin', 'Aiko Admin');
	const a = await makeCohort(t.db, admin, 2);
	const [p1, p2] = a.participants as [(typeof a.participants)[0], (typeof a.participants)[0]];
	const mentor = a.mentor;
	const view = (await getReportForViewer(t.db, p1, p1.id))!;
	const section = (kind: string) => view.sections.find((s) => s.kind === kind)!;
	await saveSection(t.db, p1, section('recommendations').id, 1, {
		outline: '- First recommendation',
		notes: '',
	});
	await markOutlinePresented(t.db, p1, p1.id, '2026-12-24');
	return { admin, mentor, p1, p2, section };
}

const audit = async (action: string) =>
	t.db.select().from(auditEventTable).where(eq(auditEventTable.action, action));

describe('submitting a version', () => {
	it('freezes every section: editing the working copy does not change version 1', async () => {
		const { mentor, p1, section } = await setup();
		const v1 = await submitVersion(t.db, p1, new Date('2026-12-25T01:00:00Z'));
		expect(v1).toMatchObject({ number: 1, decision: 'pending' });
		expect(v1.submittedAt.toISOString()).toBe('2026-12-25T01:00:00.000Z');
		const rec = section('recommendations');
		await saveSection(t.db, p1, rec.id, 2, { outline: '- Rewritten afterwards', notes: 'x' });
		const frozen = (await findVersion(t.db, p1.id, 1))!;
		expect(frozen.sections.map((s) => s.kind)).toEqual([
			'activities',
			'study_results',
			'recommendations',
			'evaluation',
		]);
		expect(frozen.sections[2]).toMatchObject({ outline: '- First recommendation', notes: '' });
		// Mentors' exports act on the submitted version, not on the working copy.
		const md = (await exportMarkdown(t.db, mentor, p1.id, 'full'))!;
		expect(md.markdown).toContain('First recommendation');
		expect(md.markdown).not.toContain('Rewritten afterwards');
		expect(md.fileName('docx')).toMatch(/^final-report-.*-version-1\.docx$/);
		const own = (await exportMarkdown(t.db, p1, p1.id, 'full'))!;
		expect(own.markdown).toContain('Rewritten afterwards');
		const [event] = await audit('report.version_submit');
		expect(event).toMatchObject({ actorId: p1.id, subjectId: v1.id });
	});

	it('is refused before the outline presentation and for anyone but the participant', async () => {
		const admin = await makeUser(t.db, 'admin');
		const { mentor, participants } = await makeCohort(t.db, admin, 1);
		await expect(submitVersion(t.db, participants[0]!)).rejects.toThrow(/outline presentation/);
		await expect(submitVersion(t.db, mentor)).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('returning for corrections', () => {
	it('names sections and what to correct, within the corrections window only', async () => {
		const { mentor, p1 } = await setup();
		await submitVersion(t.db, p1);
		await expect(
			returnForCorrections(t.db, mentor, p1.id, {
				corrections: [{ position: 3, what: ' ' }],
				note: 'x',
			}),
		).rejects.toMatchObject({ code: 'invalid', field: 'correction' });
		await expect(
			returnForCorrections(
				t.db,
				mentor,
				p1.id,
				{ corrections: [{ position: 3, what: 'Add a time frame' }], note: '' },
				afterWindow,
			),
		).rejects.toThrow(/corrections window closed/);
		// The last day of the window still counts.
		await returnForCorrections(
			t.db,
			mentor,
			p1.id,
			{ corrections: [{ position: 3, what: 'Add a time frame\r\nand a cost' }], note: 'Good work' },
			new Date('2027-01-26T10:00:00Z'),
		);
		const v1 = (await findVersion(t.db, p1.id, 1))!;
		expect(v1).toMatchObject({
			decision: 'returned',
			decidedBy: mentor.id,
			decisionNote: 'Good work',
		});
		expect(v1.sections[2]!.correction).toBe('Add a time frame\nand a cost');
		expect(v1.sections[0]!.correction).toBe('');
		const [event] = await audit('report.version_return');
		expect(event).toMatchObject({ actorId: mentor.id, subjectId: v1.id });
		expect(event!.details).toMatchObject({
			sections: ['Recommendation(s) to the home administration'],
		});
		const v2 = await submitVersion(t.db, p1);
		expect(v2.number).toBe(2);
		expect((await findVersion(t.db, p1.id))!.number).toBe(2);
	});

	it('is a 404 for a mentor of another cohort and refused to the participant', async () => {
		const { admin, p1 } = await setup();
		await submitVersion(t.db, p1);
		const other = await makeCohort(t.db, admin, 1);
		const request = { corrections: [{ position: 1, what: 'x' }], note: '' };
		await expect(returnForCorrections(t.db, other.mentor, p1.id, request)).rejects.toMatchObject({
			code: 'not_found',
		});
		await expect(returnForCorrections(t.db, p1, p1.id, request)).rejects.toMatchObject({
			code: 'forbidden',
		});
	});
});

describe('accepting', () => {
	it('is refused before the participant’s departure, then closes the report and issues a verifiable certificate', async () => {
		const { admin, mentor, p1 } = await setup();
		await expect(acceptVersion(t.db, admin, p1.id, afterDeparture)).rejects.toThrow(
			/No submitted version/,
		);
		await submitVersion(t.db, p1);
		await expect(acceptVersion(t.db, mentor, p1.id, beforeDeparture)).rejects.toThrow(
			/from the participant’s departure on/,
		);
		expect(await audit('report.version_accept')).toHaveLength(0);
		await returnForCorrections(t.db, mentor, p1.id, {
			corrections: [{ position: 1, what: 'More detail' }],
			note: '',
		});
		await submitVersion(t.db, p1);
		await acceptVersion(t.db, mentor, p1.id, afterDeparture);
		const report = (await getReportForViewer(t.db, p1, p1.id))!.report;
		expect(report).toMatchObject({ status: 'closed', closedOn: '2027-01-05' });
		const [event] = await audit('report.version_accept');
		expect(event).toMatchObject({ actorId: mentor.id });
		const certificate = (await findCertificate(t.db, p1.id))!;
		expect(certificate.versionNumber).toBe(2);
		// The one verification code format: "C" and 15 Crockford characters, printed in groups.
		expect(certificate.code).toMatch(/^C[0-9A-HJKMNP-TV-Z]{15}$/);
		const verified = (await verifyCertificate(t.db, certificate.code))!;
		expect(verified).toMatchObject({ name: p1.name, versionNumber: 2, signedBy: mentor.name });
		// Typed in groups with dashes or spaces, in any case, it verifies the same.
		const grouped = certificate.code.match(/.{4}/g)!;
		for (const typed of [grouped.join('-'), grouped.join(' ').toLowerCase()])
			expect((await verifyCertificate(t.db, typed))?.versionNumber).toBe(2);
		// A certificate issued with an older 32-character code still verifies.
		const old = 'abcdefghijklmnopqrstuvwxyz234567';
		await t.db.update(certificateTable).set({ code: old });
		expect((await verifyCertificate(t.db, old.toUpperCase()))?.name).toBe(p1.name);
		expect(verified.cohort.departureDate).toBe('2026-12-26');
		expect(await verifyCertificate(t.db, 'a'.repeat(32))).toBeNull();
		expect(await verifyCertificate(t.db, '../../etc')).toBeNull();
		await expect(acceptVersion(t.db, admin, p1.id, afterDeparture)).rejects.toThrow(
			/already closed/,
		);
	});
});

describe('an accepted report', () => {
	it('refuses every write from every report action, and nothing changes', async () => {
		const { mentor, p1, section } = await setup();
		const custom = await addSection(t.db, p1, 'Annex');
		const [comment] = await Promise.all([
			addReportComment(t.db, mentor, { sectionId: custom.id, quote: '', body: 'Nice' }),
		]);
		void comment;
		await submitVersion(t.db, p1);
		await acceptVersion(t.db, mentor, p1.id, afterDeparture);
		const before = JSON.stringify(
			await t.db
				.select()
				.from(reportSectionTable)
				.where(eq(reportSectionTable.participantId, p1.id)),
		);
		const [thread] = await t.db
			.select()
			.from(reportCommentTable)
			.where(eq(reportCommentTable.sectionId, custom.id));
		const rec = section('recommendations');
		const refused = [
			saveSection(t.db, p1, rec.id, 2, { outline: 'late', notes: '' }),
			saveSection(t.db, p1, rec.id, 2, { outline: 'late', notes: '' }, 'autosave'),
			addSection(t.db, p1, 'Late section'),
			renameSection(t.db, p1, custom.id, 'Renamed'),
			moveSection(t.db, p1, custom.id, 'up'),
			deleteSection(t.db, p1, custom.id),
			restoreRevision(t.db, p1, rec.id, 1, 2),
			draftReportFromLog(t.db, p1),
			addReportComment(t.db, p1, { sectionId: rec.id, quote: '', body: 'late' }),
			addReportComment(t.db, mentor, { sectionId: rec.id, quote: '', body: 'late' }),
			resolveReportComment(t.db, p1, thread!.id),
			markOutlinePresented(t.db, p1, p1.id, '2027-01-06'),
			submitVersion(t.db, p1),
			returnForCorrections(t.db, mentor, p1.id, {
				corrections: [{ position: 1, what: 'x' }],
				note: '',
			}),
			acceptVersion(t.db, mentor, p1.id, afterDeparture),
		];
		for (const [i, attempt] of refused.entries())
			await expect(attempt, `attempt ${i}`).rejects.toThrow(/read-only|already closed/);
		expect(
			JSON.stringify(
				await t.db
					.select()
					.from(reportSectionTable)
					.where(eq(reportSectionTable.participantId, p1.id)),
			),
		).toBe(before);
		const [still] = await t.db
			.select()
			.from(reportCommentTable)
			.where(eq(reportCommentTable.id, thread!.id));
		expect(still!.resolvedAt).toBeNull();
	});
});

describe('stored text', () => {
	it('has one line-ending convention whatever the browser sent', async () => {
		const { mentor, p1, section } = await setup();
		const s = section('activities');
		const row = await saveSection(t.db, p1, s.id, 1, {
			outline: '- one\r\n- two\r\n  - nested\r- three',
			notes: 'a\r\nb',
		});
		expect(row.outline).toBe('- one\n- two\n  - nested\n- three');
		expect(row.notes).toBe('a\nb');
		await addReportComment(t.db, mentor, { sectionId: s.id, quote: 'x\r\ny', body: 'p\r\nq' });
		const [c] = await t.db
			.select()
			.from(reportCommentTable)
			.where(eq(reportCommentTable.sectionId, s.id));
		expect([c!.quote, c!.body]).toEqual(['x\ny', 'p\nq']);
		const custom = await addSection(t.db, p1, 'Two\r\nlines');
		expect(custom.title).toBe('Two lines');
	});
});

describe('the Word export', () => {
	it('turns Markdown into real Word lists, levels, headings, emphasis, links and tables', async () => {
		const { p1, section } = await setup();
		await saveSection(t.db, p1, section('activities').id, 1, {
			outline: [
				'### Week one',
				'- first **bold** point\r',
				'- second point with a [link](https://www.wcoomd.org)\r',
				'  - nested *point*\r',
				'    - deeper point\r',
				'',
				'1. ordered one',
				'2. ordered two',
			].join('\n'),
			notes: '| Area | Hours |\n|---|---:|\n| Data analysis | 12 |',
		});
		const md = (await exportMarkdown(t.db, p1, p1.id, 'full'))!;
		const { unzipSync, strFromU8 } = await import('fflate');
		const files = unzipSync(new Uint8Array(await reportDocx(md.docx)));
		const xml = strFromU8(files['word/document.xml']!);
		const paragraphs = xml
			.split('<w:p>')
			.concat(xml.split('<w:p '))
			.filter((p) => p.includes('</w:p>'));
		const para = (text: string) => paragraphs.find((p) => p.includes(text)) ?? '';
		expect(para('first ')).toMatch(/<w:numPr><w:ilvl w:val="0"\/>/);
		expect(para('nested ')).toMatch(/<w:ilvl w:val="1"\/>/);
		expect(para('deeper point')).toMatch(/<w:ilvl w:val="2"\/>/);
		expect(para('ordered two')).toMatch(/<w:numPr>/);
		expect(xml).not.toMatch(/<w:t[^>]*>- /);
		expect(para('bold')).toMatch(/<w:b\/>/);
		expect(para('Week one')).toMatch(/<w:pStyle w:val="Heading\d"\/>/);
		expect(xml).toContain('<w:hyperlink');
		expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain('https://www.wcoomd.org');
		expect(xml).toContain('<w:tbl>');
		expect(xml).toContain('Data analysis');
		expect(strFromU8(files['word/numbering.xml']!)).toContain('w:numFmt w:val="decimal"');
	});
});

describe('the Word file a recipient receives', () => {
	async function docxParts(bytes: ArrayBuffer) {
		const { unzipSync, strFromU8 } = await import('fflate');
		const files = unzipSync(new Uint8Array(bytes));
		const text = (name: string) => strFromU8(files[name]!).replace(/<[^>]+>/g, '');
		const names = Object.keys(files);
		return {
			headers: names
				.filter((n) => /^word\/header\d*\.xml$/.test(n))
				.map(text)
				.join(' '),
			footers: names.filter((n) => /^word\/footer\d*\.xml$/.test(n)),
			footerXml: names
				.filter((n) => /^word\/footer\d*\.xml$/.test(n))
				.map((n) => strFromU8(files[n]!))
				.join(''),
			body: text('word/document.xml'),
		};
	}

	it('has page numbers, a running head with participant, edition and version, and the acceptance once accepted', async () => {
		const { mentor, p1 } = await setup();
		await submitVersion(t.db, p1);
		const before = (await exportMarkdown(t.db, mentor, p1.id, 'full', 1))!;
		let parts = await docxParts(await reportDocx(before.docx));
		const edition = before.meta.edition;
		expect(parts.headers).toContain(p1.name);
		expect(parts.headers).toContain(editionLabel(edition));
		expect(parts.headers).not.toContain('edition edition');
		expect(parts.headers).toContain('Final report, version 1');
		expect(parts.headers).not.toContain('Accepted');
		// "Page N of M" from Word's own fields, in the footer.
		expect(parts.footers.length).toBeGreaterThan(0);
		expect(parts.footerXml).toMatch(/PAGE/);
		expect(parts.footerXml).toMatch(/NUMPAGES/);
		expect(parts.footerXml).toContain('Page ');

		// Accepted at 20:00 UTC on 4 January: already 5 January in Tokyo, the day printed.
		await acceptVersion(t.db, mentor, p1.id, new Date('2027-01-04T20:00:00Z'));
		const after = (await exportMarkdown(t.db, mentor, p1.id, 'full', 1))!;
		parts = await docxParts(await reportDocx(after.docx));
		const mark = `Accepted on Tue 5 Jan 2027 by ${mentor.name}`;
		expect(parts.headers).toContain(mark);
		expect(parts.body).toContain(mark);
		expect(after.markdown).toContain(mark);
		// The file a home administration downloads from its delivery link says the same.
		const version = (await findVersion(t.db, p1.id, 1))!;
		const pack = await deliveryPack(t.db, version);
		parts = await docxParts(await reportDocx(pack.docx));
		expect(parts.headers).toContain(mark);
		expect(parts.headers).toContain(p1.name);
		expect(parts.footerXml).toMatch(/NUMPAGES/);
	});
});
