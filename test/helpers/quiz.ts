/** Knowledge-check attempts for tests, as the quiz island posts them. */
import type { Db } from '~db/client';
import type { SessionUser } from '~/lib/server/auth/session';
import {
	submitKnowledgeCheck,
	type CheckSubmission,
	type KnowledgeCheck,
} from '~/lib/server/assessment/knowledge-check';

/** `who` submits `answers`; `seed` is the attempt's option order, the clock starts at 0. */
export function takeCheck(
	db: Db,
	who: SessionUser | null,
	check: KnowledgeCheck,
	seed: number,
	answers: CheckSubmission['answers'],
) {
	return submitKnowledgeCheck(db, who, check, { seed, startedAt: 0, answers });
}
