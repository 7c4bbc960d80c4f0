/**
 * The mentors' cohort page: per participant, the facts (each an SQL aggregate over the cohort's
 * participants, a fixed number of queries whatever the record count) and the behind-rules'
 * verdict on them.
 */
import { inArray, max, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	checkinTable,
	logEntryTallyTable,
	moduleProgressTable,
	ojtPlanAreaTable,
	ojtPlanTable,
	reportTable,
	studyMilestoneTable,
	type Cohort,
} from '~db/schema';
import { behindReasons, trainingDayDate } from '~/lib/cohort/behind-rules';
import { parseSort, sortRows, type CohortRow } from '~/lib/cohort/table';
import { todayIn } from '~/lib/dates';
import { checkinDueDates, checkinLabels } from '~/lib/logbook/checkins';
import type { ModuleSummary } from '~/lib/course/modules';
import { deadlines, statusLabels } from '~/lib/report/rules';
import { cohortForViewer, listMembers } from './manage';
import { findKnowledgeCheck } from '../assessment/knowledge-check';
import { listQuizResults, type QuizResult } from '../assessment/quiz-results';

const areas = [1, 2, 3, 4] as const;

/** Per participant and area: minutes, entries, entries waiting and the latest day logged, from the tally. */
function loggedByArea(db: Db, ids: string[]) {
	const tally = logEntryTallyTable;
	return db
		.select({
			participantId: tally.participantId,
			area: tally.area,
			minutes: sql<number>`sum(${tally.minutes})`,
			entries: sql<number>`sum(${tally.n})`,
			waiting: sql<number>`sum(case when ${tally.status} = 'submitted' then ${tally.n} else 0 end)`,
			lastDate: max(tally.date),
		})
		.from(tally)
		.where(inArray(tally.participantId, ids))
		.groupBy(tally.participantId, tally.area);
}

/** Each participant's latest change to an entry: per person, one look at the end of an index. */
function lastChanges(db: Db, ids: string[]) {
	return db.all<{ participantId: string; at: number | null }>(sql`
		select p.value as participantId,
			(select max(e.updated_at) from log_entry e where e.participant_id = p.value) as at
		from json_each(${JSON.stringify(ids)}) p`);
}

function modulesDone(db: Db, ids: string[]) {
	return db
		.select({
			userId: moduleProgressTable.userId,
			moduleId: moduleProgressTable.moduleId,
			at: moduleProgressTable.completedAt,
		})
		.from(moduleProgressTable)
		.where(inArray(moduleProgressTable.userId, ids));
}

function plans(db: Db, ids: string[]) {
	return db
		.select({
			participantId: ojtPlanAreaTable.participantId,
			area: ojtPlanAreaTable.area,
			hours: ojtPlanAreaTable.plannedHours,
		})
		.from(ojtPlanAreaTable)
		.where(inArray(ojtPlanAreaTable.participantId, ids));
}

function confirmations(db: Db, ids: string[]) {
	return db
		.select({ participantId: ojtPlanTable.participantId, at: ojtPlanTable.confirmedAt })
		.from(ojtPlanTable)
		.where(inArray(ojtPlanTable.participantId, ids));
}

function checkins(db: Db, ids: string[]) {
	return db
		.select({
			participantId: checkinTable.participantId,
			kind: checkinTable.kind,
			heldOn: checkinTable.heldOn,
		})
		.from(checkinTable)
		.where(inArray(checkinTable.participantId, ids));
}

function milestones(db: Db, ids: string[]) {
	return db
		.select({
			participantId: studyMilestoneTable.participantId,
			title: studyMilestoneTable.title,
			dueDate: studyMilestoneTable.dueDate,
			doneAt: studyMilestoneTable.doneAt,
		})
		.from(studyMilestoneTable)
		.where(inArray(studyMilestoneTable.participantId, ids));
}

function reports(db: Db, ids: string[]) {
	return db
		.select({ participantId: reportTable.participantId, status: reportTable.status })
		.from(reportTable)
		.where(inArray(reportTable.participantId, ids));
}

