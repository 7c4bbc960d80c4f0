/** Liveness and readiness: 200 when the database answers, 503 otherwise. */
import type { APIRoute } from 'astro';
import { sql } from 'drizzle-orm';
import { getDb } from '~/lib/server/db';

export const GET: APIRoute = async () => {
	try {
		const db = await getDb();
		await db.run(sql`select 1`);
		return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
	} catch {
		return Response.json(
			{ status: 'unavailable' },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } },
		);
	}
};
