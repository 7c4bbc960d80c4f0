/** What the materials register page shows: whose register, its items, and what can be added. */
import type { Db } from '~db/client';
import { findVisibleParticipant } from '../access';
import { listEntries } from '../logbook/entry';
import type { SessionUser } from '../auth/session';
import { listMaterials } from './material';
import { listMessages } from './message';
import { listSeizures } from './seizure';
import { practiceParticipants } from './overview';

/** The register of `participantId` as `viewer` may see it; null for a 404. */
export async function loadRegister(db: Db, viewer: SessionUser, participantId: string) {
	const participant = await findVisibleParticipant(db, viewer, participantId);
	if (!participant) return null;
	const mine = viewer.id === participantId;
	const [materials, entries, seizures, messages] = await Promise.all([
		listMaterials(db, participantId),
		listEntries(db, participantId),
		mine ? listSeizures(db, participantId) : Promise.resolve([]),
		mine ? listMessages(db, participantId) : Promise.resolve([]),
	]);
	const added = new Set(materials.map((m) => m.refId).filter(Boolean));
	const addable = [
		...seizures.map((s) => ({
			value: `seizure:${s.id}`,
			label: `Coded seizure: ${s.seizureDate} · ${s.commodityType} · ${s.reportingCountry}`,
		})),
		...messages.map((m) => ({
			value: `message:${m.id}`,
			label: `Message (${m.kind}): ${m.subject}`,
		})),
	].filter((o) => !added.has(o.value.split(':')[1]!));
	const entryTitles = new Map(entries.map((e) => [e.id, `${e.date} · ${e.title}`]));
	return { participant, mine, materials, entries, addable, entryTitles };
}

/** People a mentor or admin may open a register of. */
export const registerOwners = practiceParticipants;
