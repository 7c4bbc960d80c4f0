/** Recording the answers of a follow-up round: the alumnus or their home contact, once the round is open. */
import type { Db } from '~db/client';
import { recommendationFollowUpTable, type FollowUpAnswer } from '~db/schema';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { loadFollowUp } from './load';

/** One answer as the form sends it. */
export type FollowUpInput = { item: number; answer: FollowUpAnswer; note: string };

/** Saves the answers given for a round (items left blank are left as they were); audited. */
export async function saveFollowUp(
	db: Db,
	viewer: SessionUser,
	participantId: string,
	round: number,
	answers: FollowUpInput[],
	now = new Date(),
): Promise<number> {
	const view = await loadFollowUp(db, viewer, participantId, now);
	if (!view.canAnswer) throw notFound('follow-up');
	const target = view.rounds.find((r) => r.round === round);
	if (!target) throw new RuleError('invalid', 'There is no such follow-up round.');
	if (!target.open)
		throw new RuleError('conflict', `The ${round}-month follow-up opens on ${target.date}.`);
	const known = new Map(target.items.map((i) => [i.item, i.recommendation]));
	const valid = answers.filter((a) => known.has(a.item));
	if (!valid.length)
		throw new RuleError('invalid', 'Choose an answer for at least one recommendation.');
	await db.transaction(async (tx) => {
		for (const a of valid)
			await tx
				.insert(recommendationFollowUpTable)
				.values({
					id: newId(),
					participantId,
					round,
					item: a.item,
					recommendation: known.get(a.item)!,
					answer: a.answer,
					note: a.note,
					answeredBy: viewer.id,
					answeredAt: now,
				})
				.onConflictDoUpdate({
					target: [
						recommendationFollowUpTable.participantId,
						recommendationFollowUpTable.round,
						recommendationFollowUpTable.item,
					],
					set: { answer: a.answer, note: a.note, answeredBy: viewer.id, answeredAt: now },
				});
		await recordAudit(tx, {
			actorId: viewer.id,
			action: 'follow_up.answer',
			subjectType: 'report',
			subjectId: participantId,
			details: { participant: participantId, round, answered: valid.length },
		});
	});
	return valid.length;
}
