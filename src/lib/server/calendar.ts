/**
 * A private calendar feed per participant (ICS): the programme's dates, their report
 * deadlines and study milestones, the deadlines with reminders. The URL carries a random
 * token; only its hash is stored, and a new one replaces it on request.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportTable, studyMilestoneTable, userTable } from '~db/schema';
import { buildTimeline } from '~/lib/programme-calendar';
import { todayIn } from '~/lib/dates';
import {
	buildIcs,
	milestoneEvent,
	participantTimeline,
	timelineEvents,
	type FeedEvent,
} from '~/lib/ics-feed';
import { findCurrentCohort } from './cohort/manage';
import { hashToken, newToken } from './ids';
import { ensureReport } from './report/working-copy';

/** Makes a new feed token (the old URL stops working) and returns it, once. */
export async function regenerateCalendarToken(db: Db, participantId: string): Promise<string> {
	await ensureReport(db, participantId);
	const token = newToken();
	await db
		.update(reportTable)
		.set({ calendarTokenHash: hashToken(token) })
		.where(eq(reportTable.participantId, participantId));
	return token;
}

/** True when the participant has a feed URL. */
export async function hasCalendarToken(db: Db, participantId: string): Promise<boolean> {
	const [row] = await db
		.select({ hash: reportTable.calendarTokenHash })
		.from(reportTable)
		.where(eq(reportTable.participantId, participantId));
	return Boolean(row?.hash);
}

/** The ICS text for a token, or null for an unknown token. */
export async function calendarFeed(db: Db, token: string): Promise<string | null> {
	const [row] = await db
		.select({
			participantId: reportTable.participantId,
			status: reportTable.status,
			name: userTable.name,
		})
		.from(reportTable)
		.innerJoin(userTable, eq(userTable.id, reportTable.participantId))
		.where(eq(reportTable.calendarTokenHash, hashToken(token)));
	if (!row) return null;
	const cohort = await findCurrentCohort(db, row.participantId);
	const events: FeedEvent[] = cohort
		? timelineEvents(
				cohort.id,
				participantTimeline(buildTimeline(cohort, todayIn(cohort.timezone)), row.status),
			)
		: [];
	const milestones = await db
		.select()
		.from(studyMilestoneTable)
		.where(eq(studyMilestoneTable.participantId, row.participantId));
	events.push(...milestones.map(milestoneEvent));
	return buildIcs(`RILO A/P programme — ${row.name}`, events);
}
