/** What an officer's page shows the WCO Secretariat or a home contact (see access.ts for the rules). */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportTable } from '~db/schema';
import { listAgreements } from '../study/agreement';
import { deliveryPack, listDeliveries } from './delivery';
import {
	findOverseenParticipant,
	isOverseer,
	listOverseenEntries,
	participantMembership,
} from './access';
import { listCompletedModules } from '../course/progress';
import { findVersion, listVersions } from '../report/versions';
import type { SessionUser } from '../auth/session';
import { getStudy } from '../study/plan';

/** Everything an officer's page shows a Secretariat or home contact, or null (404). */
export async function loadOfficerView(db: Db, viewer: SessionUser, participantId: string) {
	if (!isOverseer(viewer)) return null;
	const participant = await findOverseenParticipant(db, viewer, participantId);
	if (!participant) return null;
	const membership = await participantMembership(db, participantId);
	const [entries, versions, study, completed, [report]] = await Promise.all([
		listOverseenEntries(db, viewer, participantId),
		listVersions(db, participantId),
		getStudy(db, participantId),
		listCompletedModules(db, participantId),
		db.select().from(reportTable).where(eq(reportTable.participantId, participantId)),
	]);
	const [deliveries, agreements] = await Promise.all([
		listDeliveries(
			db,
			versions.map((v) => v.id),
		),
		listAgreements(
			db,
			study.activities.map((a) => a.id),
		),
	]);
	return {
		participant,
		cohort: membership?.cohort ?? null,
		administration: membership?.administration ?? null,
		entries,
		versions,
		deliveries,
		plan: study.study,
		activities: study.activities,
		agreements,
		modulesDone: completed.size,
		reportStatus: report?.status ?? null,
	};
}

/** The loaded officer view. */
export type OfficerView = NonNullable<Awaited<ReturnType<typeof loadOfficerView>>>;

/**
 * A submitted version of an officer's final report (the latest when no number is given) as its
 * recipients receive it, for the Word download; null (404) when the viewer does not oversee the
 * officer or no such version was submitted. Drafts never leave the participant's pages.
 */
export async function overseenReportPack(
	db: Db,
	viewer: SessionUser,
	participantId: string,
	number?: number,
) {
	if (!isOverseer(viewer)) return null;
	if (!(await findOverseenParticipant(db, viewer, participantId))) return null;
	const version = await findVersion(db, participantId, number);
	return version ? deliveryPack(db, version) : null;
}
