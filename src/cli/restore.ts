/**
 * `npm run restore -- <backup file>`: refuses while anything has the database open, checks the
 * file, keeps the current database aside (renamed with the time) and puts the backup in its
 * place; says what it did. Rules: src/lib/server/backup/restore.ts.
 */
import { databaseFile } from '../lib/backup/settings';
import { restoreDatabase } from '../lib/server/backup/restore';

async function main(args: string[]): Promise<number> {
	const file = args.find((a) => !a.startsWith('--'));
	if (!file) {
		console.error('Usage: npm run restore -- <backup file>   (stop the portal first)');
		return 2;
	}
	const url = process.env.DATABASE_URL ?? 'file:data/portal.db';
	const path = databaseFile(url);
	if (!path) {
		console.error(
			`DATABASE_URL is a libSQL server (${url}): restore it with the server's own tooling (docs/operations.md).`,
		);
		return 1;
	}
	const outcome = await restoreDatabase(path, file, new Date(), {
		encryptionKey: process.env.DATABASE_ENCRYPTION_KEY || undefined,
	});
	for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line);
	return outcome.ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`)
	process.exitCode = await main(process.argv.slice(2));
