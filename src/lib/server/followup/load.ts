/**
 * Reading the follow-up of a former participant's recommendations: who may see and answer it,
 * and the recommendations of the accepted report version with the answers given so far.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	recommendationFollowUpTable,
	reportVersionTable,
	userTable,
	type RecommendationFollowUp,
} from '~db/schema';
import { openRounds, recommendationsFrom, roundDate } from '~/lib/followup/rules';
import { todayIn, type Day } from '~/lib/dates';
import type { SessionUser } from '../auth/session';
import { notFound } from '../errors';
import { latestVersion, versionSections } from '../report/versions';
import { findOverseenParticipant, participantMembership } from '../oversight/access';

/** One round with its recommendations and any answers. */
export type FollowUpRound = {
	round: number;
	date: Day;
	open: boolean;
	items: { item: number; recommendation: string; answer: RecommendationFollowUp | null }[];
};

/** What a follow-up page shows. */
export type FollowUpView = {
	participant: { id: string; name: string };
	edition: string;
	administration: string;
	departure: Day;
	versionNumber: number;
	rounds: FollowUpRound[];
	canAnswer: boolean;
	/** The cohort's time zone, for when each answer was given. */
	timeZone: string;
};

/** True when `viewer` answers for this participant: the alumnus, or a home contact of their administration. */
export async function answersFor(
	db: Db,
	viewer: SessionUser,
	participantId: string,
): Promise<boolean> {
	if (viewer.role === 'participant') return viewer.id === participantId;
	if (viewer.role !== 'home') return false;
	return (await findOverseenParticipant(db, viewer, participantId)) !== null;
}

/** Anyone who may see the officer (access.ts and oversight/access.ts rules) may read the follow-up. */
async function mayRead(db: Db, viewer: SessionUser, participantId: string): Promise<boolean> {
	return (await findOverseenParticipant(db, viewer, participantId)) !== null;
}

/** The accepted version's recommendations (section kind `recommendations`), or null. */
export async function acceptedRecommendations(db: Pick<Db, 'select'>, participantId: string) {
	const version = await latestVersion(
		db,
		participantId,
		eq(reportVersionTable.decision, 'accepted'),
	);
	if (!version) return null;
	const sections = await versionSections(db, version.id, 'recommendations');
	return { version, items: sections.flatMap((s) => recommendationsFrom(s.outline)) };
}

/** The follow-up of one former participant, for someone who may see it; a 404 otherwise. */
export async function loadFollowUp(
	db: Db,
	viewer: SessionUser,
	participantId: string,
	now = new Date(),
): Promise<FollowUpView> {
	if (!(await mayRead(db, viewer, participantId))) throw notFound('follow-up');
	const membership = await participantMembership(db, participantId);
	const accepted = await acceptedRecommendations(db, participantId);
	if (!membership || !accepted) throw notFound('follow-up');
	const [person] = await db
		.select({ name: userTable.name })
		.from(userTable)
		.where(eq(userTable.id, participantId));
	const answers = await db
		.select()
		.from(recommendationFollowUpTable)
		.where(eq(recommendationFollowUpTable.participantId, participantId));
	const { cohort } = membership;
	const open = openRounds(cohort.departureDate, todayIn(cohort.timezone, now));
	return {
		participant: { id: participantId, name: person?.name ?? '' },
		edition: cohort.edition,
		administration: membership.administration ?? '',
		departure: cohort.departureDate,
		versionNumber: accepted.version.number,
		canAnswer: await answersFor(db, viewer, participantId),
		timeZone: cohort.timezone,
		rounds: [3, 6].map((round) => ({
			round,
			date: roundDate(cohort.departureDate, round),
			open: open.includes(round),
			items: accepted.items.map((recommendation, i) => ({
				item: i + 1,
				recommendation,
				answer: answers.find((a) => a.round === round && a.item === i + 1) ?? null,
			})),
		})),
	};
}
