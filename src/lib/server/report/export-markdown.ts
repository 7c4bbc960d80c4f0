/**
 * Loads what an export needs: whose report, which sections the viewer may read, and a heading.
 * Mentors and admins get the latest submitted version (what they act on); the participant
 * gets their working copy; `?version=N` asks for a given submitted version.
 */
import type { AstroGlobal } from 'astro';
import type { Db } from '~db/client';
import {
	exportFileName,
	exportRunningHead,
	exportSubtitle,
	exportTitle,
	reportMarkdown,
	sectionBody,
	type ExportMeta,
	type ExportScope,
} from '~/lib/report/export';
import { replaceMaterialRefs } from '~/lib/report/materials';
import type { DocxReport } from './docx';
import { resolveReportMaterials } from './materials';
import { listMembers } from '../cohort/manage';
import { loadReportView } from './view';
import { acceptanceOf, findVersion } from './versions';
import { findUserById } from '../auth/user';
import type { SessionUser } from '../auth/session';

/** The report as the viewer may export it, or null (404). */
export async function exportMarkdown(
	db: Db,
	viewer: SessionUser,
	participantId: string,
	scope: ExportScope,
	versionNumber?: number | null,
) {
	const view = await loadReportView(db, viewer, participantId);
	if (!view) return null;
	const wantsVersion = versionNumber ?? (viewer.id === participantId ? null : undefined);
	const version = wantsVersion === null ? null : await findVersion(db, participantId, wantsVersion);
	if (versionNumber && !version) return null;
	const person = await findUserById(db, participantId);
	const member = view.cohort
		? (await listMembers(db, view.cohort.id)).find((m) => m.userId === participantId)
		: null;
	const meta: ExportMeta = {
		name: person?.name ?? '',
		administration: member?.administration ?? '',
		edition: view.cohort?.edition ?? '',
		version: version ? { number: version.number, submittedAt: version.submittedAt } : null,
		accepted: version ? await acceptanceOf(db, version) : null,
		timeZone: view.cohort?.timezone ?? 'Asia/Tokyo',
	};
	const sections = version ? version.sections : view.sections;
	// Materials inserted into sections: unrestricted ones go into the export, restricted ones by name only.
	const materials = await resolveReportMaterials(
		db,
		participantId,
		sections.flatMap((s) => [s.outline, s.notes]),
	);
	const docx: DocxReport = {
		title: exportTitle(meta, scope),
		subtitle: exportSubtitle(meta),
		sections: sections.map((s, i) => ({
			heading: `${i + 1}. ${s.title}`,
			markdown: sectionBody(s, scope),
		})),
		materials,
		runningHead: exportRunningHead(meta, scope),
	};
	const withMaterials = sections.map((s) => ({
		...s,
		outline: replaceMaterialRefs(s.outline, materials),
		notes: replaceMaterialRefs(s.notes, materials),
	}));
	return {
		markdown: reportMarkdown(meta, withMaterials, scope),
		docx,
		materials,
		meta,
		view,
		sections,
		fileName: (ext: string) => exportFileName(meta, scope, ext),
	};
}

/** Whose report a request is about: the participant's own, or ?participant= for mentors and admins. */
export function requestedParticipant(astro: Pick<AstroGlobal, 'url'>, viewer: SessionUser): string {
	return viewer.role === 'participant'
		? viewer.id
		: (astro.url.searchParams.get('participant') ?? '');
}

/** The ?version=N of a request, or null for the default. */
export function requestedVersion(astro: Pick<AstroGlobal, 'url'>): number | null {
	const n = Number(astro.url.searchParams.get('version'));
	return Number.isInteger(n) && n > 0 ? n : null;
}
