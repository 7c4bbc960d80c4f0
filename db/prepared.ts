/**
 * Queries built once per database handle and then only run.
 *
 * Why: drizzle builds a query's SQL text from its object tree on every call, which on the pages
 * everyone opens (the session check on every request, the dashboard) cost as much CPU as running
 * the queries. A prepared drizzle query keeps the SQL and takes its values as placeholders
 * (`sql.placeholder('name')`), so the text is made once; the connection then reuses the SQLite
 * statement for that text (db/client.ts).
 */
import type { Db } from './client';

/**
 * Wraps a query builder so it runs once per `Db` (a transaction handle is a `Db` of its own and
 * gets its own). Use: `const byId = preparedOnce((db) => db.select()…prepare());` then
 * `await byId(db).execute({ id })`.
 */
export function preparedOnce<Prepared>(build: (db: Db) => Prepared): (db: Db) => Prepared {
	const byDb = new WeakMap<Db, Prepared>();
	return (db) => {
		let prepared = byDb.get(db);
		if (!prepared) byDb.set(db, (prepared = build(db)));
		return prepared;
	};
}
