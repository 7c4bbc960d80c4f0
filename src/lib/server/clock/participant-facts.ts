/** The records behind a participant's reminders, read with a few indexed queries per cohort. */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { logEntryTable, reportTable, reviewDecisionTable, studyMilestoneTable } from '~db/schema';
import type { ParticipantFacts } from '~/lib/clock/participant-reminders';
import { todayIn } from '~/lib/dates';
import { membersOf } from '../cohort/members';
import type { CohortNow } from './running-cohorts';

async function openEntries(db: Db, ids: string[], tz: string) {
	const rows = await db
		.select({
			id: logEntryTable.id,
			participantId: logEntryTable.participantId,
			title: logEntryTable.title,
			handling: logEntryTable.handling,
			status: logEntryTable.status,
			createdAt: logEntryTable.createdAt,
		})
		.from(logEntryTable)
		.where(
			and(
				inArray(logEntryTable.participantId, ids),
				inArray(logEntryTable.status, ['draft', 'changes_requested']),
			),
		);
	const returnedIds = rows.filter((r) => r.status === 'changes_requested').map((r) => r.id);
	const requests = returnedIds.length
		? await db
				.select({ entryId: reviewDecisionTable.entryId, at: reviewDecisionTable.createdAt })
				.from(reviewDecisionTable)
				.where(
					and(
						inArray(reviewDecisionTable.entryId, returnedIds),
						eq(reviewDecisionTable.decision, 'changes_requested'),
					),
				)
				.orderBy(desc(reviewDecisionTable.createdAt))
		: [];
	const requestedOn = new Map<string, string>();
	for (const r of requests)
		if (!requestedOn.has(r.entryId)) requestedOn.set(r.entryId, todayIn(tz, r.at));
	return rows.map((r) => ({
		...r,
		// Mail never carries restricted text: such an entry is named without its title.
		label: r.handling === 'restricted' ? 'a restricted entry (title withheld)' : `“${r.title}”`,
		createdOn: todayIn(tz, r.createdAt),
		returnedOn: requestedOn.get(r.id) ?? todayIn(tz, r.createdAt),
	}));
}

/** The facts of every participant of a running cohort. */
export async function participantFacts(db: Db, { cohort }: CohortNow): Promise<ParticipantFacts[]> {
	const active = await membersOf(db, cohort.id, { role: 'participant', enabledOnly: true });
	const ids = active.map((p) => p.id);
	if (!ids.length) return [];
	const [entries, milestones, reports] = await Promise.all([
		openEntries(db, ids, cohort.timezone),
		db
			.select()
			.from(studyMilestoneTable)
			.where(
				and(inArray(studyMilestoneTable.participantId, ids), isNull(studyMilestoneTable.doneAt)),
			),
		db
			.select({ participantId: reportTable.participantId, status: reportTable.status })
			.from(reportTable)
			.where(inArray(reportTable.participantId, ids)),
	]);
	return ids.map((participantId) => {
		const own = entries.filter((e) => e.participantId === participantId);
		return {
			participantId,
			cohort,
			drafts: own.filter((e) => e.status === 'draft'),
			returned: own.filter((e) => e.status === 'changes_requested'),
			milestones: milestones.filter((m) => m.participantId === participantId),
			reportStatus:
				reports.find((r) => r.participantId === participantId)?.status ?? 'outline_drafted',
		};
	});
}
