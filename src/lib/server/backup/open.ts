/**
 * Every database the backup and restore code opens goes through here, and through createDb,
 * so that an encrypted database (docs/security.md) is opened with its key: the live database,
 * the snapshot being verified, the file being restored.
 */
import { createDb, type Db } from '~db/client';

export type DatabaseAccess = { authToken?: string; encryptionKey?: string };

export function openDatabase(url: string, access: DatabaseAccess = {}): Promise<Db> {
	// Without a key of its own, createDb takes DATABASE_ENCRYPTION_KEY from the environment.
	return createDb(url, access.authToken, access.encryptionKey);
}
