/** What a practice message's page shows: the message, its author, record, reviews and rights. */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { cenSeizureTable } from '~db/schema';
import type { SessionUser } from '../auth/session';
import { findUserById } from '../auth/user';
import { timeZoneOf } from '../cohort/time-zone';
import { findMessageForViewer, listMessageReviews } from './message';
import { listSeizures } from './seizure';

/** Everything the page needs, or null for a 404. */
export async function loadMessagePage(db: Db, viewer: SessionUser, id: string) {
	const message = await findMessageForViewer(db, viewer, id);
	if (!message) return null;
	const mine = message.participantId === viewer.id;
	const [author, reviews, seizure, seizures, timeZone] = await Promise.all([
		findUserById(db, message.participantId),
		listMessageReviews(db, id),
		message.seizureId
			? db.select().from(cenSeizureTable).where(eq(cenSeizureTable.id, message.seizureId))
			: Promise.resolve([]),
		mine && message.kind === 'seizure' ? listSeizures(db, viewer.id) : Promise.resolve([]),
		timeZoneOf(db, message.participantId),
	]);
	const editable = mine && (message.status === 'draft' || message.status === 'changes_requested');
	return {
		message,
		mine,
		editable,
		author,
		reviews,
		seizure: seizure[0] ?? null,
		seizures,
		timeZone,
	};
}
