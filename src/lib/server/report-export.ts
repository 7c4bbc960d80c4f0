/** Loads what an export needs: whose report, which sections the viewer may read, and a heading. */
import type { AstroGlobal } from 'astro';
import type { Db } from '~db/client';
import { reportMarkdown, type ExportScope } from '~/lib/report-export';
import { listMembers } from './cohort';
import { loadReportView } from './report-view';
import { findUserById } from './user';
import type { SessionUser } from './session';

/** The Markdown of the requested report, or null (404) when the viewer may not read it. */
export async function exportMarkdown(
	db: Db,
	viewer: SessionUser,
	participantId: string,
	scope: ExportScope,
) {
	const view = await loadReportView(db, viewer, participantId);
	if (!view) return null;
	const person = await findUserById(db, participantId);
	const member = view.cohort
		? (await listMembers(db, view.cohort.id)).find((m) => m.userId === participantId)
		: null;
	const meta = {
		name: person?.name ?? '',
		administration: member?.administration ?? '',
		edition: view.cohort?.edition ?? '',
	};
	return { markdown: reportMarkdown(meta, view.sections, scope), meta, view };
}

/** Whose report a request is about: the participant's own, or ?participant= for mentors and admins. */
export function requestedParticipant(astro: Pick<AstroGlobal, 'url'>, viewer: SessionUser): string {
	return viewer.role === 'participant'
		? viewer.id
		: (astro.url.searchParams.get('participant') ?? '');
}

/** A file name safe for Content-Disposition. */
export function fileName(name: string, ext: string): string {
	return `final-report-${
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'participant'
	}.${ext}`;
}
