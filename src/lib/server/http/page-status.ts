/**
 * The frontmatter lines every form page repeated: read the action's form state and answer with
 * its error status, so a failed POST is not a 200 in logs and tests.
 */
import type { AstroGlobal } from 'astro';
import { formState, type FormState } from './form';

type ActionResultLike = Parameters<typeof formState>[1];

/** The form state of `result`, with the page's status set to its error status when it failed. */
export async function pageForm(astro: AstroGlobal, result: ActionResultLike): Promise<FormState> {
	const form = await formState(astro.request, result);
	answerStatus(astro, form.status);
	return form;
}

/** Sets the page's status to the first of `statuses` that is set (a failed action's); returns it. */
export function answerStatus(
	astro: AstroGlobal,
	...statuses: (number | null | undefined)[]
): number | null {
	const status = statuses.find((s) => s != null) ?? null;
	if (status) astro.response.status = status;
	return status;
}

/** The error status of an action result, or null when it did not fail. */
export function failedStatus(result: { error?: { status: number } | undefined } | undefined) {
	return result?.error ? result.error.status : null;
}
