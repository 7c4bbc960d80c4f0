/** Prints the one-time first-admin link when the database has no admin yet. */
import type { Db } from '../../db/client';
import { issueSetupLink } from '../lib/server/auth/invitation';

export async function ensureSetupLink(db: Db, publicUrl: string): Promise<void> {
	const token = await issueSetupLink(db);
	if (!token) return;
	console.log('\nNo admin account exists yet. Create the first one here (the link works once):');
	console.log(`  ${publicUrl.replace(/\/$/, '')}/setup?token=${token}\n`);
}
