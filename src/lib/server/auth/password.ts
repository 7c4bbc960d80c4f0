/** Password hashing (argon2id, OWASP parameters) and the rules a new password must meet. */
import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords';

/** OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. */
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** Shortest password accepted; a passphrase of a few words is the easy way to reach it. */
export const minPasswordLength = 12;
/** Longest accepted, so hashing cost stays bounded. */
export const maxPasswordLength = 256;

/** Hashes a password into a PHC string. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, argon2Options);
}

/** True when the password matches the stored hash. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password).catch(() => false);
}

/** Says what is wrong with a proposed password, or null when it is acceptable. */
export function passwordProblem(password: string, email = ''): string | null {
	if (password.length < minPasswordLength)
		return `Use at least ${minPasswordLength} characters — a few unrelated words make a good passphrase.`;
	if (password.length > maxPasswordLength) return `Use at most ${maxPasswordLength} characters.`;
	const lower = password.toLowerCase();
	if (commonPasswords.has(lower))
		return 'This password is on a list of common passwords. Choose another.';
	if (new Set(lower).size < 4) return 'This password repeats too few characters. Choose another.';
	const local = email.split('@')[0]?.toLowerCase() ?? '';
	if (local.length >= 4 && lower.includes(local))
		return `Do not put the part of your email address before the @ (“${email.split('@')[0]}”) in your password.`;
	return null;
}

/** A hash of a random password, compared against when the email is unknown so timing says nothing. */
export const decoyHash = hashPassword(crypto.randomUUID());
