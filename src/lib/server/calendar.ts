/**
 * A private calendar feed per participant (ICS): the programme's dates, their report
 * deadlines and study milestones. The URL carries a random token; only its hash is stored,
 * and a new one replaces it on request.
 */
import { eq } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import type { Db } from '~db/client';
import { reportTable, studyMilestoneTable, userTable } from '~db/schema';
import { buildTimeline } from '~/lib/programme-calendar';
import { addDays, todayIn } from '~/lib/dates';
import { findCurrentCohort } from './cohort';
import { hashToken, newToken } from './ids';
import { ensureReport } from './report';

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

function allDay(
	day: string,
	endExclusive: string,
	title: string,
	description: string,
	uid: string,
): EventAttributes {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const [ey, em, ed] = endExclusive.split('-').map(Number) as [number, number, number];
	return {
		uid,
		title,
		description,
		start: [y, m, d],
		end: [ey, em, ed],
		productId: 'rilo-ap-programme-portal',
	};
}

/** The ICS text for a token, or null for an unknown token. */
export async function calendarFeed(db: Db, token: string): Promise<string | null> {
	const [row] = await db
		.select({ participantId: reportTable.participantId, name: userTable.name })
		.from(reportTable)
		.innerJoin(userTable, eq(userTable.id, reportTable.participantId))
		.where(eq(reportTable.calendarTokenHash, hashToken(token)));
	if (!row) return null;
	const cohort = await findCurrentCohort(db, row.participantId);
	const events: EventAttributes[] = [];
	if (cohort) {
		for (const item of buildTimeline(cohort, todayIn(cohort.timezone)))
			events.push(
				allDay(
					item.start,
					addDays(item.end, 1),
					item.label,
					item.detail,
					`${cohort.id}-${item.key}@rilo-ap-portal`,
				),
			);
	}
	const milestones = await db
		.select()
		.from(studyMilestoneTable)
		.where(eq(studyMilestoneTable.participantId, row.participantId));
	for (const m of milestones)
		events.push(
			allDay(
				m.dueDate,
				addDays(m.dueDate, 1),
				`Study milestone: ${m.title}`,
				m.doneAt ? 'Done.' : 'Due.',
				`${m.id}@rilo-ap-portal`,
			),
		);
	const { error, value } = createEvents(events, { calName: `RILO A/P programme — ${row.name}` });
	if (error || !value) throw error ?? new Error('calendar could not be built');
	return value;
}
