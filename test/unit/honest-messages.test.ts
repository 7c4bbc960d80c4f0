import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
	errorSentence,
	fieldMessages,
	isHumanMessage,
	staleFormSentence,
} from '~/lib/action-error';
import { flashMessage } from '~/lib/flash';
import { humanIssueMessage, recordId, requiredText } from '~/lib/form-schemas';
import { entryFlashes, flashAfterSave } from '~/lib/logbook/entry-form';

/** What Astro hands a page for a refused form: its input error, as serialised. */
function inputError(issues: { path: string[]; message: string }[]) {
	const fields: Record<string, string[]> = {};
	for (const i of issues) (fields[i.path[0]!] ??= []).push(i.message);
	return {
		type: 'AstroActionInputError',
		code: 'BAD_REQUEST',
		status: 400,
		message: `Failed to validate: ${JSON.stringify(issues, null, 2)}`,
		issues,
		fields,
	};
}

const raw = /Failed to validate|"path"|\[\s*\{|AstroActionInputError|Too small|Invalid input/;

describe('the flash rule: a message only right after the action it reports', () => {
	const url = (q: string) => new URL(`http://x/logbook/abc${q}`);
	it('shows nothing on a plain open', () => {
		expect(flashMessage(url(''), entryFlashes)).toBeNull();
	});
	it('shows nothing for an unknown, empty or numeric key (no index fallback)', () => {
		for (const q of ['?done', '?done=', '?done=0', '?done=abc', '?saved', '?done=toString'])
			expect(flashMessage(url(q), entryFlashes), q).toBeNull();
	});
	it('says "Draft saved" after a draft save and "Submitted" only after a submit', () => {
		expect(flashMessage(url(`?done=${flashAfterSave('draft', 'draft')}`), entryFlashes)).toMatch(
			/^Draft saved/,
		);
		expect(flashMessage(url(`?done=${flashAfterSave('submit', 'submitted')}`), entryFlashes)).toBe(
			'Submitted for review. Your mentors have been notified.',
		);
		expect(flashAfterSave('draft', 'changes_requested')).toBe('saved');
		expect(entryFlashes.saved).not.toMatch(/Submitted/);
	});
});

describe('refused actions read as sentences', () => {
	it('an input error becomes its field’s message, never the raw output', () => {
		const e = inputError([{ path: ['comment'], message: 'Say what should change.' }]);
		expect(errorSentence(e)).toBe('Say what should change.');
		expect(fieldMessages(e)).toEqual({ comment: 'Say what should change.' });
	});
	it('several fields are counted; hidden-field problems say to reload', () => {
		expect(
			errorSentence(
				inputError([
					{ path: ['title'], message: 'Give the entry a title.' },
					{ path: ['summary'], message: 'Say what was done.' },
				]),
			),
		).toBe('Please correct the 2 fields marked below.');
		expect(
			errorSentence(
				inputError([
					{ path: ['id'], message: staleFormSentence },
					{ path: ['title'], message: 'Give the entry a title.' },
				]),
			),
		).toBe(staleFormSentence);
	});
	it('zod’s defaults and JSON are never passed through', () => {
		const e = inputError([
			{ path: ['x'], message: 'Invalid input: expected string, received null' },
		]);
		expect(errorSentence(e)).not.toMatch(raw);
		expect(fieldMessages(e)).toEqual({});
		expect(errorSentence({ message: '[{"path":["a"]}]', code: 'BAD_REQUEST' })).not.toMatch(raw);
		expect(errorSentence({ code: 'UNAUTHORIZED' })).toMatch(/Sign in/);
		expect(errorSentence({ message: 'This entry has already been submitted.' })).toBe(
			'This entry has already been submitted.',
		);
	});
	it('a schema without its own message still speaks to people', () => {
		const schema = z.object({
			n: z.number(),
			s: z.string(),
			e: z.enum(['a', 'b']),
			short: z.string().min(5),
			email: z.email(),
		});
		const result = schema.safeParse({ n: null, s: null, e: 'c', short: 'ab', email: 'nope' });
		expect(result.success).toBe(false);
		for (const issue of result.error!.issues) {
			expect(isHumanMessage(issue.message), issue.message).toBe(true);
			expect(issue.message).toMatch(/\.$/);
		}
		expect(humanIssueMessage({ code: 'too_big', origin: 'string', maximum: 10 })).toBe(
			'Use at most 10 characters.',
		);
	});
	it('hidden fields and required text have their own words', () => {
		expect(recordId().safeParse(null).error?.issues[0]?.message).toBe(staleFormSentence);
		expect(requiredText('Write a comment first.').safeParse(null).error?.issues[0]?.message).toBe(
			'Write a comment first.',
		);
	});
});
