/** The report (or its outline, ?scope=outline; a submitted version, ?version=N) as a Word document. */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import {
	exportMarkdown,
	requestedParticipant,
	requestedVersion,
} from '~/lib/server/report/export-markdown';
import { reportDocx } from '~/lib/server/report/docx';

export const GET: APIRoute = async (context) => {
	const viewer = context.locals.user;
	if (!viewer) return new Response('Sign in first.', { status: 401 });
	const scope = context.url.searchParams.get('scope') === 'outline' ? 'outline' : 'full';
	const result = await exportMarkdown(
		await getDb(),
		viewer,
		requestedParticipant(context, viewer),
		scope,
		requestedVersion(context),
	);
	if (!result) return new Response('Not found.', { status: 404 });
	const bytes = await reportDocx(result.docx);
	return new Response(bytes, {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'Content-Disposition': `attachment; filename="${result.fileName('docx')}"`,
			'Cache-Control': 'private, no-store',
		},
	});
};
