/** The study's plan and findings for the home administration pack (read-only, no access check: callers check). */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyTable, type Study } from '~db/schema';
import { findRow } from '../find-row';

/** The participant's study row, or null when none was started. */
export async function studySummary(db: Db, participantId: string): Promise<Study | null> {
	return findRow(db, studyTable, eq(studyTable.participantId, participantId));
}
