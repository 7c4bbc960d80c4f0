/**
 * The data lab's synthetic alert log (content/data/alerts.csv): the companion of the seizure data
 * set on which the thematic study's measures of alert effectiveness are computed. Read once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

let logFile: Promise<Buffer> | null = null;

/** The alert log's CSV bytes, as committed. */
export function readAlertLog(): Promise<Buffer> {
	logFile ??= readFile(join(process.cwd(), 'content/data/alerts.csv')).catch((error) => {
		logFile = null;
		throw error;
	});
	return logFile;
}
