/** The OJT plan (objectives, tasks and hours per area; confirmed by a mentor) and the three check-ins. */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	checkinTable,
	ojtPlanAreaTable,
	ojtPlanTable,
	type CheckinKind,
	type OjtArea,
} from '~db/schema';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { findVisibleParticipant } from '../access';
import { mentorsOf } from './entry';
import { notify } from '../notify/notification';
import type { SessionUser } from '../auth/session';
import { findRow } from '../find-row';

export type PlanAreaInput = {
	area: OjtArea;
	objectives: string;
	tasks: string;
	plannedHours: number;
};

/** A participant's plan: the four areas (empty where not written yet) and its confirmation. */
export async function getPlan(db: Db, participantId: string) {
	const rows = await db
		.select()
		.from(ojtPlanAreaTable)
		.where(eq(ojtPlanAreaTable.participantId, participantId));
	const plan = await findRow(db, ojtPlanTable, eq(ojtPlanTable.participantId, participantId));
	const areas = ([1, 2, 3, 4] as const).map(
		(area) =>
			rows.find((r) => r.area === area) ?? {
				participantId,
				area,
				objectives: '',
				tasks: '',
				plannedHours: 0,
				updatedAt: null,
			},
	);
	return { areas, confirmedAt: plan?.confirmedAt ?? null, confirmedBy: plan?.confirmedBy ?? null };
}

/** Saves the plan; a change after confirmation asks the mentor to confirm again. */
export async function savePlan(
	db: Db,
	participant: SessionUser,
	areas: PlanAreaInput[],
): Promise<void> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only participants write their OJT plan.');
	const now = new Date();
	await db.transaction(async (tx) => {
		for (const a of areas) {
			const values = {
				participantId: participant.id,
				area: a.area,
				objectives: a.objectives,
				tasks: a.tasks,
				plannedHours: a.plannedHours,
				updatedAt: now,
			};
			await tx
				.insert(ojtPlanAreaTable)
				.values(values)
				.onConflictDoUpdate({
					target: [ojtPlanAreaTable.participantId, ojtPlanAreaTable.area],
					set: values,
				});
		}
		await tx
			.insert(ojtPlanTable)
			.values({ participantId: participant.id, updatedAt: now })
			.onConflictDoUpdate({
				target: ojtPlanTable.participantId,
				set: { confirmedAt: null, confirmedBy: null, updatedAt: now },
			});
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'plan.save',
			subjectType: 'user',
			subjectId: participant.id,
		});
		await notify(
			tx,
			await mentorsOf(tx, participant.id),
			`${participant.name} updated their OJT plan; please confirm it.`,
			`/review/${participant.id}#plan`,
		);
	});
}

/** A mentor confirms the plan as agreed. */
export async function confirmPlan(
	db: Db,
	mentor: SessionUser,
	participantId: string,
): Promise<void> {
	if (mentor.role !== 'mentor') throw new RuleError('forbidden', 'Only mentors confirm OJT plans.');
	if (!(await findVisibleParticipant(db, mentor, participantId))) throw notFound('participant');
	const plan = await findRow(db, ojtPlanTable, eq(ojtPlanTable.participantId, participantId));
	if (!plan) throw new RuleError('conflict', 'There is no plan to confirm yet.');
	await db.transaction(async (tx) => {
		await tx
			.update(ojtPlanTable)
			.set({ confirmedAt: new Date(), confirmedBy: mentor.id })
			.where(eq(ojtPlanTable.participantId, participantId));
		await recordAudit(tx, {
			actorId: mentor.id,
			action: 'plan.confirm',
			subjectType: 'user',
			subjectId: participantId,
		});
		await notify(tx, [participantId], `${mentor.name} confirmed your OJT plan.`, '/logbook/plan');
	});
}

/** Records (or corrects) a check-in with the mentor's notes. */
export async function saveCheckin(
	db: Db,
	mentor: SessionUser,
	participantId: string,
	kind: CheckinKind,
	heldOn: string,
	notes: string,
) {
	if (mentor.role !== 'mentor') throw new RuleError('forbidden', 'Only mentors record check-ins.');
	if (!(await findVisibleParticipant(db, mentor, participantId))) throw notFound('participant');
	const values = { participantId, kind, heldOn, notes, mentorId: mentor.id, updatedAt: new Date() };
	await db.transaction(async (tx) => {
		await tx
			.insert(checkinTable)
			.values(values)
			.onConflictDoUpdate({ target: [checkinTable.participantId, checkinTable.kind], set: values });
		await recordAudit(tx, {
			actorId: mentor.id,
			action: 'checkin.save',
			subjectType: 'user',
			subjectId: participantId,
			details: { kind },
		});
		await notify(
			tx,
			[participantId],
			`${mentor.name} recorded your ${kind === 'mid' ? 'mid-OJT' : kind === 'start' ? 'start' : 'pre-departure'} check-in.`,
			'/logbook/plan#checkins',
		);
	});
}

/** A participant's check-ins. */
export function listCheckins(db: Db, participantId: string) {
	return db.select().from(checkinTable).where(eq(checkinTable.participantId, participantId));
}
