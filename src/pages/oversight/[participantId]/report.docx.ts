/**
 * A submitted version of an officer's final report (?version=N, else the latest) as a Word file,
 * for the WCO Secretariat and the officer's home administration: the same file a recipient
 * without an account gets through a delivery link.
 */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import { isOverseer } from '~/lib/server/oversight/access';
import { overseenReportPack } from '~/lib/server/oversight/officer-view';
import { docxType, downloadResponse } from '~/lib/server/http/download';
import { reportDocx } from '~/lib/server/report/docx';

export const GET: APIRoute = async ({ locals, params, url }) => {
	const user = locals.user;
	if (!user) return new Response('Sign in first.', { status: 401 });
	if (!isOverseer(user))
		return new Response('This download is for the WCO Secretariat and home administrations.', {
			status: 403,
		});
	const n = Number(url.searchParams.get('version'));
	const pack = await overseenReportPack(
		await getDb(),
		user,
		params.participantId ?? '',
		Number.isInteger(n) && n > 0 ? n : undefined,
	);
	if (!pack) return new Response('Not found.', { status: 404 });
	return downloadResponse(await reportDocx(pack.docx), docxType, pack.fileName);
};
