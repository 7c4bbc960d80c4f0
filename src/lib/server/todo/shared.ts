/**
 * Pieces the mentor's and overseers' to-do facts share: a participant's cohort time zone in SQL,
 * an instant as a day in it, and the study activities waiting for one party's agreement.
 */
import {
	and,
	asc,
	eq,
	inArray,
	ne,
	notExists,
	or,
	sql,
	type AnyColumn,
	type SQLWrapper,
} from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	activityAgreementTable,
	reportVersionTable,
	studyActivityTable,
	userTable,
	type AgreementParty,
} from '~db/schema';
import { todayIn, type Day } from '~/lib/dates';
import type { PendingAgreement } from '~/lib/todo/agreement';

/** The time zone of a participant's latest cohort (Tokyo when none), as a correlated subquery. */
export function cohortTimezoneOf(participantId: AnyColumn) {
	return sql<string>`coalesce((select c.timezone from cohort_member m join cohort c on c.id = m.cohort_id where m.user_id = ${participantId} and m.role = 'participant' order by c.training_start desc limit 1), 'Asia/Tokyo')`;
}

/** The day of an instant in a time zone. */
export function dayOf(at: Date | number, timeZone: string): Day {
	return todayIn(timeZone, new Date(at));
}

/** A subquery of participant ids (a mentor's cohorts, a home contact's officers). */
type Participants = SQLWrapper;

/**
 * Activities of `participants` waiting for `party`: not dropped, no answer from that party, and
 * nobody asking for a change (then the participant acts first). Waiting since the latest answer,
 * or the proposal when there is none.
 */
export async function pendingAgreements(
	db: Db,
	participants: Participants,
	party: Exclude<AgreementParty, 'participant'>,
	now: Date,
): Promise<PendingAgreement[]> {
	const a = studyActivityTable;
	const answered = db
		.select({ one: sql`1` })
		.from(activityAgreementTable)
		.where(
			and(
				eq(activityAgreementTable.activityId, a.id),
				or(eq(activityAgreementTable.party, party), eq(activityAgreementTable.decision, 'change')),
			),
		);
	const rows = await db
		.select({
			activityId: a.id,
			participantId: a.participantId,
			participantName: userTable.name,
			what: a.what,
			createdAt: a.createdAt,
			lastAnswer: sql<
				number | null
			>`(select max(g.decided_at) from activity_agreement g where g.activity_id = ${a.id})`,
			timezone: cohortTimezoneOf(a.participantId),
		})
		.from(a)
		.innerJoin(userTable, eq(userTable.id, a.participantId))
		.where(
			and(inArray(a.participantId, participants), ne(a.status, 'dropped'), notExists(answered)),
		)
		.orderBy(a.createdAt)
		.limit(20);
	return rows.map((r) => ({
		activityId: r.activityId,
		participantId: r.participantId,
		participantName: r.participantName,
		what: r.what.split('\n')[0]!.slice(0, 80),
		since: dayOf(r.lastAnswer === null ? r.createdAt : Number(r.lastAnswer), r.timezone),
		today: todayIn(r.timezone, now),
	}));
}

/** Report versions waiting for a decision, oldest first: of `participants`, or of everyone. */
export function versionsWaiting(db: Db, participants?: Participants) {
	return db
		.select({
			participantId: reportVersionTable.participantId,
			name: userTable.name,
			number: reportVersionTable.number,
			submittedAt: reportVersionTable.submittedAt,
			timezone: cohortTimezoneOf(reportVersionTable.participantId),
		})
		.from(reportVersionTable)
		.innerJoin(userTable, eq(userTable.id, reportVersionTable.participantId))
		.where(
			and(
				participants ? inArray(reportVersionTable.participantId, participants) : undefined,
				eq(reportVersionTable.decision, 'pending'),
			),
		)
		.orderBy(asc(reportVersionTable.submittedAt));
}
