/** The one verification code format every verifiable document has (`src/lib/verify/code.ts`). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	formatVerifyCode,
	newVerifyCode,
	verifyCodeCandidates,
	verifyCodeDocument,
	verifyCodeExample,
	verifyCodeFrom,
} from '~/lib/verify/code';

describe('verification codes', () => {
	it('are 16 Crockford characters in four groups of four, the first naming the document', () => {
		const letter = newVerifyCode('letter');
		const certificate = newVerifyCode('certificate');
		for (const code of [letter, certificate]) {
			expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
			expect(formatVerifyCode(code)).toMatch(/^(\w{4}-){3}\w{4}$/);
		}
		expect(letter[0]).toBe('E');
		expect(certificate[0]).toBe('C');
		expect(verifyCodeDocument(letter)).toBe('letter');
		expect(verifyCodeDocument(formatVerifyCode(certificate).toLowerCase())).toBe('certificate');
		expect(verifyCodeExample('certificate')).toMatch(/^C\w{3}-\w{4}-\w{4}-\w{4}$/);
	});

	it('read the same forgiving way for every document: case, spaces, dashes, O/I/L', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('letter' as const, 'certificate' as const),
				fc.uint8Array({ minLength: 15, maxLength: 15 }),
				fc.constantFrom(' ', '-', '', ' - ', '–'),
				fc.boolean(),
				(kind, bytes, separator, lower) => {
					const code = verifyCodeFrom(kind, bytes);
					const typed = ` ${formatVerifyCode(code).split('-').join(separator)} `;
					expect(verifyCodeCandidates(lower ? typed.toLowerCase() : typed)).toEqual([code]);
				},
			),
		);
		expect(verifyCodeCandidates('CO1L-0000-1111-2222')).toEqual(['C011000011112222']);
		expect(verifyCodeCandidates('cili oooo 1111 2222')).toEqual(['C111000011112222']);
	});

	it('still read the codes printed before (20-character letters, 32-character certificates)', () => {
		expect(verifyCodeCandidates('abcde-fghjk-mnpqr-stvwx')).toEqual(['ABCDEFGHJKMNPQRSTVWX']);
		expect(verifyCodeDocument('ABCDE FGHJK MNPQR STVWX')).toBe('letter');
		const old = 'abcdefghijklmnopqrstuvwxyz234567';
		// An old certificate code is RFC 4648 base32: I, L, O are letters there, kept as typed.
		expect(verifyCodeCandidates(old.toUpperCase())).toContain(old);
		expect(verifyCodeCandidates(old.match(/.{4}/g)!.join('-'))).toContain(old);
		expect(verifyCodeDocument(old)).toBe('certificate');
	});

	it('refuse what cannot be a code', () => {
		for (const typed of ['', 'too-short', 'U'.repeat(16), '../../etc/passwd', 'C'.repeat(17)])
			expect(verifyCodeCandidates(typed)).toEqual([]);
		expect(verifyCodeDocument('Z000-0000-0000-0000')).toBeNull();
	});
});
