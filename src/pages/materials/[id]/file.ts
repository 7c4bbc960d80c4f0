/** An uploaded material's file or a saved chart's image, for the people who may see the material (others get 404). */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import { findMaterialForViewer } from '~/lib/server/cen/material';

export const GET: APIRoute = async ({ locals, params }) => {
	const user = locals.user;
	if (!user) return new Response('Sign in first.', { status: 401 });
	const m = await findMaterialForViewer(await getDb(), user, params.id!);
	if (!m || (m.kind !== 'upload' && m.kind !== 'chart') || !m.content)
		return new Response('Not found.', { status: 404 });
	// Images show inline on the material's page; other files download.
	const disposition = m.mimeType === 'image/png' ? 'inline' : 'attachment';
	return new Response(new Uint8Array(m.content), {
		headers: {
			'Content-Type': m.mimeType,
			'Content-Length': String(m.content.length),
			'Content-Disposition': `${disposition}; filename="${m.fileName.replace(/"/g, '')}"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	});
};
