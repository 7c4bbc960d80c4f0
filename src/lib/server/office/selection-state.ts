/** Whether an edition's selection is recorded: once it is, screening and scores are read-only. */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { editionTable, selectionTable, userTable } from '~db/schema';
import { formatInstant } from '~/lib/dates';
import { selectionInEffect } from '~/lib/office/selection-rules';
import { RuleError } from '../errors';

/** The edition's recorded selection with who recorded it, or null. */
export async function findSelection(db: Db, editionId: string) {
	const [row] = await db
		.select({ selection: selectionTable, by: userTable.name, edition: editionTable.name })
		.from(selectionTable)
		.innerJoin(editionTable, eq(editionTable.id, selectionTable.editionId))
		.leftJoin(userTable, eq(userTable.id, selectionTable.decidedById))
		.where(eq(selectionTable.editionId, editionId));
	if (!row) return null;
	const inEffect = selectionInEffect({
		officeAt: row.selection.officeConfirmedAt,
		secretariatAt: row.selection.secretariatConfirmedAt,
	});
	return { ...row, by: row.by ?? 'a former account', inEffect };
}

/** Refuses what only a selection in effect allows (both the office and the Secretariat confirmed). */
export function assertInEffect(found: {
	inEffect: boolean;
	selection: { secretariatConfirmedAt: Date | null };
}) {
	if (!found.inEffect)
		throw new RuleError(
			'conflict',
			`The selection takes effect once both the programme office and the WCO Secretariat have confirmed it: ${found.selection.secretariatConfirmedAt ? 'the programme office' : 'the WCO Secretariat'} has not confirmed it yet.`,
		);
}

/** Refuses a change to screening or scores once the edition's selection is recorded. */
export async function assertSelectionOpen(db: Db, editionId: string): Promise<void> {
	const found = await findSelection(db, editionId);
	if (found)
		throw new RuleError(
			'conflict',
			`The selection for the ${found.edition} edition was recorded on ${formatInstant(found.selection.decidedAt)} (Tokyo time): screening and scores are read-only now.`,
		);
}
