/** The report (or its outline, ?scope=outline; a submitted version, ?version=N) as a Markdown file. */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import {
	exportMarkdown,
	requestedParticipant,
	requestedVersion,
} from '~/lib/server/report/export-markdown';

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
	return new Response(result.markdown, {
		headers: {
			'Content-Type': 'text/markdown; charset=utf-8',
			'Content-Disposition': `attachment; filename="${result.fileName('md')}"`,
			'Cache-Control': 'private, no-store',
		},
	});
};
