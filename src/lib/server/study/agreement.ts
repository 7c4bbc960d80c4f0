/**
 * The three-party agreement on a study's intelligence activities: the participant, RILO A/P (a
 * mentor of their cohort) and their home administration (a `home` contact of it). Each party
 * agrees or asks for a change with a comment; changing what the activity is resets them all.
 */
import { eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	activityAgreementTable,
	agreementParties,
	studyActivityTable,
	userTable,
	type ActivityAgreement,
	type AgreementParty,
} from '~db/schema';
import { normaliseNewlines } from '~/lib/text';
import { findVisibleParticipant } from '../access';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { mentorsOf } from '../logbook/entry';
import { notify } from '../notify/notification';
import { findOverseenParticipant } from '../oversight/access';
import { homeContactsOf } from '../oversight/contacts';
import type { SessionUser } from '../auth/session';
import { assertStudyOpen } from './access';
import { findRow } from '../find-row';

/** How each party is named on the page. */
export const partyNames: Record<AgreementParty, string> = {
	participant: 'Participant',
	rilo_ap: 'RILO A/P',
	home: 'Home administration',
};

/** The party a signed-in person answers for, or null (the Secretariat and admins read only). */
export function partyOf(viewer: SessionUser): AgreementParty | null {
	if (viewer.role === 'participant') return 'participant';
	if (viewer.role === 'mentor') return 'rilo_ap';
	if (viewer.role === 'home') return 'home';
	return null;
}

/** An answer with the name of who gave it. */
export type AgreementRow = ActivityAgreement & { name: string };

/** Every answer on some activities. */
export async function listAgreements(db: Db, activityIds: string[]): Promise<AgreementRow[]> {
	if (!activityIds.length) return [];
	return db
		.select({ ...getTableColumns(activityAgreementTable), name: userTable.name })
		.from(activityAgreementTable)
		.innerJoin(userTable, eq(userTable.id, activityAgreementTable.userId))
		.where(inArray(activityAgreementTable.activityId, activityIds));
}

/** Where an activity's agreement stands. */
export type AgreementState = 'agreed' | 'change_requested' | 'pending';

/** Agreed when all three agreed; change requested when any party asked for one; else pending. */
export function agreementState(
	answers: Pick<ActivityAgreement, 'decision' | 'party'>[],
): AgreementState {
	if (answers.some((a) => a.decision === 'change')) return 'change_requested';
	const agreed = new Set(answers.filter((a) => a.decision === 'agreed').map((a) => a.party));
	return agreementParties.every((p) => agreed.has(p)) ? 'agreed' : 'pending';
}

/** How each state is said on the page. */
export const agreementStateLabels: Record<AgreementState, string> = {
	agreed: 'Agreed by all three',
	change_requested: 'Change requested',
	pending: 'Waiting for agreement',
};

/**
 * The activities all three parties agreed, and the others (proposed, awaiting agreement) each
 * with where its agreement stands; both in the order given.
 */
export function activitiesByAgreement<T extends { id: string }>(
	activities: T[],
	agreements: Pick<ActivityAgreement, 'activityId' | 'decision' | 'party'>[],
) {
	const agreed: T[] = [];
	const proposed: { activity: T; state: AgreementState }[] = [];
	for (const activity of activities) {
		const state = agreementState(agreements.filter((g) => g.activityId === activity.id));
		if (state === 'agreed') agreed.push(activity);
		else proposed.push({ activity, state });
	}
	return { agreed, proposed };
}

/** The accounts that answer for a party on a participant's activities. */
export async function partyAccounts(
	db: Db,
	participantId: string,
	party: AgreementParty,
): Promise<string[]> {
	if (party === 'participant') return [participantId];
	if (party === 'rilo_ap') return mentorsOf(db, participantId);
	return homeContactsOf(db, participantId);
}

