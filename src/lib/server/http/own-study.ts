/** The start the participant's own study pages share (/study and /study/paper). */
import type { AstroGlobal } from 'astro';
import type { Db } from '~db/client';
import { guardPage } from '../auth/page-guard';
import { handleStudyPost } from '../study/page-post';
import { findStudyForViewer } from '../study/plan';

/**
 * The study post handled first (a post answers before the page renders), then the participant's
 * own study, or the response that ends the request. Mentors and admins read studies from the
 * review list, so they are sent there. The study is editable while the participant is in a
 * cohort that is not archived.
 */
export async function ownStudyPage(astro: AstroGlobal, db: Db, page: string) {
	const post = await handleStudyPost(astro, db, page);
	if (post instanceof Response) return post;
	const user = await guardPage(astro, 'participant', 'mentor', 'admin');
	if (user instanceof Response) return user;
	if (user.role !== 'participant') return astro.redirect('/review', 302);
	const view = await findStudyForViewer(db, user, user.id);
	if (!view) return astro.rewrite('/404');
	return { post, user, view, editable: view.inCohort && !view.archived };
}
