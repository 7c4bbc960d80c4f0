/** The report as Markdown, for download and as the source of the Word export. Pure. */
import type { ReportSection } from '~db/schema';

export type ExportScope = 'outline' | 'full';

/** A report heading block plus each section's outline (and notes for the full report). */
export function reportMarkdown(
	meta: { name: string; administration: string; edition: string },
	sections: ReportSection[],
	scope: ExportScope,
): string {
	const lines = [
		`# Final report${scope === 'outline' ? ' — outline' : ''}`,
		'',
		`WCO Asia-Pacific Regional Data/Intelligence Professionals Programme, ${meta.edition}`,
		'',
		`${meta.name}${meta.administration ? `, ${meta.administration}` : ''}`,
		'',
	];
	sections.forEach((s, i) => {
		lines.push(`## ${i + 1}. ${s.title}`, '');
		lines.push(s.outline.trim() || '_(no outline yet)_', '');
		if (scope === 'full' && s.notes.trim()) lines.push(s.notes.trim(), '');
	});
	return lines.join('\n');
}
