/**
 * Zod building blocks for form actions. Astro turns an empty form field into null, so every
 * text field says in words what is missing instead of "expected string, received null".
 */
import { z } from 'astro/zod';
import { isDay } from './dates';
import { staleFormSentence } from './action-error';

type Issue = {
	code?: string;
	input?: unknown;
	expected?: string;
	origin?: string;
	minimum?: number | bigint;
	maximum?: number | bigint;
	format?: string;
};

/**
 * Words for a rule a schema left without a message of its own (zod's English defaults read
 * "Invalid input: expected string, received null"). Schemas should still say what they mean:
 * this is the safety net, so no person ever sees validation jargon.
 */
export function humanIssueMessage(issue: Issue): string {
	const { code, origin } = issue;
	if (code === 'invalid_type') {
		if (issue.input === undefined || issue.input === null || issue.input === '')
			return 'Fill in this field.';
		if (issue.expected === 'number') return 'Enter a number.';
		if (issue.expected === 'boolean') return 'Tick the box or leave it empty.';
		return 'This value is not valid here.';
	}
	if (code === 'too_small')
		return origin === 'string'
			? Number(issue.minimum) <= 1
				? 'Fill in this field.'
				: `Use at least ${issue.minimum} characters.`
			: `Enter ${issue.minimum} or more.`;
	if (code === 'too_big')
		return origin === 'string'
			? `Use at most ${issue.maximum} characters.`
			: `Enter ${issue.maximum} or less.`;
	if (code === 'invalid_value') return 'Choose one of the options offered.';
	if (code === 'invalid_format')
		return issue.format === 'email'
			? 'Enter an email address, like name@example.org.'
			: 'This is not in the expected format.';
	return 'This value could not be accepted. Check it and try again.';
}

z.config({ customError: (issue) => humanIssueMessage(issue as Issue) });

/** The id of the record a form acts on (a hidden field the person never types). */
export function recordId(max = 40) {
	const message = staleFormSentence;
	return z.string({ error: message }).min(1, { error: message }).max(max, { error: message });
}

/** The version a form was opened at (a hidden field): stale saves are refused by it. */
export function recordVersion(min = 1) {
	const message = staleFormSentence;
	return z.number({ error: message }).int({ error: message }).min(min, { error: message });
}

/** Text that must be filled in; `message` is shown when it is empty or missing. */
export function requiredText(message: string, max = 200, min = 1) {
	return z
		.string({ error: message })
		.trim()
		.min(min, { error: message })
		.max(max, { error: `Use at most ${max} characters.` });
}

/** Text that may be left empty (becomes ''). */
export function optionalText(max = 5000) {
	return z
		.string()
		.max(max, { error: `Use at most ${max} characters.` })
		.nullish()
		.transform((v) => (v ?? '').trim());
}

/** A calendar day 'YYYY-MM-DD'. */
export function requiredDay(message = 'Enter a date.') {
	return z.string({ error: message }).refine(isDay, { error: message });
}

/** A calendar day, or '' when left empty. */
export function optionalDay(message = 'Enter a date or leave it empty.') {
	return z
		.string()
		.nullish()
		.transform((v) => v ?? '')
		.refine((v) => v === '' || isDay(v), { error: message });
}

/** The "Yes, delete it" checkbox every irreversible action asks for. */
export function confirmTick() {
	return z
		.boolean({ error: 'Tick the box to confirm.' })
		.refine((v) => v, { error: 'Tick the box to confirm.' });
}
