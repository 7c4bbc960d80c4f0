import { describe, expect, it } from 'vitest';
import { focusFirstError } from '~/lib/error-focus';

const page = (main: string) =>
	`<html><body><header><div role="alert">Header alert</div></header><main id="main">${main}</main></body></html>`;

describe('focusFirstError', () => {
	it('puts autofocus on the first invalid field of the main part', () => {
		const html = page(
			'<div role="alert">Correct 2 fields</div><input type="hidden" name="id" aria-invalid="true"><textarea id="a" aria-invalid="true"></textarea><input id="b" aria-invalid="true">',
		);
		const out = focusFirstError(html, true);
		expect(out).toContain('<textarea autofocus id="a"');
		expect(out).not.toContain('<input autofocus id="b"');
		expect(out.match(/autofocus/g)).toHaveLength(1);
	});

	it('without an invalid field, makes the first alert of the main part focusable and focused', () => {
		const out = focusFirstError(
			page('<p>x</p><div role="alert" class="notice-error">No.</div>'),
			true,
		);
		expect(out).toContain('<div tabindex="-1" autofocus role="alert"');
		expect(out).toContain('<div role="alert">Header alert</div>');
	});

	it('leaves a page that did not refuse, or that sets its own autofocus, as it is', () => {
		const standing = page('<div role="alert">Your report is late.</div>');
		expect(focusFirstError(standing, false)).toBe(standing);
		const own = page('<input autofocus name="q"><input aria-invalid="true">');
		expect(focusFirstError(own, true)).toBe(own);
		const nothing = page('<p>Saved.</p>');
		expect(focusFirstError(nothing, true)).toBe(nothing);
	});
});
