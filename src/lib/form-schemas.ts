/**
 * Zod building blocks for form actions. Astro turns an empty form field into null, so every
 * text field says in words what is missing instead of "expected string, received null".
 */
import { z } from 'astro/zod';
import { isDay } from './dates';

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
