/** The frontmatter of the two course test routes, which differ only in which test they show. */
import type { AstroGlobal } from 'astro';
import { actions } from 'astro:actions';
import type { AssessmentKind } from '~db/schema';
import { pageForm } from './page-status';

/**
 * The submitted form's state (its error status answered) and, when this test was the one
 * submitted, the scored outcome. The pre- and post-test share one action, so an outcome of the
 * other kind is not shown here.
 */
export async function courseTestPage(astro: AstroGlobal, kind: AssessmentKind) {
	const result = astro.getActionResult(actions.assessment.submit);
	const form = await pageForm(astro, result);
	return { form, outcome: result?.data?.kind === kind ? result.data : null };
}
