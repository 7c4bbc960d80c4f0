/**
 * What a page needs to re-render a form after its action: the result, each field's error, a
 * general error, and the values the person typed (passwords left out) so nothing is lost.
 */
import { isInputError } from 'astro:actions';
import { errorSentence, fieldMessages } from '~/lib/action-error';

export { errorSentence } from '~/lib/action-error';

type ActionResultLike = { data?: unknown; error?: unknown } | undefined;

export type FormState = {
	/** The submitted values, by field name (empty on GET). */
	values: Record<string, string>;
	/** The first message for each field that failed. */
	errors: Record<string, string>;
	/** A message that belongs to the whole form (e.g. wrong password, throttled, conflict). */
	error: string | null;
	/** HTTP status of the error, when there was one. */
	status: number | null;
	/** True when the action succeeded. */
	ok: boolean;
};

const secretField = /password|^current$|^next$|^confirm$|token/i;

/** Builds the form state for a page from its action result and request. */
export async function formState(request: Request, result: ActionResultLike): Promise<FormState> {
	const values: Record<string, string> = {};
	if (request.method === 'POST' && result?.error) {
		const data = await request.formData().catch(() => null);
		data?.forEach((value, key) => {
			if (typeof value === 'string' && !secretField.test(key)) values[key] = value;
		});
	}
	let errors: Record<string, string> = {};
	let error: string | null = null;
	let status: number | null = null;
	if (result?.error) {
		status = (result.error as { status?: number }).status ?? 400;
		if (isInputError(result.error)) errors = fieldMessages(result.error);
		error = errorSentence(result.error);
	}
	return { values, errors, error, status, ok: Boolean(result && !result.error) };
}

/** The fields of a POSTed form as strings (for pages that re-show typed text outside formState). */
export async function submittedText(request: Request): Promise<Record<string, string>> {
	if (request.method !== 'POST') return {};
	const data = await request.formData().catch(() => null);
	const values: Record<string, string> = {};
	data?.forEach((value, key) => {
		if (typeof value === 'string' && !secretField.test(key)) values[key] = value;
	});
	return values;
}
