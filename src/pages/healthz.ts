/**
 * Liveness and readiness: 200 when the database answers and the build being served is whole,
 * 503 otherwise (with the reason).
 */
import type { APIRoute } from 'astro';
import { sql } from 'drizzle-orm';
import { getDb } from '~/lib/server/db';
import { buildProblem } from '~/lib/server/http/build-health';

const headers = { 'Cache-Control': 'no-store' };

export const GET: APIRoute = async () => {
	const problem = buildProblem();
	if (problem) return Response.json({ status: 'broken build', problem }, { status: 503, headers });
	try {
		const db = await getDb();
		await db.run(sql`select 1`);
		return Response.json({ status: 'ok' }, { headers });
	} catch {
		return Response.json({ status: 'unavailable' }, { status: 503, headers });
	}
};
