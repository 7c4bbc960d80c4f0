/**
 * Every database the backup and restore code opens goes through here, and through createDb,
 * so that an encrypted database (docs/security.md) is opened with its key: the live database,
 * the snapshot being verified, the file being restored.
 */
import { createDb, type Db } from '~db/client';

export type DatabaseAccess = { authToken?: string; encryptionKey?: string };

export function openDatabase(url: string, access: DatabaseAccess = {}): Promise<Db> {
	// createDb applies the key once it takes one; until then an encrypted file does not open.
	return createDb(url, access.authToken);
}
