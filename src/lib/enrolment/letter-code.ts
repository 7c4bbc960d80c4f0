/**
 * Enrolment letter codes: 20 characters of Crockford base32 (100 random bits), printed in four
 * groups of five so a visa officer can type one. Reading is forgiving: case, spaces, dashes and
 * the look-alikes O/I/L do not matter. Pure.
 */

/** Crockford's alphabet: no I, L, O or U, so nothing reads as something else. */
export const letterCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a code (without the dashes). */
export const letterCodeLength = 20;

/** The stored form of a typed code (upper case, no separators), or null when it cannot be one. */
export function normaliseLetterCode(input: string): string | null {
	const code = input
		.toUpperCase()
		.replace(/[\s\-–—_.]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	return /^[0-9A-HJKMNP-TV-Z]{20}$/.test(code) ? code : null;
}

/** How a code is printed: "ABCDE-FGHJK-MNPQR-STVWX". */
export function formatLetterCode(code: string): string {
	return code.match(/.{1,5}/g)?.join('-') ?? code;
}

/** A new code from 20 random bytes (each byte's low five bits: exactly uniform over 32). */
export function letterCodeFrom(bytes: Uint8Array): string {
	return Array.from(bytes.slice(0, letterCodeLength), (b) => letterCodeAlphabet[b & 31]).join('');
}
