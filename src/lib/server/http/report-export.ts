/** The one request-to-file path of the report exports (Markdown and Word differ only in the file). */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import {
	exportMarkdown,
	requestedParticipant,
	requestedVersion,
} from '~/lib/server/report/export-markdown';
import { downloadResponse } from './download';

type ReportExport = NonNullable<Awaited<ReturnType<typeof exportMarkdown>>>;

/** How one format writes the export: its bytes, media type and file extension. */
export interface ExportFormat {
	ext: string;
	type: string;
	body: (report: ReportExport) => BodyInit | Promise<BodyInit>;
}

/**
 * A GET route for the report (or its outline, ?scope=outline; a submitted version, ?version=N)
 * in `format`: 401 when signed out, 404 when the viewer may not read it.
 */
export function reportExportRoute(format: ExportFormat): APIRoute {
	return async (context) => {
		const viewer = context.locals.user;
		if (!viewer) return new Response('Sign in first.', { status: 401 });
		const scope = context.url.searchParams.get('scope') === 'outline' ? 'outline' : 'full';
		const report = await exportMarkdown(
			await getDb(),
			viewer,
			requestedParticipant(context, viewer),
			scope,
			requestedVersion(context),
		);
		if (!report) return new Response('Not found.', { status: 404 });
		return downloadResponse(await format.body(report), format.type, report.fileName(format.ext));
	};
}
