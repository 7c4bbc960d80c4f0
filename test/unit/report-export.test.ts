import { describe, expect, it } from 'vitest';
import { exportFileName, reportMarkdown, type ExportMeta } from '~/lib/report/export';
import { describeDraft, editionLabel } from '~/lib/report/rules';
import { normaliseNewlines } from '~/lib/text';

const meta: ExportMeta = {
	name: 'Nguyễn Thị Lan',
	administration: 'Maravia Customs',
	edition: 'Demo edition',
	version: null,
	timeZone: 'Asia/Tokyo',
};

describe('report exports', () => {
	it('name the outline and the full report differently, and a version by its number', () => {
		expect(exportFileName(meta, 'outline', 'md')).toBe('report-outline-nguyen-thi-lan.md');
		expect(exportFileName(meta, 'full', 'docx')).toBe('final-report-nguyen-thi-lan.docx');
		const v2 = { ...meta, version: { number: 2, submittedAt: new Date('2027-01-05T01:00:00Z') } };
		expect(exportFileName(v2, 'full', 'docx')).toBe('final-report-nguyen-thi-lan-version-2.docx');
		const md = reportMarkdown(v2, [{ title: 'Summary', outline: '- a', notes: 'n' }], 'full');
		expect(md).toContain('# Final report — version 2');
		expect(md).toContain('Version 2, submitted');
		expect(md).toContain('## 1. Summary\n\n- a\n\nn');
	});

	it('never says "edition edition"', () => {
		expect(editionLabel('Demo edition')).toBe('Demo edition');
		expect(editionLabel('2026/2027')).toBe('2026/2027 edition');
	});

	it('say what "Draft from my log" added', () => {
		expect(describeDraft(1, 0, 'Results')).toMatch(
			/^Draft from my log added 1 approved log entry,/,
		);
		// Outputs named in log entries are not items of the materials register: never "materials".
		expect(describeDraft(12, 3, 'Results')).toContain(
			'and the outputs named in 3 of them to “Results”',
		);
		expect(describeDraft(2, 2, 'Results')).toContain('and the outputs named in them to');
		expect(describeDraft(12, 3, 'Results')).not.toMatch(/material/);
	});

	it('store one line-ending convention', () => {
		expect(normaliseNewlines('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
	});
});
