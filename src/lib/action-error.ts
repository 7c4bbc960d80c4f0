/**
 * One sentence for a refused action, whatever shape the error has. Astro's input error carries
 * `Failed to validate: [ { "path": … } ]` as its message; people must never see that, nor JSON,
 * nor zod's English defaults. Pure: pages, components and islands all use it.
 */

/** What every refused action can fall back on when nothing better is known. */
export const fallbackSentence = 'This could not be saved. Check what you entered and try again.';

/** A hidden field (record id, version) was missing or wrong: nothing beside a field can say it. */
export const staleFormSentence = 'This form is out of date. Reload the page and try again.';

type ErrorLike = {
	type?: unknown;
	message?: unknown;
	code?: unknown;
	issues?: { message?: unknown }[];
	fields?: Record<string, unknown>;
};

/** Messages that are machine output, not words for people. */
const raw =
	/Failed to validate|AstroAction|"path"|\[\s*\{|^\s*[[{]|Invalid input|Too (small|big)|expected .*received|^Invalid |Required$/;

/** True when a message reads as a sentence a person can act on. */
export function isHumanMessage(message: unknown): message is string {
	return typeof message === 'string' && message.trim().length > 2 && !raw.test(message);
}

/** The first human message of each field of an input error, by field name. */
export function fieldMessages(error: unknown): Record<string, string> {
	const e = (error ?? {}) as ErrorLike;
	const out: Record<string, string> = {};
	for (const [field, messages] of Object.entries(e.fields ?? {})) {
		const first = Array.isArray(messages) ? messages.find(isHumanMessage) : undefined;
		if (first) out[field] = first;
	}
	return out;
}

/** True for Astro's input-validation error (what `isInputError` checks, without importing it). */
export function isInputErrorLike(error: unknown): boolean {
	return (error as ErrorLike | null)?.type === 'AstroActionInputError';
}

/**
 * The sentence to show at the top for a refused action: for an input error, the one field's
 * message (it also stands beside the field) or how many fields to correct; otherwise the error's
 * own message when it is a sentence a person can read.
 */
export function errorSentence(error: unknown): string {
	if (!error) return fallbackSentence;
	const e = error as ErrorLike;
	if (isInputErrorLike(error)) {
		const fields = Object.values(fieldMessages(error));
		if (fields.includes(staleFormSentence)) return staleFormSentence;
		if (fields.length === 1) return fields[0]!;
		if (fields.length > 1) return `Please correct the ${fields.length} fields marked below.`;
		return e.issues?.map((i) => i.message).find(isHumanMessage) ?? fallbackSentence;
	}
	if (e.code === 'UNAUTHORIZED' && !isHumanMessage(e.message))
		return 'Your session has ended. Sign in again to continue.';
	return isHumanMessage(e.message) ? e.message : fallbackSentence;
}
