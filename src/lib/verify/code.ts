/**
 * Verification codes: the one format for every document anyone can check signed out at
 * /verify/<code> (enrolment letters, certificates of completion, any other). 16 characters of
 * Crockford base32, printed in four groups of four, e.g. "C7K3-MQ9T-WX2H-D5RN": the first names the
 * kind of document (so even an unknown code gets a message about the right document), the other
 * 15 are random (75 bits; /verify is throttled, so a code cannot be guessed).
 * Reading is forgiving, the same way for every document: case, spaces and dashes do not matter,
 * and the look-alikes O, I and L read as 0, 1 and 1. Codes printed before this format (20-character
 * letter codes in groups of five, 32-character lower-case certificate codes) still read. Pure.
 */

/** Crockford's alphabet: no I, L, O or U, so nothing reads as something else. */
export const verifyCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a code (without the dashes). */
export const verifyCodeLength = 16;
/** What a person is told about the code's shape. */
export const verifyCodeShape = '16 letters and digits in four groups of four';

/** The documents that carry a code, each with the character its codes start with. */
export const verifiableDocuments = {
	letter: { prefix: 'E', name: 'enrolment letter', where: 'at the foot of the letter' },
	certificate: { prefix: 'C', name: 'certificate of completion', where: 'under the certificate' },
} as const;
export type VerifiableDocument = keyof typeof verifiableDocuments;

const crockford = /^[0-9A-HJKMNP-TV-Z]+$/;

/** A code for a document from random bytes (each byte's low five bits: exactly uniform over 32). */
export function verifyCodeFrom(kind: VerifiableDocument, bytes: Uint8Array): string {
	const n = verifyCodeLength - 1;
	if (bytes.length < n) throw new Error(`A code needs ${n} random bytes.`);
	const random = Array.from(bytes.slice(0, n), (b) => verifyCodeAlphabet[b & 31]).join('');
	return verifiableDocuments[kind].prefix + random;
}

/** A new random code for a document, as stored (upper case, no dashes). */
export function newVerifyCode(kind: VerifiableDocument): string {
	return verifyCodeFrom(kind, crypto.getRandomValues(new Uint8Array(verifyCodeLength - 1)));
}

/** How a code is printed, for the examples in messages. */
export function verifyCodeExample(kind: VerifiableDocument): string {
	return formatVerifyCode(`${verifiableDocuments[kind].prefix}7K3MQ9TWX2HD5RN`);
}

/** How a stored code is printed: "7K3M-Q9TW-X2HD-5RNB" (older letter codes in groups of five). */
export function formatVerifyCode(code: string): string {
	const size = code.length === 20 ? 5 : code.length === verifyCodeLength ? 4 : 0;
	return size ? (code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? code) : code;
}

/** The typed text without separators (spaces, dashes, underscores, dots). */
function stripped(typed: string): string {
	return typed.replace(/[\s\-‐‑–—_.]/g, '');
}

/**
 * The stored forms a typed code may be, most likely first (none when it cannot be a code):
 * the current format, an older 20-character letter code, an older 32-character certificate code.
 */
export function verifyCodeCandidates(typed: string): string[] {
	const bare = stripped(typed);
	const upper = bare.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
	const found: string[] = [];
	if ((upper.length === verifyCodeLength || upper.length === 20) && crockford.test(upper))
		found.push(upper);
	// Certificates issued before: RFC 4648 base32, stored in lower case (I, L and O are letters there).
	if (/^[a-z2-7]{32}$/i.test(bare)) found.push(bare.toLowerCase());
	return found;
}

/**
 * Which document a typed code belongs to, from its shape alone (null when it cannot be a code):
 * the current format's first character, or the length of an older code.
 */
export function verifyCodeDocument(typed: string): VerifiableDocument | null {
	for (const code of verifyCodeCandidates(typed)) {
		if (code.length === 20) return 'letter';
		if (code.length === 32) return 'certificate';
		const kind = Object.entries(verifiableDocuments).find(([, d]) => d.prefix === code[0]);
		if (kind) return kind[0] as VerifiableDocument;
	}
	return null;
}
