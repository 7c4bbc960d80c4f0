/**
 * Passkeys and security keys (WebAuthn) as a second factor, with `@oslojs/webauthn` as the Lucia
 * example uses it: the portal makes and stores the challenge (in the database, so any instance
 * can check it), parses what the browser returns, checks the relying party, origin, challenge and
 * user verification, and verifies assertion signatures itself (ES256 and RS256).
 */
import { and, eq, gt } from 'drizzle-orm';
import {
	ClientDataType,
	coseAlgorithmES256,
	coseAlgorithmRS256,
	coseEllipticCurveP256,
	createAssertionSignatureMessage,
	parseAttestationObject,
	parseAuthenticatorData,
	parseClientDataJSON,
	type AuthenticatorData,
} from '@oslojs/webauthn';
import {
	decodePKIXECDSASignature,
	decodeSEC1PublicKey,
	ECDSAPublicKey,
	p256,
	verifyECDSASignature,
} from '@oslojs/crypto/ecdsa';
import {
	decodePKCS1RSAPublicKey,
	RSAPublicKey,
	sha256ObjectIdentifier,
	verifyRSASSAPKCS1v15Signature,
} from '@oslojs/crypto/rsa';
import { sha256 } from '@oslojs/crypto/sha2';
import { decodeBase64, encodeBase64, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { decodeBase64urlIgnorePadding } from '@oslojs/encoding';
import type { Db } from '~db/client';
import { passkeyTable, webauthnChallengeTable } from '~db/schema';
import { recordAudit } from '../audit';
import { RuleError } from '../errors';
import { findRow } from '../find-row';
import { hashToken } from '../ids';
import { completeSecondFactor } from './second-factor';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

/** A challenge is good for five minutes, once. */
const challengeLifetimeMs = 5 * 60 * 1000;

/** Where the browser talks to: the relying-party id is the host name, the origin must match. */
export type RelyingParty = { id: string; origin: string };

/** A new challenge, stored (as a hash) until used or expired; base64url for the browser. */
export async function newChallenge(db: Db, now = Date.now()): Promise<string> {
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	const text = encodeBase64urlNoPadding(bytes);
	await db
		.insert(webauthnChallengeTable)
		.values({ id: hashToken(text), expiresAt: new Date(now + challengeLifetimeMs) });
	return text;
}

/** Uses up a challenge; false when it is unknown, used or expired. */
async function useChallenge(db: Db, challenge: Uint8Array, now: number): Promise<boolean> {
	const gone = await db
		.delete(webauthnChallengeTable)
		.where(
			and(
				eq(webauthnChallengeTable.id, hashToken(encodeBase64urlNoPadding(challenge))),
				gt(webauthnChallengeTable.expiresAt, new Date(now)),
			),
		)
		.returning({ id: webauthnChallengeTable.id });
	return gone.length === 1;
}

const refused = (message: string) => new RuleError('invalid', message);

/** Checks the client data of a ceremony: its type, origin and an unused challenge of ours. */
async function checkClientData(
	db: Db,
	clientDataJSON: Uint8Array,
	type: ClientDataType,
	rp: RelyingParty,
	now: number,
) {
	let client;
	try {
		client = parseClientDataJSON(clientDataJSON);
	} catch {
		throw refused('The browser’s answer could not be read. Try again.');
	}
	if (client.type !== type || client.origin !== rp.origin || client.crossOrigin)
		throw refused('This passkey answer was made for another site. Try again from this page.');
	if (!(await useChallenge(db, client.challenge, now)))
		throw refused('This passkey request has expired. Try again.');
}

/** The authenticator data, checked: this relying party, the person present and verified. */
function checkAuthenticator(data: AuthenticatorData, rp: RelyingParty) {
	if (!data.verifyRelyingPartyIdHash(rp.id)) throw refused('This passkey belongs to another site.');
	if (!data.userPresent || !data.userVerified)
		throw refused('The passkey did not confirm it was you (PIN, fingerprint or face). Try again.');
}

/** What the browser needs to create a passkey for this person. */
export async function registrationOptions(
	db: Db,
	user: { id: string; email: string; name: string },
	rp: RelyingParty,
) {
	const existing = await db
		.select({ id: passkeyTable.id })
		.from(passkeyTable)
		.where(eq(passkeyTable.userId, user.id));
	return {
		challenge: await newChallenge(db),
		rp: { id: rp.id, name: 'RILO A/P Programme Portal' },
		user: {
			id: encodeBase64urlNoPadding(new TextEncoder().encode(user.id)),
			name: user.email,
			displayName: user.name,
		},
		excludeCredentials: existing.map((p) => p.id),
	};
}

/** Stores a new passkey from the browser's attestation (the person is signed in). */
export async function registerPasskey(
	db: Db,
	userId: string,
	input: { attestationObject: string; clientDataJSON: string; name: string },
	rp: RelyingParty,
	now = Date.now(),
) {
	let attestation;
	try {
		attestation = parseAttestationObject(decodeBase64urlIgnorePadding(input.attestationObject));
	} catch {
		throw refused('The browser’s answer could not be read. Try again.');
	}
	await checkClientData(
		db,
		decodeBase64urlIgnorePadding(input.clientDataJSON),
		ClientDataType.Create,
		rp,
		now,
	);
	const data = attestation.authenticatorData;
	checkAuthenticator(data, rp);
	const credential = data.credential;
	if (!credential) throw refused('The browser sent no passkey. Try again.');
	const algorithm = credential.publicKey.algorithm();
	let publicKey: Uint8Array;
	if (algorithm === coseAlgorithmES256) {
		const key = credential.publicKey.ec2();
		if (key.curve !== coseEllipticCurveP256)
			throw refused('This kind of passkey is not supported.');
		publicKey = new ECDSAPublicKey(p256, key.x, key.y).encodeSEC1Uncompressed();
	} else if (algorithm === coseAlgorithmRS256) {
		const key = credential.publicKey.rsa();
		publicKey = new RSAPublicKey(key.n, key.e).encodePKCS1();
	} else throw refused('This kind of passkey is not supported.');
	const id = encodeBase64urlNoPadding(credential.id);
	if (await findRow(db, passkeyTable, eq(passkeyTable.id, id)))
		throw new RuleError('conflict', 'This passkey is already registered.');
	await db.transaction(async (tx) => {
		await tx.insert(passkeyTable).values({
			id,
			userId,
			publicKey: encodeBase64(publicKey),
			algorithm,
			name: input.name.trim() || 'Passkey',
		});
		await recordAudit(
			tx,
			{
				actorId: userId,
				action: 'auth.second_factor_enrolled',
				subjectType: 'user',
				subjectId: userId,
				details: { method: 'passkey' },
			},
			now,
		);
	});
}

/** Removes one of the person's passkeys (audited); another person's id is not found. */
export async function removePasskey(db: Db, userId: string, id: string, now = Date.now()) {
	const gone = await db
		.delete(passkeyTable)
		.where(and(eq(passkeyTable.id, id), eq(passkeyTable.userId, userId)))
		.returning({ id: passkeyTable.id });
	if (!gone.length) throw new RuleError('not_found', 'That passkey is not one of yours.');
	await recordAudit(
		db,
		{
			actorId: userId,
			action: 'auth.second_factor_removed',
			subjectType: 'user',
			subjectId: userId,
			details: { method: 'passkey' },
		},
		now,
	);
}

/** What the browser needs to sign in with one of the person's passkeys. */
export async function authenticationOptions(db: Db, userId: string) {
	const keys = await db
		.select({ id: passkeyTable.id })
		.from(passkeyTable)
		.where(eq(passkeyTable.userId, userId));
	return { challenge: await newChallenge(db), allowCredentials: keys.map((k) => k.id) };
}

/** True when `signature` over the assertion verifies with the stored key. */
function signatureVerifies(
	stored: { publicKey: string; algorithm: number },
	message: Uint8Array,
	signature: Uint8Array,
): boolean {
	const hash = sha256(message);
	try {
		if (stored.algorithm === coseAlgorithmES256)
			return verifyECDSASignature(
				decodeSEC1PublicKey(p256, decodeBase64(stored.publicKey)),
				hash,
				decodePKIXECDSASignature(signature),
			);
		if (stored.algorithm === coseAlgorithmRS256)
			return verifyRSASSAPKCS1v15Signature(
				decodePKCS1RSAPublicKey(decodeBase64(stored.publicKey)),
				sha256ObjectIdentifier,
				hash,
				signature,
			);
	} catch {
		return false;
	}
	return false;
}

/**
 * The second step of signing in with a passkey: the assertion must come from one of this
 * person's passkeys, for this site, over an unused challenge. Throttled like codes.
 */
export async function verifyPasskey(
	db: Db,
	input: {
		sessionId: string;
		userId: string;
		address: string;
		credentialId: string;
		authenticatorData: string;
		clientDataJSON: string;
		signature: string;
	},
	rp: RelyingParty,
	now = Date.now(),
): Promise<void> {
	const personKey = throttleKey('factor', input.userId);
	const retryAt = await blockedUntil(db, [personKey, throttleKey('address', input.address)], now);
	if (retryAt) throw new RuleError('forbidden', 'Too many failed tries. Wait a few minutes.');
	const fail = async (message: string) => {
		await recordFailure(db, 'factor', personKey, now);
		await recordAudit(
			db,
			{
				actorId: input.userId,
				action: 'auth.second_factor_failed',
				subjectType: 'user',
				subjectId: input.userId,
				details: { method: 'passkey' },
			},
			now,
		);
		return refused(message);
	};
	const stored = await findRow(
		db,
		passkeyTable,
		and(eq(passkeyTable.id, input.credentialId), eq(passkeyTable.userId, input.userId))!,
	);
	if (!stored) throw await fail('This passkey is not registered for your account.');
	let authenticatorData: Uint8Array, clientDataJSON: Uint8Array, signature: Uint8Array;
	try {
		authenticatorData = decodeBase64urlIgnorePadding(input.authenticatorData);
		clientDataJSON = decodeBase64urlIgnorePadding(input.clientDataJSON);
		signature = decodeBase64urlIgnorePadding(input.signature);
		checkAuthenticator(parseAuthenticatorData(authenticatorData), rp);
	} catch (error) {
		throw error instanceof RuleError ? error : await fail('The passkey answer could not be read.');
	}
	await checkClientData(db, clientDataJSON, ClientDataType.Get, rp, now);
	const message = createAssertionSignatureMessage(authenticatorData, clientDataJSON);
	if (!signatureVerifies(stored, message, signature))
		throw await fail('The passkey’s signature does not match. Try again.');
	await clearFailures(db, personKey);
	await db
		.update(passkeyTable)
		.set({ lastUsedAt: new Date(now) })
		.where(eq(passkeyTable.id, stored.id));
	await completeSecondFactor(db, input.sessionId);
	await recordAudit(
		db,
		{
			actorId: input.userId,
			action: 'auth.second_factor_used',
			subjectType: 'user',
			subjectId: input.userId,
			details: { method: 'passkey' },
		},
		now,
	);
}
