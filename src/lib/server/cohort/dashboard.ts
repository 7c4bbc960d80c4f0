/** The mentors' cohort dashboard: per participant, what is logged, waiting and behind. */
import { inArray, sql, max } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	checkinTable,
	logEntryTable,
	moduleProgressTable,
	type Cohort,
	type CheckinKind,
} from '~db/schema';
import { areasBehind, coverage } from '~/lib/logbook/coverage';
import { missedCheckins } from '~/lib/logbook/checkins';
import { ojtWeeks } from '~/lib/programme-calendar';
import { listMembers } from './manage';
import { getPlan } from '../logbook/ojt-plan';

/** One row of the dashboard. */
export type DashboardRow = Awaited<ReturnType<typeof cohortDashboard>>[number];

/** Builds the dashboard rows for a cohort on a given day. */
export async function cohortDashboard(db: Db, cohort: Cohort, today: string) {
	const participants = (await listMembers(db, cohort.id)).filter((m) => m.role === 'participant');
	const ids = participants.map((p) => p.userId);
	if (!ids.length) return [];
	const weeks = ojtWeeks(cohort);
	const entries = await db
		.select({
			participantId: logEntryTable.participantId,
			date: logEntryTable.date,
			area: logEntryTable.area,
			minutes: logEntryTable.minutes,
			status: logEntryTable.status,
			updatedAt: logEntryTable.updatedAt,
		})
		.from(logEntryTable)
		.where(inArray(logEntryTable.participantId, ids));
	const modules = await db
		.select({
			userId: moduleProgressTable.userId,
			n: sql<number>`count(*)`,
			last: max(moduleProgressTable.completedAt),
		})
		.from(moduleProgressTable)
		.where(inArray(moduleProgressTable.userId, ids))
		.groupBy(moduleProgressTable.userId);
	const checkins = await db
		.select({ participantId: checkinTable.participantId, kind: checkinTable.kind })
		.from(checkinTable)
		.where(inArray(checkinTable.participantId, ids));
	return Promise.all(
		participants.map(async (p) => {
			const mine = entries.filter((e) => e.participantId === p.userId);
			const plan = await getPlan(db, p.userId);
			const rows = coverage(
				mine,
				weeks,
				Object.fromEntries(plan.areas.map((a) => [a.area, a.plannedHours])),
			);
			const progress = modules.find((m) => m.userId === p.userId);
			const lastEntry = mine.reduce<Date | null>(
				(latest, e) => (!latest || e.updatedAt > latest ? e.updatedAt : latest),
				null,
			);
			const lastModule = progress?.last ? new Date(progress.last) : null;
			const done = checkins
				.filter((c) => c.participantId === p.userId)
				.map((c) => c.kind as CheckinKind);
			return {
				participant: p,
				coverage: rows,
				weeks: weeks.map((w, i) => ({
					week: w.week,
					minutes: rows.reduce((n, r) => n + r.minutesByWeek[i]!, 0),
				})),
				totalMinutes: rows.reduce((n, r) => n + r.totalMinutes, 0),
				pending: mine.filter((e) => e.status === 'submitted').length,
				modulesDone: Number(progress?.n ?? 0),
				lastActivity:
					[lastEntry, lastModule]
						.filter((d): d is Date => Boolean(d))
						.sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
				areasNotStarted: areasBehind(rows, weeks, today),
				missedCheckins: missedCheckins(done, cohort.ojtStart, cohort.ojtEnd, today),
				planConfirmed: Boolean(plan.confirmedAt),
			};
		}),
	);
}
