/** The report as Markdown, for download and as the source of the Word export. Pure. */
import { formatInstantDay } from '../dates';
import { editionLabel } from './rules';

export type ExportScope = 'outline' | 'full';

/** What an export needs of a section (a working section or a frozen version's). */
export type ExportSection = { title: string; outline: string; notes: string };

/** Who and which edition the report is by, and which submitted version (if any) it is. */
export type ExportMeta = {
	name: string;
	administration: string;
	edition: string;
	/** The submitted version exported, or null for the working copy. */
	version: { number: number; submittedAt: Date } | null;
	/** When and by whom the exported version was accepted, once it is. */
	accepted?: { at: Date; by: string } | null;
	/** The cohort's time zone: the submission day printed is the day it was there. */
	timeZone: string;
};

/** The document title: outline or final report, and which version. */
export function exportTitle(meta: ExportMeta, scope: ExportScope): string {
	if (scope === 'outline') return 'Final report — outline';
	return meta.version ? `Final report — version ${meta.version.number}` : 'Final report';
}

/** "Accepted on Tue 5 Jan 2027 by Kenji Morita" (the day in the cohort’s zone), or null. */
export function acceptedMark(meta: ExportMeta): string | null {
	return meta.version && meta.accepted
		? `Accepted on ${formatInstantDay(meta.accepted.at, meta.timeZone)} by ${meta.accepted.by}`
		: null;
}

/** The lines under the title: programme and edition, then the author, the version, its acceptance. */
export function exportSubtitle(meta: ExportMeta): string[] {
	const accepted = acceptedMark(meta);
	return [
		`WCO Asia-Pacific Regional Data/Intelligence Professionals Programme, ${meta.edition}`,
		`${meta.name}${meta.administration ? `, ${meta.administration}` : ''}`,
		...(meta.version
			? [
					`Version ${meta.version.number}, submitted ${formatInstantDay(meta.version.submittedAt, meta.timeZone)}`,
				]
			: []),
		...(accepted ? [accepted] : []),
	];
}

/** The line at the top of every page of the Word file: who, which edition, which version. */
export function exportRunningHead(meta: ExportMeta, scope: ExportScope): string {
	const what = scope === 'outline' ? 'Final report outline' : 'Final report';
	const which = meta.version ? `version ${meta.version.number}` : 'working copy';
	const edition = meta.edition ? ` · ${editionLabel(meta.edition)}` : '';
	const accepted = acceptedMark(meta);
	return `${meta.name}${edition} · ${what}, ${which}${accepted ? ` · ${accepted}` : ''}`;
}

/** A section's Markdown body for the scope: the outline, and the notes in the full report. */
export function sectionBody(s: ExportSection, scope: ExportScope): string {
	const outline = s.outline.trim() || '_(no outline yet)_';
	return scope === 'full' && s.notes.trim() ? `${outline}\n\n${s.notes.trim()}` : outline;
}

/** A report heading block plus each section's outline (and notes for the full report). */
export function reportMarkdown(
	meta: ExportMeta,
	sections: ExportSection[],
	scope: ExportScope,
): string {
	const lines = [`# ${exportTitle(meta, scope)}`, ''];
	for (const line of exportSubtitle(meta)) lines.push(line, '');
	sections.forEach((s, i) => lines.push(`## ${i + 1}. ${s.title}`, '', sectionBody(s, scope), ''));
	return lines.join('\n');
}

/** A download's file name: outline and full report differ, and a version carries its number. */
export function exportFileName(meta: ExportMeta, scope: ExportScope, ext: string): string {
	const who =
		meta.name
			.normalize('NFKD')
			// Accents come apart under NFKD; dropping the marks keeps "Nguyễn" readable as "nguyen".
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'participant';
	const what = scope === 'outline' ? 'report-outline' : 'final-report';
	return `${what}-${who}${meta.version ? `-version-${meta.version.number}` : ''}.${ext}`;
}
