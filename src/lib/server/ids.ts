/** Random identifiers and tokens, and the hash under which a token is stored. */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

function randomBase32(bytes: number): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}

/** A record id: 80 random bits, so ids cannot be guessed or enumerated. */
export function newId(): string {
	return randomBase32(10);
}

/** A secret token for cookies and one-time links: 160 random bits. */
export function newToken(): string {
	return randomBase32(20);
}

/** Hex SHA-256 of a token: what the database stores instead of the token. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