/** Tells the parties whose agreement is pending on an activity. */
export async function notifyPendingParties(
	db: Db,
	participantId: string,
	activityId: string,
	text: string,
	except: AgreementParty | null = null,
) {
	const answers = await db
		.select()
		.from(activityAgreementTable)
		.where(eq(activityAgreementTable.activityId, activityId));
	const agreed = new Set(answers.filter((a) => a.decision === 'agreed').map((a) => a.party));
	for (const party of agreementParties) {
		if (party === except || agreed.has(party)) continue;
		const link =
			party === 'participant'
				? `/study#activity-${activityId}`
				: party === 'rilo_ap'
					? `/study/${participantId}#activity-${activityId}`
					: `/oversight/${participantId}#activity-${activityId}`;
		await notify(db, await partyAccounts(db, participantId, party), text, link);
	}
}

/** The activity, when `viewer` may answer for a party on it; a 404 when they may not see it. */
async function activityFor(db: Db, viewer: SessionUser, activityId: string) {
	const party = partyOf(viewer);
	if (!party)
		throw new RuleError(
			'forbidden',
			'The participant, a mentor and a home administration contact agree activities.',
		);
	const activity = await findRow(db, studyActivityTable, eq(studyActivityTable.id, activityId));
	if (!activity) throw notFound('activity');
	const visible =
		viewer.role === 'home'
			? await findOverseenParticipant(db, viewer, activity.participantId)
			: await findVisibleParticipant(db, viewer, activity.participantId);
	if (!visible) throw notFound('activity');
	return { activity, party };
}

/** One party agrees to an activity, or asks for a change (a comment is then required). */
export async function answerActivity(
	db: Db,
	viewer: SessionUser,
	activityId: string,
	input: { decision: 'agreed' | 'change'; comment: string },
	now = new Date(),
): Promise<ActivityAgreement> {
	const { activity, party } = await activityFor(db, viewer, activityId);
	await assertStudyOpen(db, activity.participantId);
	const comment = normaliseNewlines(input.comment).trim();
	if (input.decision === 'change' && !comment)
		throw new RuleError(
			'invalid',
			'Say what should change, so the others can act on it.',
			'comment',
		);
	const row = await db.transaction(async (tx) => {
		const [saved] = await tx
			.insert(activityAgreementTable)
			.values({
				activityId,
				party,
				userId: viewer.id,
				decision: input.decision,
				comment,
				decidedAt: now,
			})
			.onConflictDoUpdate({
				target: [activityAgreementTable.activityId, activityAgreementTable.party],
				set: { userId: viewer.id, decision: input.decision, comment, decidedAt: now },
			})
			.returning();
		await recordAudit(tx, {
			actorId: viewer.id,
			action: input.decision === 'agreed' ? 'study.activity_agree' : 'study.activity_change',
			subjectType: 'study_activity',
			subjectId: activityId,
			details: { participant: activity.participantId, party },
		});
		return saved!;
	});
	const what = activity.what.split('\n')[0]!.slice(0, 80);
	await notifyPendingParties(
		db,
		activity.participantId,
		activityId,
		input.decision === 'agreed'
			? `${viewer.name} (${partyNames[party]}) agreed to the activity “${what}”; your agreement is pending.`
			: `${viewer.name} (${partyNames[party]}) asked for a change to the activity “${what}”.`,
		party,
	);
	return row;
}

/**
 * Clears every answer on an activity (what was agreed changed) but the participant's, who
 * proposed the change: proposing is agreeing. The caller notifies the others.
 */
export async function resetAgreements(
	tx: Pick<Db, 'delete' | 'insert'>,
	activityId: string,
	proposer: SessionUser,
	now = new Date(),
) {
	await tx.delete(activityAgreementTable).where(eq(activityAgreementTable.activityId, activityId));
	await proposerAgrees(tx, activityId, proposer, now);
}

/** The participant proposing (or rewording) an activity agrees to it by doing so. */
export async function proposerAgrees(
	tx: Pick<Db, 'insert'>,
	activityId: string,
	proposer: SessionUser,
	now = new Date(),
) {
	await tx
		.insert(activityAgreementTable)
		.values({
			activityId,
			party: 'participant',
			userId: proposer.id,
			decision: 'agreed',
			comment: '',
			decidedAt: now,
		})
		.onConflictDoUpdate({
			target: [activityAgreementTable.activityId, activityAgreementTable.party],
			set: { userId: proposer.id, decision: 'agreed', comment: '', decidedAt: now },
		});
}
