/** Reopens a database file after the fact and reports what survived. */
import { createClient } from '@libsql/client';

export type Survey = {
	integrity: string;
	/** Acknowledged ids that are not in the database. */
	missingEntries: string[];
	missingSessions: string[];
	/** Log entries without their creation audit event (both are written in one transaction). */
	entriesWithoutAudit: number;
	entryCount: number;
	sessionCount: number;
};

/** Ids from `wanted` that are not in `table`. */
async function missing(client: ReturnType<typeof createClient>, table: string, wanted: string[]) {
	const present = new Set<string>();
	const rows = await client.execute(`SELECT id FROM ${table}`);
	for (const row of rows.rows) present.add(String(row.id));
	return wanted.filter((id) => !present.has(id));
}

/** Opens `url` with a fresh connection (as a restarted server would) and checks it. */
export async function survey(
	url: string,
	entries: string[],
	sessions: string[] = [],
): Promise<Survey> {
	const client = createClient({ url });
	try {
		const integrity = String((await client.execute('PRAGMA integrity_check')).rows[0]?.[0]);
		const count = async (sql: string) => Number((await client.execute(sql)).rows[0]?.[0]);
		return {
			integrity,
			missingEntries: await missing(client, 'log_entry', entries),
			missingSessions: await missing(client, 'auth_session', sessions),
			entriesWithoutAudit: await count(
				`SELECT count(*) FROM log_entry e WHERE NOT EXISTS (SELECT 1 FROM audit_event a
				 WHERE a.subject_id = e.id AND a.action = 'log_entry.create')`,
			),
			entryCount: await count('SELECT count(*) FROM log_entry'),
			sessionCount: await count('SELECT count(*) FROM auth_session'),
		};
	} finally {
		client.close();
	}
}
