/**
 * The browser's half of WebAuthn: turns the server's options (base64url strings) into what
 * navigator.credentials expects, and its answers back into base64url strings for a form.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';

const bytes = (text: string) => decodeBase64urlIgnorePadding(text) as Uint8Array<ArrayBuffer>;
const text = (buffer: ArrayBuffer) => encodeBase64urlNoPadding(new Uint8Array(buffer));

/** Creates a passkey from the server's registration options. */
export async function createPasskey(options: {
	challenge: string;
	rp: { id: string; name: string };
	user: { id: string; name: string; displayName: string };
	excludeCredentials: string[];
}) {
	const credential = (await navigator.credentials.create({
		publicKey: {
			challenge: bytes(options.challenge),
			rp: options.rp,
			user: { ...options.user, id: bytes(options.user.id) },
			pubKeyCredParams: [
				{ type: 'public-key', alg: -7 },
				{ type: 'public-key', alg: -257 },
			],
			excludeCredentials: options.excludeCredentials.map((id) => ({
				type: 'public-key' as const,
				id: bytes(id),
			})),
			authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
			attestation: 'none',
		},
	})) as PublicKeyCredential | null;
	if (!credential) return null;
	const response = credential.response as AuthenticatorAttestationResponse;
	return {
		attestationObject: text(response.attestationObject),
		clientDataJSON: text(response.clientDataJSON),
	};
}

/** Signs the server's challenge with one of the person's passkeys. */
export async function usePasskey(options: { challenge: string; allowCredentials: string[] }) {
	const credential = (await navigator.credentials.get({
		publicKey: {
			challenge: bytes(options.challenge),
			allowCredentials: options.allowCredentials.map((id) => ({
				type: 'public-key' as const,
				id: bytes(id),
			})),
			userVerification: 'required',
		},
	})) as PublicKeyCredential | null;
	if (!credential) return null;
	const response = credential.response as AuthenticatorAssertionResponse;
	return {
		credentialId: text(credential.rawId),
		authenticatorData: text(response.authenticatorData),
		clientDataJSON: text(response.clientDataJSON),
		signature: text(response.signature),
	};
}
