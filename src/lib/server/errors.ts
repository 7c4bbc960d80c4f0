/** A broken business rule, said in words a person can act on. Actions turn it into a response. */
export type RuleCode = 'invalid' | 'not_found' | 'forbidden' | 'conflict';

export class RuleError extends Error {
	constructor(
		readonly code: RuleCode,
		message: string,
		/** The form field the message belongs beside, when there is one. */
		readonly field?: string,
	) {
		super(message);
		this.name = 'RuleError';
	}
}

/** Shorthand for the 404 every foreign or missing record gets (ids leak nothing). */
export function notFound(what = 'record'): RuleError {
	return new RuleError('not_found', `No such ${what}.`);
}

/** Shorthand for a rejected input, its message shown beside `field` when one is named. */
export function invalid(message: string, field?: string): RuleError {
	return new RuleError('invalid', message, field);
}
