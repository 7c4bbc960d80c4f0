/** The cohorts whose clock is running now, each with its own today and hour (its time zone). */
import { isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { cohortTable, type Cohort } from '~db/schema';
import { cohortStillRunning } from '~/lib/clock/participant-reminders';
import { todayIn, type Day } from '~/lib/dates';

/** A cohort with the day and hour it is there now. */
export type CohortNow = { cohort: Cohort; today: Day; hour: number };

/** The hour (0–23) now in a time zone. */
export function hourIn(timeZone: string, now: Date): number {
	return Number(
		new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
	);
}

/** Cohorts not archived whose programme is near or whose corrections window is still open. */
export async function runningCohorts(db: Db, now: Date): Promise<CohortNow[]> {
	const cohorts = await db.select().from(cohortTable).where(isNull(cohortTable.archivedAt));
	return cohorts
		.map((cohort) => ({
			cohort,
			today: todayIn(cohort.timezone, now),
			hour: hourIn(cohort.timezone, now),
		}))
		.filter(({ cohort, today }) => cohortStillRunning(cohort, today));
}
