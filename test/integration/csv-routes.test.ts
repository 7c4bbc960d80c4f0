/**
 * Every CSV the portal serves is formula-safe: each `*.csv.ts` route under src/pages is called
 * with data whose every free-text field is a formula (one of several lines included), and no
 * cell of the answer may start the way a spreadsheet starts a formula.
 */
import { gunzipSync } from 'node:zlib';
import type { APIContext, APIRoute } from 'astro';
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { cenSeizureTable, cohortMemberTable, userTable } from '~db/schema';
import { createEntry } from '~/lib/server/logbook/entry';
import type { SessionUser } from '~/lib/server/auth/session';
import { formulaStart } from '~/lib/csv';
import {
	makeApplication,
	makeEdition,
	makeSeizure,
	makeUser,
	useTwoCohortsDb,
} from '../helpers/factories';
import { entryInput } from '../helpers/entries';

vi.mock('astro:content', async () => (await import('../helpers/content')).contentFromDisk());
const current: { db: unknown } = { db: null };
vi.mock('~/lib/server/db', () => ({ getDb: async () => current.db }));

/** What a probe would type: each leading character a spreadsheet reads as a formula. */
const payloads = ['=1+1\n+2', '+SUM(1)', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")'];

/** Every CSV route of the site, by its path under src/pages. */
const csvRoutes = Object.fromEntries(
	Object.entries(import.meta.glob<{ GET: APIRoute }>('../../src/pages/**/*.csv.ts')).map(
		([path, load]) => [path.replace('../../src/pages/', ''), load],
	),
);

const { t, setup } = useTwoCohortsDb();

/** The routes, and which of the stage's people may download each. */
const callers: Record<string, 'mentor' | 'p1' | 'admin'> = {
	'cohort/export.csv.ts': 'mentor',
	'cen/search.csv.ts': 'p1',
	'logbook/export.csv.ts': 'p1',
	'lab/data.csv.ts': 'p1',
	'lab/alerts.csv.ts': 'p1',
	'admin/applications/export.csv.ts': 'admin',
};
/** Committed synthetic files: nobody's input reaches them, so the payload is not in them. */
const fixedFiles = ['lab/data.csv.ts', 'lab/alerts.csv.ts'];

async function body(response: Response): Promise<string> {
	const bytes = Buffer.from(await response.arrayBuffer());
	return response.headers.get('content-encoding') === 'gzip'
		? gunzipSync(bytes).toString('utf8')
		: bytes.toString('utf8');
}

describe('every CSV route', () => {
	it('is known here (a new one must be added to this walk)', () => {
		expect(Object.keys(csvRoutes).sort()).toEqual(Object.keys(callers).sort());
	});

	it.each(payloads)('escapes %j in every cell of every CSV route', async (payload) => {
		const stage = await setup();
		current.db = t.db;
		// The participant's name, administration, log entries and practice records are the payload.
		await t.db.update(userTable).set({ name: payload }).where(eq(userTable.id, stage.p1.id));
		await t.db
			.update(cohortMemberTable)
			.set({ administration: payload })
			.where(eq(cohortMemberTable.userId, stage.p1.id));
		const p1: SessionUser = { ...stage.p1, name: payload };
		await createEntry(t.db, p1, entryInput({ title: payload, summary: payload, outputs: payload }));
		const seizure = await makeSeizure(t.db, p1);
		await t.db
			.update(cenSeizureTable)
			.set({ commodityType: payload, concealment: payload, detectionMethod: payload })
			.where(eq(cenSeizureTable.id, seizure.id));

		// A candidate whose name, and the officer's, are the payload.
		const edition = await makeEdition(t.db, '2027-07-31');
		await makeApplication(t.db, edition.id, 'wco-ap-japan', payload);
		const admin = await makeUser(t.db, 'admin');

		for (const [route, who] of Object.entries(callers)) {
			const { GET } = await csvRoutes[route]!();
			const user = who === 'mentor' ? stage.mentor : who === 'admin' ? admin : p1;
			const url = new URL(
				`http://localhost/${route.replace(/\.ts$/, '')}?scope=all&edition=${edition.id}`,
			);
			const response = await GET({
				locals: { user },
				url,
				params: {},
				request: new Request(url),
			} as unknown as APIContext);
			expect(response.status, route).toBe(200);
			const text = await body(response);
			const cells = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data.flat();
			const bad = cells.filter((c) => formulaStart.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
			expect(bad, route).toEqual([]);
			if (!fixedFiles.includes(route)) expect(cells, route).toContain(`'${payload}`);
		}
	});
});
