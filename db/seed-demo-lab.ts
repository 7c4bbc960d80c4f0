/**
 * Demo data-lab interpretations: each demo participant has sent one on the concealment shift,
 * waiting for the mentor; the first participant also has one on the linked cluster that the
 * mentor has scored, so the review's result can be seen. All invented, like the data set.
 */
import type { Db } from './client';
import type { DemoIds } from './seed-demo';
import { labInterpretationTable } from './schema';

const hour = 3_600_000;

const concealment =
	'Filtering methamphetamine and grouping by year and concealment method, tea packaging was the most frequent method in 2023 and machinery parts in 2025. This looks like a change of method after detections, so a profile built on tea packaging would now miss most cases. Another explanation is that some administrations record the method differently, and some records have no concealment method at all. I would check the change per reporting administration before writing an alert. It is likely that the modus operandi changed; my confidence is moderate because seizures show only what was found.';

const cluster =
	'One consignee reference appears on far more cases than any other, in small postal and courier parcels of MDMA tablets over almost two years, reported by the destination and by transit administrations. Each administration sees only a few cases, so the pattern appears only when the data is put together. It could also be a parcel locker or forwarder used by many people. The reference stands for a national field that the global CEN would not hold, so in practice the link would come from administrations exchanging information, not from a CEN search. A single supply chain is likely; moderate confidence.';

/** One waiting interpretation per participant; a reviewed one for the first. Idempotent on a fresh demo database. */
export async function seedDemoLab(db: Db, ids: DemoIds, now = Date.now()): Promise<void> {
	const at = (hoursAgo: number) => new Date(now - hoursAgo * hour);
	await db
		.insert(labInterpretationTable)
		.values([
			...ids.participantIds.map((participantId, i) => ({
				id: `demolabint${i + 1}1`,
				participantId,
				exerciseId: 'interpret-concealment-shift',
				body: concealment,
				createdAt: at(20 + i),
			})),
			{
				id: 'demolabint12',
				participantId: ids.participantIds[0]!,
				exerciseId: 'interpret-linked-cluster',
				body: cluster,
				createdAt: at(50),
				reviewerId: ids.mentorId,
				scores: { evidence: 2, alternatives: 3, limits: 3 },
				comment:
					'Good reasoning about who sees what. Give the number of cases and the period, and say which view you used, so another analyst can check it.',
				reviewedAt: at(45),
			},
		])
		.onConflictDoNothing();
}
