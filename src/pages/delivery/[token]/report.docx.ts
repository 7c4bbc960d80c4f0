/** The Word file of a report delivered by link, during the link's one visit (otherwise 404). */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import { deliveryPack, openDeliveryLink } from '~/lib/server/oversight/delivery';
import { docxType, downloadResponse } from '~/lib/server/http/download';
import { reportDocx } from '~/lib/server/report/docx';

export const GET: APIRoute = async ({ params }) => {
	const db = await getDb();
	const visit = await openDeliveryLink(db, params.token ?? '');
	if (!visit || visit.state !== 'open') return new Response('Not found.', { status: 404 });
	const pack = await deliveryPack(db, visit.version);
	const bytes = await reportDocx(pack.docx);
	return downloadResponse(bytes, docxType, pack.fileName);
};
