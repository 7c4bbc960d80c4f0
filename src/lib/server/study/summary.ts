/** The study's plan and findings for the home administration pack (read-only, no access check: callers check). */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { studyTable, type Study } from '~db/schema';

/** The participant's study row, or null when none was started. */
export async function studySummary(db: Db, participantId: string): Promise<Study | null> {
	const [row] = await db
		.select()
		.from(studyTable)
		.where(eq(studyTable.participantId, participantId));
	return row ?? null;
}