/** Everything the page shows about a cohort's participants on `today`. */
export async function cohortOverview(
	db: Db,
	cohort: Cohort,
	modules: ModuleSummary[],
	today: string,
): Promise<CohortRow[]> {
	const people = (await listMembers(db, cohort.id)).filter((m) => m.role === 'participant');
	const ids = people.map((p) => p.userId);
	if (!ids.length) return [];
	const [logged, changed, done, planned, confirmed, held, steps, reportRows] = await Promise.all([
		loggedByArea(db, ids),
		lastChanges(db, ids),
		modulesDone(db, ids),
		plans(db, ids),
		confirmations(db, ids),
		checkins(db, ids),
		milestones(db, ids),
		reports(db, ids),
	]);
	const due = checkinDueDates(cohort.ojtStart, cohort.ojtEnd);
	const dueByNow = modules.filter((m) => trainingDayDate(cohort, m.day) < today).length;
	return people.map((p) => {
		const mine = <T extends { participantId: string }>(rows: T[]) =>
			rows.filter((r) => r.participantId === p.userId);
		const myLog = mine(logged);
		const myModules = new Set(done.filter((d) => d.userId === p.userId).map((d) => d.moduleId));
		const areaRows = areas.map((area) => {
			const row = myLog.find((r) => r.area === area);
			return {
				area,
				plannedHours: mine(planned).find((r) => r.area === area)?.hours ?? 0,
				loggedMinutes: Number(row?.minutes ?? 0),
				entries: Number(row?.entries ?? 0),
			};
		});
		const myCheckins = mine(held);
		const mySteps = mine(steps);
		const status = mine(reportRows)[0]?.status ?? null;
		const lastEntryDate = myLog.reduce<string | null>(
			(d, r) => (r.lastDate && (!d || r.lastDate > d) ? r.lastDate : d),
			null,
		);
		const lastTimes = [
			Number(mine(changed)[0]?.at ?? 0),
			...done.filter((d) => d.userId === p.userId).map((d) => d.at.getTime()),
		].filter((n) => n > 0);
		const moduleFacts = modules.map((m) => ({
			title: m.title,
			day: m.day,
			done: myModules.has(m.id),
		}));
		return {
			participant: { id: p.userId, name: p.name, administration: p.administration },
			modules: {
				done: moduleFacts.filter((m) => m.done).length,
				total: modules.length,
				dueByNow,
			},
			areas: areaRows,
			totalMinutes: areaRows.reduce((n, a) => n + a.loggedMinutes, 0),
			waiting: myLog.reduce((n, r) => n + Number(r.waiting ?? 0), 0),
			checkins: checkinLabels.map((c) => ({
				kind: c.kind,
				label: c.label,
				heldOn: myCheckins.find((h) => h.kind === c.kind)?.heldOn ?? null,
				due: due[c.kind],
			})),
			milestones: { done: mySteps.filter((m) => m.doneAt).length, total: mySteps.length },
			report: {
				status,
				label: status ? statusLabels[status] : 'Not started',
				deadlines: deadlines(cohort, status ?? 'outline_drafted', today),
			},
			planConfirmed: Boolean(mine(confirmed)[0]?.at),
			lastActivity: lastTimes.length ? new Date(Math.max(...lastTimes)) : null,
			reasons: behindReasons(
				{
					modules: moduleFacts,
					areas: areaRows,
					checkinsDone: myCheckins.map((c) => c.kind),
					milestones: mySteps.map((m) => ({
						title: m.title,
						dueDate: m.dueDate,
						done: Boolean(m.doneAt),
					})),
					lastEntryDate,
					reportStatus: status,
				},
				cohort,
				today,
			),
		};
	});
}

/** The mentor's own review backlog: entries waiting across their cohorts, and the oldest wait. */
export async function reviewBacklog(db: Db, mentorId: string) {
	// The count from the tally; the oldest wait from each participant's first submitted entry in
	// the queue index (one index look per participant, not a read of every waiting entry).
	const [row] = await db.all<{ n: number; oldest: number | null }>(sql`
		with mentees as (
			select p.user_id as id from cohort_member p
			join cohort_member m on m.cohort_id = p.cohort_id
			where m.user_id = ${mentorId} and m.role = 'mentor' and p.role = 'participant')
		select
			(select coalesce(sum(t.n), 0) from log_entry_tally t
				where t.status = 'submitted' and t.participant_id in (select id from mentees)) as n,
			(select min((select e.submitted_at from log_entry e
				where e.participant_id = mentees.id and e.status = 'submitted'
				order by e.submitted_at limit 1)) from mentees) as oldest`);
	return {
		waiting: Number(row?.n ?? 0),
		oldest: row?.oldest ? new Date(Number(row.oldest)) : null,
	};
}

/** One cell of the cohort matrix: a participant's first and best score on a module's check. */
export type CheckCell = Pick<
	QuizResult,
	'firstScore' | 'firstTotal' | 'bestScore' | 'bestTotal' | 'attempts'
> & {
	/** Against the module's current pass mark. */
	firstPassed: boolean;
	bestPassed: boolean;
};

/**
 * The knowledge checks of a cohort's participants: per module, its current pass mark, and per
 * participant who has tried it, the first attempt and the best one (one query for the cohort).
 */
export async function cohortChecks(db: Db, cohortId: string, modules: ModuleSummary[]) {
	const [results, checks] = await Promise.all([
		listQuizResults(db, cohortId),
		Promise.all(modules.map((m) => findKnowledgeCheck(m.id))),
	]);
	const passMarks = new Map(checks.flatMap((c) => (c ? [[c.moduleId, c.passMark] as const] : [])));
	const cells = new Map<string, CheckCell>();
	for (const r of results) {
		const mark = passMarks.get(r.moduleId);
		if (mark === undefined) continue;
		cells.set(`${r.userId}/${r.moduleId}`, {
			firstScore: r.firstScore,
			firstTotal: r.firstTotal,
			bestScore: r.bestScore,
			bestTotal: r.bestTotal,
			attempts: r.attempts,
			firstPassed: r.firstScore >= mark,
			bestPassed: r.bestScore >= mark,
		});
	}
	return {
		passMarks,
		cell: (userId: string, moduleId: string) => cells.get(`${userId}/${moduleId}`),
	};
}

/** What the cohort page shows: the cohort, its rows in the asked order and the viewer's backlog. */
export async function loadCohortPage(
	db: Db,
	viewer: { id: string; role: string },
	params: URLSearchParams,
	modules: ModuleSummary[],
) {
	const cohort = await cohortForViewer(db, viewer, params.get('cohort'));
	const today = cohort ? todayIn(cohort.timezone) : '';
	const sort = parseSort(params.get('sort'), params.get('dir'));
	const rows = cohort
		? sortRows(await cohortOverview(db, cohort, modules, today), sort.key, sort.dir)
		: [];
	const backlog = viewer.role === 'mentor' ? await reviewBacklog(db, viewer.id) : null;
	const checks = cohort ? await cohortChecks(db, cohort.id, modules) : null;
	return { cohort, today, sort, rows, backlog, checks };
}
