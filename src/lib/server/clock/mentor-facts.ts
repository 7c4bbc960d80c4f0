/** The records behind a mentor's reminders: the review queue, undecided versions, activities to agree. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { activityAgreementTable, logEntryTable, studyActivityTable } from '~db/schema';
import type { MentorFacts } from '~/lib/clock/mentor-reminders';
import { todayIn } from '~/lib/dates';
import { membersOf } from '../cohort/members';
import { pendingVersionsOf } from '../report/versions';
import type { CohortNow } from './running-cohorts';

async function waitingByParticipant(db: Db, ids: string[]) {
	return db
		.select({
			participantId: logEntryTable.participantId,
			count: sql<number>`count(*)`,
			oldest: sql<number>`min(${logEntryTable.submittedAt})`,
		})
		.from(logEntryTable)
		.where(and(inArray(logEntryTable.participantId, ids), eq(logEntryTable.status, 'submitted')))
		.groupBy(logEntryTable.participantId);
}

async function activitiesWaiting(db: Db, ids: string[]) {
	const agreed = db
		.select({ id: activityAgreementTable.activityId })
		.from(activityAgreementTable)
		.where(
			and(
				eq(activityAgreementTable.party, 'rilo_ap'),
				eq(activityAgreementTable.decision, 'agreed'),
			),
		);
	return db
		.select()
		.from(studyActivityTable)
		.where(
			and(
				inArray(studyActivityTable.participantId, ids),
				sql`${studyActivityTable.id} not in ${agreed}`,
				inArray(studyActivityTable.status, ['planned', 'in_progress']),
			),
		)
		.orderBy(asc(studyActivityTable.createdAt));
}

/** The facts of every mentor of a running cohort (the same queue for each). */
export async function mentorFacts(db: Db, { cohort, hour }: CohortNow): Promise<MentorFacts[]> {
	const members = await membersOf(db, cohort.id, { enabledOnly: true });
	const mentors = members.filter((m) => m.role === 'mentor');
	const participants = members.filter((m) => m.role === 'participant');
	if (!mentors.length || !participants.length) return [];
	const ids = participants.map((p) => p.id);
	const nameOf = new Map(participants.map((p) => [p.id, p.name]));
	const tz = cohort.timezone;
	const [waiting, versions, activities] = await Promise.all([
		waitingByParticipant(db, ids),
		pendingVersionsOf(db, ids),
		activitiesWaiting(db, ids),
	]);
	const shared = {
		cohortId: cohort.id,
		localHour: hour,
		waiting: waiting.map((w) => ({
			participantId: w.participantId,
			name: nameOf.get(w.participantId)!,
			count: Number(w.count),
			oldestOn: todayIn(tz, new Date(Number(w.oldest))),
		})),
		versions: versions.map((v) => ({
			id: v.id,
			participantId: v.participantId,
			name: nameOf.get(v.participantId)!,
			number: v.number,
			submittedOn: todayIn(tz, v.submittedAt),
		})),
		activities: activities.map((a) => ({
			id: a.id,
			participantId: a.participantId,
			name: nameOf.get(a.participantId)!,
			what: a.what,
			proposedOn: todayIn(tz, a.createdAt),
		})),
	};
	return mentors.map((m) => ({ mentorId: m.id, ...shared }));
}
