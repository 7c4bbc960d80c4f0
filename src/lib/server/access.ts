/**
 * Who may see whose records. Participants see only their own; mentors see the participants of
 * their cohorts; admins see everyone. Callers answer 404 when these return null. The charter's
 * other parties (secretariat, home) never see working records through here: what they read is
 * decided in oversight/access.ts.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { userTable, type User } from '~db/schema';
import { shareCohort } from './cohort/manage';
import type { SessionUser } from './auth/session';
import { findRow } from './find-row';

/** The participant account with this id, or null (for anyone who is not a participant too). */
export function findParticipant(
	db: Pick<Db, 'select'>,
	participantId: string,
): Promise<User | null> {
	return findRow(db, userTable, eq(userTable.id, participantId), eq(userTable.role, 'participant'));
}

/** The participant whose records `viewer` asks for, or null when missing or not theirs to see. */
export async function findVisibleParticipant(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<User | null> {
	if (viewer.role === 'secretariat' || viewer.role === 'home') return null;
	if (viewer.role === 'participant' && viewer.id !== participantId) return null;
	const participant = await findParticipant(db, participantId);
	if (!participant) return null;
	if (viewer.role === 'mentor' && !(await shareCohort(db, viewer.id, participantId))) return null;
	return participant;
}
