/**
 * What the selection page needs: the board, each candidate's offer, and for those who accepted a
 * place, the cohort and invitations.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { userTable } from '~db/schema';
import { linkState } from '../auth/invitation';
import { editionCohort, invitationsByEmail } from './invite';
import { findEditionBySlug } from './edition';
import { selectionBoard } from './selection';
import { offersOf } from './offer';

/** The edition's board by its address, with the cohort and each selected candidate's invitation. */
export async function selectionPage(db: Db, reader: { id: string; role: string }, slug: string) {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) return null;
	const board = await selectionBoard(db, reader, edition.id);
	if (!board) return null;
	const offers = board.decision ? await offersOf(db, board.decision.selection.id) : new Map();
	/** Where each ranked candidate stands: their offer's state, else the reserve list. */
	const offerOf = (id: string) => offers.get(id) ?? null;
	// Only those who accepted a place are invited to the cohort.
	const selected = board.entries.filter(
		(e) => offers.get(e.row.application.id)?.state === 'accepted',
	);
	const cohort = board.decision ? await editionCohort(db, edition) : null;
	const invites = cohort
		? await invitationsByEmail(
				db,
				cohort.id,
				selected.map((e) => e.row.nomination.candidateEmail),
			)
		: new Map();
	const emails = selected.map((e) => e.row.nomination.candidateEmail);
	const accounts = new Set(
		emails.length
			? (
					await db
						.select({ email: userTable.email })
						.from(userTable)
						.where(inArray(userTable.email, emails))
				).map((u) => u.email)
			: [],
	);
	/** Where the candidate stands: an account already, an invitation (and its state), or neither. */
	const invitationOf = (email: string) => {
		const inv = invites.get(email);
		return {
			account: accounts.has(email),
			invitation: inv ? { state: linkState(inv), createdAt: inv.createdAt } : null,
		};
	};
	return { ...board, selected, cohort, invitationOf, offerOf };
}
