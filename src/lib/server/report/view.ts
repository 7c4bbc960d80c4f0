/** Everything a report page shows, gathered in one place so page frontmatter stays short. */
import type { Db } from '~db/client';
import { deadlines } from '~/lib/report/rules';
import { todayIn } from '~/lib/dates';
import { findCertificate } from './certificate';
import { findCurrentCohort } from '../cohort/manage';
import { getReportForViewer } from './working-copy';
import { listReportComments } from './comment';
import { findVersion, listVersions } from './versions';
import type { SessionUser } from '../auth/session';
import { participantMembership } from '../oversight/access';

/** The report of `participantId` as `viewer` may see it, or null (404). */
export async function loadReportView(db: Db, viewer: SessionUser, participantId: string) {
	const data = await getReportForViewer(db, viewer, participantId);
	if (!data) return null;
	const cohort = await findCurrentCohort(db, participantId);
	const today = todayIn(cohort?.timezone ?? 'Asia/Tokyo');
	const [comments, versions, latest, certificate, membership] = await Promise.all([
		listReportComments(
			db,
			data.sections.map((s) => s.id),
		),
		listVersions(db, participantId),
		findVersion(db, participantId),
		findCertificate(db, participantId),
		participantMembership(db, participantId),
	]);
	return {
		...data,
		cohort,
		today,
		comments,
		/** Every submitted version, newest first. */
		versions,
		/** The newest submitted version with its frozen sections, or null. */
		latest,
		certificate,
		/** The participant's home administration, a recipient of every submitted version. */
		administration: membership?.administration || null,
		/** Accepted and closed: nothing may change any more. */
		closed: data.report.status === 'closed',
		deadlines: cohort ? deadlines(cohort, data.report.status, today) : [],
		inCorrectionsWindow: cohort ? today <= cohort.correctionsUntil : false,
		departed: cohort ? today >= cohort.departureDate : true,
	};
}

/** The loaded view of a report page. */
export type ReportView = NonNullable<Awaited<ReturnType<typeof loadReportView>>>;
